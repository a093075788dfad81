package frontier.magics;

/**
 * A magic failed in a way the user can fix: a bad flag, a missing file, a dead server. The
 * kernel shows {@link #getMessage()} on one line and, when present, the usage; no stack trace.
 */
public class MagicException extends RuntimeException {
    private final String usage;

    public MagicException(String message) {
        this(message, null, null);
    }

    public MagicException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public MagicException(String message, String usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** The command's usage text, or null. */
    public String usage() {
        return usage;
    }
}
