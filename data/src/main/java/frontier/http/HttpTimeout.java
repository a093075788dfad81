package frontier.http;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one HTTP request may take in all, retries and backoff included: the one deadline every
 * HTTP reader uses (stores, gateways, the RPC client). A server that accepts and never answers then
 * fails after this, not after attempts times a per-attempt timeout.
 * <p>
 * Set it, first match wins: for the current thread with {@link #scoped} (the commands' {@code
 * --timeout} flag), the system property {@value #PROPERTY}, the environment variable {@value #ENV};
 * else {@link #DEFAULT}. Values are seconds ({@code 30}, {@code 2.5}) or carry a unit ({@code
 * 500ms}, {@code 30s}, {@code 2m}).
 */
public final class HttpTimeout {
    public static final String ENV = "FRONTIER_HTTP_TIMEOUT";
    public static final String PROPERTY = "frontier.http.timeout";
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private static final ThreadLocal<Duration> SCOPED = new ThreadLocal<>();
    private static final Pattern VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private HttpTimeout() {
    }

    /** The deadline in effect on this thread. */
    public static Duration current() {
        Duration d = SCOPED.get();
        if (d != null) return d;
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) return parse(p, "-D" + PROPERTY);
        String e = System.getenv(ENV);
        if (e != null && !e.isBlank()) return parse(e, ENV);
        return DEFAULT;
    }

    /** Sets the deadline for HTTP readers opened on this thread until the scope is closed. */
    public static Scope scoped(Duration d) {
        if (d == null) return () -> { };
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("the HTTP timeout must be positive, not " + d);
        Duration before = SCOPED.get();
        SCOPED.set(d);
        return () -> {
            if (before == null) SCOPED.remove();
            else SCOPED.set(before);
        };
    }

    /** A scope that restores the previous deadline when closed; never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** "30", "2.5", "500ms", "30s", "2m", "1h"; where names the setting in the error. */
    public static Duration parse(String value, String where) {
        Matcher m = VALUE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a duration (seconds, or with a unit: 500ms, 30s, 2m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        if (millis < 1 || millis > Long.MAX_VALUE / 2) throw new IllegalArgumentException(where + ": '" + value + "' is out of range");
        return Duration.ofMillis((long) millis);
    }

    /** "no answer within 30 s (set FRONTIER_HTTP_TIMEOUT=SECONDS or --timeout to wait longer)". */
    public static String noAnswer(Duration d) {
        return "no answer within " + format(d) + " (set " + ENV + "=SECONDS or --timeout to wait longer)";
    }

    /** 30 s, 1.5 s, 800 ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
