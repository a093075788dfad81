package frontier.viewer;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The views of one notebook session, and whether the viewer's script has reached its front end:
 * the first 3D view shown carries the script (15 KB) and later views only their data, mounting
 * through the page's {@code window.FrontierViewer}. The kernel keeps one per session, as the
 * renderer of {@link VolumeView}; a kernel that sends {@link View#bundleScript()} itself calls
 * {@link #markSent()}.
 */
public final class ViewSession {
    private volatile boolean sent;

    /** The renderer: text/plain, text/html (with the script the first time it is needed) and image/png. */
    public void render(VolumeView v, Map<String, Object> bundle) {
        bundle.put("text/plain", v.text());
        bundle.put("text/html", v.html(carriesBundle(v)));
        if (v.png() != null) bundle.put("image/png", Base64.getEncoder().encodeToString(v.png()));
    }

    /** The view's MIME bundle, as {@link #render} makes it. */
    public Map<String, Object> bundle(VolumeView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        render(v, m);
        return m;
    }

    /** Whether a view shown now carries the script, recording that the front end then has it. */
    private synchronized boolean carriesBundle(VolumeView v) {
        if (!v.interactive()) return false;
        if (v.embedBundle() != null) return v.embedBundle();
        if (sent) return false;
        sent = true;
        return true;
    }

    /** Records that the script reached the front end. */
    public void markSent() {
        sent = true;
    }

    public boolean isSent() {
        return sent;
    }

    /** Forget (e.g. when the front end was reloaded and lost its globals). */
    public void reset() {
        sent = false;
    }
}
