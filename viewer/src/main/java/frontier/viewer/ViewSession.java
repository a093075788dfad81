package frontier.viewer;

/**
 * Whether the viewer's script bundle has been sent to the notebook front end in this kernel
 * session. The first view embeds the bundle and marks it sent; later views then carry only
 * their data and find the bundle as a global in the page. A kernel that sends
 * {@link View#bundleScript()} itself (e.g. at start-up) calls {@link #markSent()}.
 * One flag per JVM: a kernel restart is a new JVM, a new session.
 */
public final class ViewSession {
    private static volatile boolean sent;
    private static volatile boolean everyView;

    private ViewSession() {
    }

    /** Records that the bundle's script reached the front end. */
    public static void markSent() {
        sent = true;
    }

    public static boolean isSent() {
        return sent;
    }

    /**
     * Embed the bundle (15 KB) in every view, not just the first: each output then works on its
     * own even after the first view's output was cleared and the notebook saved.
     */
    public static void embedInEveryView(boolean on) {
        everyView = on;
    }

    /** Whether a view made now should carry the bundle (unless its options say otherwise). */
    public static boolean shouldEmbed() {
        return everyView || !sent;
    }

    /** Forget (e.g. when the front end was reloaded and lost its globals). */
    public static void reset() {
        sent = false;
    }
}
