package frontier.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a body of {@code size} bytes, as a Range header asks for it: the one Range
 * parser of the servers, and the header the client sends. Only single ranges are served
 * ({@code bytes=A-B}, {@code bytes=A-}, {@code bytes=-N}); anything else is ignored, as RFC 9110
 * allows, and the whole body is sent.
 */
public record ByteRange(long from, long to, long size) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /**
     * The range a header asks for, or null to send the whole body (no header, or one we ignore).
     * A range that starts past the end is returned unsatisfiable (answer 416).
     */
    public static ByteRange parse(String header, long size) {
        if (header == null) return null;
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return null;
        long from;
        long to = size - 1;
        if (m.group(1).isEmpty()) { // a suffix: the last N bytes
            from = Math.max(0, size - Long.parseLong(m.group(2)));
        } else {
            from = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                long last = Long.parseLong(m.group(2));
                if (last < from) return null; // invalid: ignored, the whole body is sent
                to = Math.min(to, last);
            }
        }
        return new ByteRange(from, to, size);
    }

    /** The request header for length bytes from offset. */
    public static String header(long offset, long length) {
        return "bytes=" + offset + "-" + (offset + length - 1);
    }

    /** False when the range starts at or past the end of the body (answer 416). */
    public boolean satisfiable() {
        return from < size && from <= to;
    }

    public long length() {
        return satisfiable() ? to - from + 1 : 0;
    }

    /** The Content-Range response header: "bytes A-B/SIZE", or "bytes *&#47;SIZE" for a 416. */
    public String contentRange() {
        return satisfiable() ? "bytes " + from + "-" + to + "/" + size : "bytes */" + size;
    }
}
