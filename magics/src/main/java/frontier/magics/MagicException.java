package frontier.magics;

/**
 * A magic failed in a way the user can fix: a bad flag, a missing file, a dead server. The
 * kernel shows {@link #getMessage()} on one line and, when present, the usage; no stack trace.
 * The frontier CLI exits with {@link #exitStatus()}: 2 for these user errors (as argparse-based
 * tools like ome-zarr-py do), 1 for {@link #internal internal} failures.
 */
public class MagicException extends RuntimeException {
    private final String usage;
    private final int exitStatus;

    public MagicException(String message) {
        this(message, null, null);
    }

    public MagicException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public MagicException(String message, String usage, Throwable cause) {
        this(message, usage, cause, 2);
    }

    protected MagicException(String message, String usage, Throwable cause, int exitStatus) {
        super(message, cause);
        this.usage = usage;
        this.exitStatus = exitStatus;
    }

    /** A failure that is not the user's doing (a bug, an unexpected I/O fault): exit status 1. */
    public static MagicException internal(String message, Throwable cause) {
        return new MagicException(message, null, cause, 1);
    }

    /** The command's usage text, or null. */
    public String usage() {
        return usage;
    }

    /** The frontier CLI's exit status for this error: 2 user/usage error, 1 otherwise. */
    public int exitStatus() {
        return exitStatus;
    }

    /** The same error with the usage text attached (keeps message, cause and status). */
    public MagicException withUsage(String usageText) {
        MagicException e = new MagicException(getMessage(), usageText, getCause(), exitStatus);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
