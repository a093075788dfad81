package frontier.kernel.eval;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} do in user code: the
 * session's classes are rewritten ({@link ExitRedirect}) to call these methods instead, which
 * throw this error in the calling thread. A cell that exits fails with it, as IPython answers
 * {@code sys.exit(1)} with a SystemExit error, and the kernel and the session's variables stay.
 * An Error, not an Exception, so {@code catch (Exception e)} around the call does not swallow it.
 */
public final class SystemExit extends Error {
    private final String call;

    private SystemExit(String call) {
        super(call + " was called: the kernel keeps running and the session keeps its variables");
        this.call = call;
    }

    /** The call the user code made, e.g. {@code System.exit(1)}. */
    public String call() {
        return call;
    }

    /** In place of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new SystemExit("System.exit(" + status + ")");
    }

    /** In place of {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new SystemExit("Runtime.exit(" + status + ")");
    }

    /** In place of {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExit("Runtime.halt(" + status + ")");
    }
}
