package frontier.http;

import java.io.IOException;

/** A response body longer than its reader's limit; reading stopped at the limit. Not worth a retry. */
public final class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
