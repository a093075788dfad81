package frontier.magics;

/**
 * A result that is a verdict (a check that passed or not): the frontier CLI exits with
 * {@link #exitStatus()} after printing it, so scripts can tell a mismatch from a match. The
 * kernel shows it like any other result.
 */
public interface ExitStatus {
    /** 0 when the check holds, 1 when it does not. */
    int exitStatus();
}
