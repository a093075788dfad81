package frontier.viewer;

/**
 * The result of {@link View#view}: text (a summary), HTML (the interactive view, a picture or a
 * message) and a PNG (the static projection; absent for messages). Whether the HTML carries the
 * viewer's script is the session's call ({@link ViewSession#render}) unless the view's options
 * say; {@link #html()} is the view as its options ask, without the script when they leave it to
 * the session.
 */
public final class VolumeView {
    private final String text;
    private final ViewHtml.Parts html;
    private final byte[] png;
    private final Boolean embedBundle;
    private final boolean interactive;

    private VolumeView(String text, ViewHtml.Parts html, byte[] png, Boolean embedBundle, boolean interactive) {
        this.text = text;
        this.html = html;
        this.png = png;
        this.embedBundle = embedBundle;
        this.interactive = interactive;
    }

    /** A 3D view: its HTML needs the viewer's script (carried, or sent earlier in the session). */
    static VolumeView interactive(String text, ViewHtml.Parts html, byte[] png, Boolean embedBundle) {
        return new VolumeView(text, html, png, embedBundle, true);
    }

    /** A picture (a 2-d image): no script needed. */
    static VolumeView picture(String text, String html, byte[] png) {
        return new VolumeView(text, new ViewHtml.Parts(html, ""), png, false, false);
    }

    /** A view that only says why nothing can be shown. */
    static VolumeView message(String message) {
        String html = "<div class=\"frontier-view frontier-view-message\" style=\"font:13px sans-serif;padding:6px 10px;"
                + "border-left:4px solid #c80;background:#fff8e8;color:#333\">" + frontier.text.Html.escape(message) + "</div>";
        return new VolumeView(message, new ViewHtml.Parts(html, ""), null, false, false);
    }

    public String text() {
        return text;
    }

    /** The HTML as the view's options ask: with the script only when they say embedBundle(true). */
    public String html() {
        return html(Boolean.TRUE.equals(embedBundle));
    }

    /** The HTML with or without the viewer's script (views that need none never carry it). */
    public String html(boolean withBundle) {
        return html.with(withBundle && interactive);
    }

    /** The PNG bytes, or null for a message. */
    public byte[] png() {
        return png == null ? null : png.clone();
    }

    /** The view's own choice of carrying the script (ViewOptions.embedBundle), or null: the session decides. */
    public Boolean embedBundle() {
        return embedBundle;
    }

    /** Whether this is a 3D view, whose HTML needs the viewer's script (not a picture or a message). */
    public boolean interactive() {
        return interactive;
    }

    /** A complete HTML page that shows this view on its own (script included), e.g. for a browser test. */
    public String standalonePage() {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Frontier view</title></head><body>\n"
                + html(true) + "\n</body></html>\n";
    }

    @Override
    public String toString() {
        return text;
    }
}
