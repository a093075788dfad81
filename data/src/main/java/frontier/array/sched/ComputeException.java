package frontier.array.sched;

/** A computation failed or was cancelled; the message names the task (and chunk key) at fault. */
public class ComputeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}
