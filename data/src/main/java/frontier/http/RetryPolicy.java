package frontier.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy of every HTTP reader: at most {@code attempts} tries of a request, retried
 * on connection errors, truncated bodies, 429 and 5xx, after an exponential backoff with jitter
 * (a server's Retry-After is honoured, capped), all within one {@code deadline}.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration deadline) {
    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("deadline must be positive");
    }

    /** 5 attempts, 100 ms doubling up to 5 s, within {@link HttpTimeout#current()}. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5), HttpTimeout.current());
    }

    public RetryPolicy withDeadline(Duration d) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, d);
    }

    public RetryPolicy withAttempts(int n, Duration initial) {
        return new RetryPolicy(n, initial, maxBackoff, deadline);
    }

    /** 429 and 5xx are worth another try; other statuses are the answer. */
    public static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * How long to wait before attempt number {@code attempt + 1}: initial * 2^attempt, capped, the
     * upper half jittered so that many clients spread out; at least a Retry-After, capped at 4x the
     * maximum backoff.
     */
    public long backoffMillis(int attempt, String retryAfter) {
        long max = maxBackoff.toMillis();
        long d = Math.min(max, initialBackoff.toMillis() << Math.min(attempt, 20));
        long delay = d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
        long asked = retryAfterMillis(retryAfter);
        if (asked >= 0) delay = Math.min(Math.max(delay, asked), max * 4);
        return delay;
    }

    /** Retry-After as seconds or an HTTP date, in ms from now; -1 when absent or unreadable. */
    static long retryAfterMillis(String v) {
        if (v == null) return -1;
        try {
            return Math.max(0, Long.parseLong(v.trim()) * 1000);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(), when).toMillis());
            } catch (RuntimeException e2) {
                return -1;
            }
        }
    }
}
