package frontier.viewer;

/** Input that cannot be viewed, with a message that says why (shown in the cell's output). */
public class ViewException extends RuntimeException {
    public ViewException(String message) {
        super(message);
    }

    public ViewException(String message, Throwable cause) {
        super(message, cause);
    }
}
