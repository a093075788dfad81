package frontier.viewer;

import frontier.display.Displayable;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link View#view}: a MIME bundle with text/html (the interactive view, or a
 * message), image/png (the static projection; absent for messages) and text/plain (a summary).
 */
public final class VolumeView implements Displayable {
    private final String text;
    private final String html;
    private final byte[] png;
    private final boolean bundleEmbedded;

    VolumeView(String text, String html, byte[] png, boolean bundleEmbedded) {
        this.text = text;
        this.html = html;
        this.png = png;
        this.bundleEmbedded = bundleEmbedded;
    }

    /** A view that only says why nothing can be shown. */
    static VolumeView message(String message) {
        String html = "<div class=\"frontier-view frontier-view-message\" style=\"font:13px sans-serif;padding:6px 10px;"
                + "border-left:4px solid #c80;background:#fff8e8;color:#333\">" + frontier.display.Html.escape(message) + "</div>";
        return new VolumeView(message, html, null, false);
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", text);
        m.put("text/html", html);
        if (png != null) m.put("image/png", Base64.getEncoder().encodeToString(png));
        return m;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    /** The PNG bytes, or null for a message. */
    public byte[] png() {
        return png == null ? null : png.clone();
    }

    /** Whether this view's HTML carries the script bundle itself. */
    public boolean bundleEmbedded() {
        return bundleEmbedded;
    }

    /** A complete HTML page that shows this view on its own (bundle included), e.g. for a browser test. */
    public String standalonePage() {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Frontier view</title></head><body>\n"
                + (bundleEmbedded ? "" : ViewerBundle.scriptTag() + "\n") + html + "\n</body></html>\n";
    }

    @Override
    public String toString() {
        return text;
    }
}
