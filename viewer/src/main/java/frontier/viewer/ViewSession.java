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

    private ViewSession() {
    }

    /** Records that the bundle's script reached the front end. */
    public static void markSent() {
        sent = true;
    }

    public static boolean isSent() {
        return sent;
    }

    /** Forget (e.g. when the front end was reloaded and lost its globals). */
    public static void reset() {
        sent = false;
    }
}
