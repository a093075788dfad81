package frontier.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reading side of an HTTP/1.1 connection, for both our client and our server: header lines are
 * parsed out of one buffer, and bodies are read past it straight into arrays of their final size.
 */
final class HttpInput {
    /** The whole header block of a message may not exceed this (a broken or hostile peer). */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Bodies announced up to this size get their array at once. */
    static final int TRUSTED_LENGTH = 8 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    HttpInput(InputStream in) {
        this.in = in;
    }

    /** True when bytes are buffered but not yet read. */
    boolean hasBuffered() {
        return pos < limit;
    }

    /** A fresh budget for one header block, passed to {@link #readLine}. */
    static int[] headerBudget() {
        return new int[]{MAX_HEADER_BYTES};
    }

    /**
     * Reads a line ending in CRLF (or LF), without it; null at the end of the stream before any
     * byte. A line must fit the buffer; budget bounds the bytes of all lines of a header block.
     */
    String readLine(int[] budget) throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    budget[0] -= i + 1 - pos;
                    pos = i + 1;
                    if (budget[0] < 0) throw new IOException("headers longer than " + MAX_HEADER_BYTES + " bytes");
                    return line;
                }
            }
            if (pos > 0) { // keep the unfinished line, at the start of the buffer
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            scanned = limit;
            if (limit == buf.length) throw new IOException("a header line is longer than " + buf.length + " bytes");
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                if (limit == 0) return null;
                throw new EOFException("connection closed in the middle of the headers");
            }
            limit += n;
        }
    }

    /**
     * Exactly n body bytes into a new array; an EOFException when the stream ends first. Up to
     * {@link #TRUSTED_LENGTH} the array is allocated at once; beyond, it grows as bytes arrive, so
     * that a peer announcing gigabytes it never sends cannot make us allocate them.
     */
    byte[] readFully(int n) throws IOException {
        byte[] b = new byte[Math.min(n, TRUSTED_LENGTH)];
        int have = Math.min(n, limit - pos);
        System.arraycopy(buf, pos, b, 0, have);
        pos += have;
        while (have < n) {
            if (have == b.length) b = java.util.Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
            int r = in.read(b, have, b.length - have);
            if (r < 0) throw new EOFException("truncated body: " + have + " of " + n + " bytes");
            have += r;
        }
        return b;
    }

    /** Reads and drops n bytes; an EOFException when the stream ends first. */
    void skip(long n) throws IOException {
        long left = n;
        int have = (int) Math.min(left, limit - pos);
        pos += have;
        left -= have;
        while (left > 0) { // the buffer is empty here: it serves as scratch space
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) throw new EOFException("truncated body: " + (n - left) + " of " + n + " bytes");
            left -= r;
        }
    }

    /** Everything until the peer closes the connection. */
    byte[] readToEnd() throws IOException {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream(Math.max(256, limit - pos));
        o.write(buf, pos, limit - pos);
        pos = limit;
        o.write(in.readAllBytes());
        return o.toByteArray();
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
