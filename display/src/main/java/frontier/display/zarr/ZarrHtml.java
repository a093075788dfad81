package frontier.display.zarr;

import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrArrayMetadata;
import frontier.zarr.ZarrGroup;
import frontier.zarr.ZarrInfo;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static frontier.text.Html.escape;
import static frontier.zarr.ZarrText.compressorRepr;
import static frontier.zarr.ZarrText.dtypeStr;
import static frontier.zarr.ZarrText.tuple;

/**
 * Zarr arrays and groups in a notebook: an array as zarr-python's {@code .info} table (its
 * {@code _repr_html_}), a group as a collapsible tree of its arrays (shape, dtype, chunks,
 * compressor) and groups.
 */
public final class ZarrHtml {
    /** Entries a group's tree shows at most, over all levels. */
    static final int TREE_BUDGET = 500;

    private ZarrHtml() {
    }

    /** An array: its repr, and its .info table (or the reason it cannot be read). */
    public static void array(ZarrArray a, Map<String, Object> bundle) {
        bundle.put("text/plain", a.toString());
        try {
            bundle.put("text/html", table(a.info()));
        } catch (IOException e) {
            bundle.put("text/html", "<pre>" + escape(a + "\n" + e.getMessage()) + "</pre>");
        }
    }

    /** An array's .info on its own. */
    public static void info(ZarrInfo info, Map<String, Object> bundle) {
        bundle.put("text/plain", info.toString());
        bundle.put("text/html", table(info));
    }

    /** zarr-python's InfoReporter HTML. */
    public static String table(ZarrInfo info) {
        StringBuilder sb = new StringBuilder("<table class=\"zarr-info\"><tbody>");
        for (ZarrInfo.Row r : info.rows()) {
            sb.append("<tr><th style=\"text-align: left\">").append(escape(r.name())).append("</th><td style=\"text-align: left\">")
                    .append(escape(r.value())).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** A group: its repr, and the tree of what it holds (the reason instead where the store fails). */
    public static void group(ZarrGroup g, Map<String, Object> bundle) {
        bundle.put("text/plain", g.toString());
        StringBuilder sb = new StringBuilder("<div class=\"zarr-tree\"><details open><summary><b>")
                .append(escape(g.name())).append("</b> (group)</summary>");
        try {
            int[] budget = {TREE_BUDGET};
            tree(g, sb, budget, 0);
        } catch (IOException e) {
            sb.append("<div>").append(escape(e.getMessage())).append("</div>");
        }
        sb.append("</details></div>");
        bundle.put("text/html", sb.toString());
    }

    private static void tree(ZarrGroup g, StringBuilder sb, int[] budget, int depth) throws IOException {
        sb.append("<ul style=\"list-style: none; margin: 0; padding-left: 1.2em\">");
        List<String> arrays = g.arrayKeys();
        for (String k : g.keys()) {
            if (budget[0]-- <= 0) {
                sb.append("<li>…</li>");
                break;
            }
            if (arrays.contains(k)) {
                ZarrArrayMetadata md = g.get(k).metadata();
                sb.append("<li>&#x25A6; <b>").append(escape(k)).append("</b> ")
                        .append(escape(tuple(md.shape()))).append(' ')
                        .append(escape(dtypeStr(md)))
                        .append(" <span style=\"color: #777\">chunks ").append(escape(tuple(md.chunks())))
                        .append(", ").append(escape(compressorRepr(md))).append("</span></li>");
            } else {
                sb.append("<li><details").append(depth < 2 ? " open" : "").append("><summary>&#x1F4C1; <b>")
                        .append(escape(k)).append("</b></summary>");
                if (depth < 16) tree(g.group(k), sb, budget, depth + 1);
                sb.append("</details></li>");
            }
        }
        sb.append("</ul>");
    }
}
