package frontier.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static frontier.text.Html.escape;

/**
 * The view's HTML: the spec as JSON (voxels base64, one byte per voxel), the PNG shown until
 * the script takes over (and kept when it cannot: no JavaScript, an untrusted notebook, no
 * WebGL2), and a small script that mounts the view now or as soon as the bundle arrives. The
 * bundle, when a view carries it, goes between the two {@link Parts}.
 */
final class ViewHtml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewHtml() {
    }


    /** A view's HTML around the place of the script bundle. */
    record Parts(String head, String tail) {
        String with(boolean bundle) {
            return bundle ? head + ViewerBundle.scriptTag() + "\n" + tail : head + tail;
        }
    }

    static Parts render(ViewData d, double[] spacingZyx, String label, String note, ViewOptions o, byte[] png) {
        String id = "fv-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dims", new int[]{d.nx, d.ny, d.nz});
        spec.put("spacing", new double[]{spacingZyx[2], spacingZyx[1], spacingZyx[0]});
        List<Map<String, Object>> chans = new ArrayList<>();
        int shown = Math.min(4, d.channels());
        for (int c = 0; c < shown; c++) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("name", d.names[c]);
            ch.put("color", d.colors[c]);
            ch.put("window", d.window[c]);
            ch.put("range", d.range[c]);
            ch.put("visible", d.visible[c]);
            ch.put("data", Base64.getEncoder().encodeToString(d.voxels[c]));
            chans.add(ch);
        }
        spec.put("channels", chans);
        if (d.channels() > 4) spec.put("channelsOmitted", "The 3D view shows the first 4 of " + d.channels() + " channels.");
        spec.put("mode", o.mode);
        spec.put("colormap", o.colormap);
        spec.put("size", o.size);
        spec.put("label", label);
        spec.put("note", note);
        spec.put("pngId", id + "-png");
        String json;
        try {
            json = JSON.writeValueAsString(spec).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String pngB64 = Base64.getEncoder().encodeToString(png);
        StringBuilder h = new StringBuilder(json.length() + pngB64.length() + 4096);
        h.append("<div id=\"").append(id).append("\" class=\"frontier-view\" style=\"font:12px sans-serif\">\n");
        if (o.title != null) h.append("<div style=\"font-weight:bold\">").append(escape(o.title)).append("</div>\n");
        h.append("<script type=\"application/json\">").append(json).append("</script>\n");
        h.append("<div class=\"fv-host\"></div>\n");
        h.append("<div class=\"fv-fallback\"><img id=\"").append(id).append("-png\" alt=\"maximum-intensity projection\" src=\"data:image/png;base64,")
                .append(pngB64).append("\" style=\"image-rendering:pixelated;max-width:100%\">\n");
        h.append("<div class=\"fv-caption\" style=\"color:#555\">").append(escape(label)).append("</div>\n");
        h.append("<div class=\"fv-message\" style=\"color:#555\">Static maximum-intensity projection: the interactive 3D view needs JavaScript"
                + " (a trusted notebook).</div></div>\n");
        String head = h.toString();
        h.setLength(0);
        // Finds its view by its own script element (JupyterLab may run scripts before the output
        // is in the document), mounts now or when the bundle arrives, else keeps the picture.
        h.append("<script>(function(){var id='").append(id).append("';var s=document.currentScript;")
                .append("var r=(s&&s.parentNode&&s.parentNode.id===id)?s.parentNode:document.getElementById(id);if(!r)return;")
                .append("if(window.FrontierViewer&&window.FrontierViewer.mount){window.FrontierViewer.mount(r);return;}")
                .append("(window.FrontierViewerQueue=window.FrontierViewerQueue||[]).push(r);")
                .append("setTimeout(function(){if(!r.getAttribute('data-mounted')){")
                .append("var m=r.querySelector('.fv-message');if(m)m.textContent='The viewer script was not loaded in this page"
                        + " (it is sent once per kernel session, with the first view). Showing the static maximum-intensity projection;"
                        + " re-run the cell, or use View.view(x, new ViewOptions().embedBundle(true)) for a standalone view.';}},4000);")
                .append("})();</script>\n");
        h.append("</div>");
        return new Parts(head, h.toString());
    }

    /** A 2-d image (or a single z plane): just the picture with its caption. */
    static String image(byte[] png, String label, String title) {
        return "<div class=\"frontier-view frontier-view-image\" style=\"font:12px sans-serif\">"
                + (title != null ? "<div style=\"font-weight:bold\">" + escape(title) + "</div>" : "")
                + "<img alt=\"image\" style=\"image-rendering:pixelated;max-width:100%\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><div style=\"color:#555\">" + escape(label) + "</div></div>";
    }
}
