package frontier.display.ome;

import frontier.ome.Axis;
import frontier.ome.ArrayInfo;
import frontier.ome.ImageLabel;
import frontier.ome.Multiscale;
import frontier.ome.OmeInfo;
import frontier.ome.OmeMetadata;
import frontier.ome.OmeNode;
import frontier.ome.Omero;
import frontier.ome.Plate;

import java.util.List;
import java.util.Map;

import static frontier.text.Html.escape;

/**
 * {@code ome_zarr info} in a notebook: one collapsible block per node with channels (color
 * swatches), axes with units and the pyramid levels (shape, chunks, dtype, compressor);
 * self-contained (inline styles only).
 */
public final class OmeInfoHtml {
    private OmeInfoHtml() {
    }

    /** The renderer: ome-zarr-py's text and the HTML tree. */
    public static void render(OmeInfo info, Map<String, Object> bundle) {
        bundle.put("text/plain", info.toString());
        bundle.put("text/html", html(info));
    }

    public static String html(OmeInfo info) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"frontier-ome-info\" style=\"font-family:sans-serif;font-size:13px\">");
        for (OmeNode n : info.nodes()) node(h, n, info.hasStats());
        if (!info.warnings().isEmpty()) {
            h.append("<div style=\"color:#a60\"><b>Warnings</b><ul>");
            for (String w : info.warnings()) h.append("<li>").append(escape(w)).append("</li>");
            h.append("</ul></div>");
        }
        return h.append("</div>").toString();
    }

    private static void node(StringBuilder h, OmeNode n, boolean stats) {
        h.append("<details open style=\"margin:4px 0 8px 0\"><summary><code>").append(escape(n.path())).append("</code>");
        if (n.specs().isEmpty()) h.append(" <i>not an ome-zarr node</i>");
        for (String s : n.specs()) {
            h.append(" <span style=\"background:#e8eef8;border-radius:3px;padding:0 4px;margin-left:3px\">").append(escape(s)).append("</span>");
        }
        if (!n.visible()) h.append(" <span style=\"color:#888\">(hidden)</span>");
        h.append("</summary><div style=\"margin-left:1.5em\">");
        OmeMetadata md = n.metadata();
        Multiscale ms = md == null ? null : md.multiscale();
        if (ms != null) {
            h.append("<div>NGFF ").append(escape(ms.version()));
            if (ms.name() != null) h.append(" &middot; name <code>").append(escape(ms.name())).append("</code>");
            h.append(" &middot; axes ");
            List<Axis> axes = ms.axes();
            for (int i = 0; i < axes.size(); i++) {
                Axis a = axes.get(i);
                h.append(i > 0 ? ", " : "").append("<b>").append(escape(a.name())).append("</b>");
                if (a.type() != null || a.unit() != null) {
                    h.append(" <span style=\"color:#666\">(")
                            .append(escape(a.type() == null ? "" : a.type()))
                            .append(a.unit() != null ? (a.type() != null ? ", " : "") + escape(a.unit()) : "")
                            .append(")</span>");
                }
            }
            h.append("</div>");
        }
        if (md != null && md.omero() != null && !md.omero().channels().isEmpty()) {
            h.append("<div>Channels: ");
            List<Omero.Channel> cs = md.omero().channels();
            for (int i = 0; i < cs.size(); i++) {
                Omero.Channel c = cs.get(i);
                String css = c.cssColor();
                h.append(i > 0 ? " " : "").append("<span style=\"white-space:nowrap;margin-right:8px\">");
                if (css != null) {
                    h.append("<span title=\"").append(css).append("\" style=\"display:inline-block;width:0.9em;height:0.9em;border:1px solid #999;vertical-align:middle;background:")
                            .append(css).append("\"></span> ");
                }
                h.append(escape(c.label() != null ? c.label() : "channel_" + i));
                if (c.window() != null && c.window().start() != null && c.window().end() != null) {
                    h.append(" <span style=\"color:#666\">[").append(OmeInfo.num(c.window().start())).append(", ")
                            .append(OmeInfo.num(c.window().end())).append("]</span>");
                }
                if (Boolean.FALSE.equals(c.active())) h.append(" <span style=\"color:#888\">(off)</span>");
                h.append("</span>");
            }
            h.append("</div>");
        }
        if (md != null && md.labels() != null) {
            h.append("<div>Labels: ").append(escape(String.join(", ", md.labels()))).append("</div>");
        }
        if (md != null && md.imageLabel() != null) {
            ImageLabel il = md.imageLabel();
            h.append("<div>Label image");
            if (il.sourceImage() != null) h.append(" of <code>").append(escape(il.sourceImage())).append("</code>");
            h.append(", ").append(il.colors().size()).append(" colors ");
            int shown = 0;
            for (ImageLabel.LabelColor c : il.colors()) {
                if (c.rgba() == null) continue;
                if (shown++ == 16) {
                    h.append("&hellip;");
                    break;
                }
                List<Integer> v = c.rgba();
                h.append("<span title=\"").append(escape(String.valueOf(c.labelValue()))).append("\" style=\"display:inline-block;width:0.8em;height:0.8em;background:rgba(")
                        .append(v.get(0)).append(',').append(v.get(1)).append(',').append(v.get(2)).append(',')
                        .append(v.get(3) / 255.0).append(")\"></span>");
            }
            h.append("</div>");
        }
        if (md != null && md.plate() != null) {
            Plate p = md.plate();
            h.append("<div>Plate: ").append(p.rows().size()).append(" rows &times; ").append(p.columns().size())
                    .append(" columns, ").append(p.wells().size()).append(" wells</div>");
        }
        if (md != null && md.well() != null) {
            h.append("<div>Well: ").append(md.well().images().size()).append(" fields</div>");
        }
        if (!n.levels().isEmpty()) {
            h.append("<table style=\"border-collapse:collapse;margin-top:4px\"><tr style=\"text-align:left\">")
                    .append("<th style=\"padding:1px 8px\">level</th><th style=\"padding:1px 8px\">shape</th>")
                    .append("<th style=\"padding:1px 8px\">chunks</th><th style=\"padding:1px 8px\">dtype</th>")
                    .append("<th style=\"padding:1px 8px\">compressor</th>");
            if (stats) h.append("<th style=\"padding:1px 8px\">min, max</th>");
            h.append("</tr>");
            for (int i = 0; i < n.levels().size(); i++) {
                OmeNode.Level l = n.levels().get(i);
                h.append("<tr>");
                cell(h, l.path() == null ? String.valueOf(i) : l.path());
                cell(h, ArrayInfo.tuple(l.shape()));
                cell(h, ArrayInfo.tuple(l.array().chunks()));
                cell(h, l.array().dtypeName() + " (" + l.array().dtype() + ")");
                cell(h, l.array().compressorName());
                if (stats) {
                    Number[] mm = i < n.stats().size() ? n.stats().get(i) : null;
                    cell(h, mm == null ? "" : OmeInfo.num(mm[0]) + ", " + OmeInfo.num(mm[1]));
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
        h.append("</div></details>");
    }

    private static void cell(StringBuilder h, String s) {
        h.append("<td style=\"padding:1px 8px;font-family:monospace\">").append(escape(s)).append("</td>");
    }

}
