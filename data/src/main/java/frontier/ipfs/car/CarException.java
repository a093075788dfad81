package frontier.ipfs.car;

/** A malformed, truncated or corrupt CAR file; the message says which file, where, and what. */
public class CarException extends RuntimeException {
    public CarException(String message) {
        super(message);
    }

    public CarException(String message, Throwable cause) {
        super(message, cause);
    }
}
