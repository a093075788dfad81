package frontier.ipfs.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Content-defined chunks by a Rabin fingerprint over a 16-byte window with Kubo's polynomial
 * (the restic-derived chunker boxo uses). After each cut the window restarts holding a single
 * 1 byte, the first {@code min - 16} bytes of a chunk are skipped without hashing, and a cut
 * falls where the fingerprint's low log2(avg) bits are zero, or at max.
 */
public final class RabinChunker implements Chunker {
    static final long POLYNOMIAL = 17437180132763653L;
    private static final int WINDOW = 16;
    private static final long[] OUT = new long[256];
    private static final long[] MOD = new long[256];
    private static final int POL_SHIFT;

    static {
        int k = degree(POLYNOMIAL);
        POL_SHIFT = k - 8;
        for (int b = 0; b < 256; b++) {
            long h = mod((long) b, POLYNOMIAL);
            for (int i = 0; i < WINDOW - 1; i++) {
                h = mod(h << 8, POLYNOMIAL);
            }
            OUT[b] = h;
            MOD[b] = mod((long) b << k, POLYNOMIAL) | ((long) b << k);
        }
    }

    private final InputStream in;
    private final long min;
    private final long max;
    private final long mask;
    private final byte[] window = new byte[WINDOW];
    private int wpos;
    private long digest;
    private boolean eof;
    private final byte[] ibuf = new byte[1 << 16];
    private int ipos;
    private int ilen;

    public RabinChunker(InputStream in, long min, long avg, long max) {
        this.in = in;
        this.min = min;
        this.max = max;
        int sizepow = (int) Math.floor(Math.log(avg) / Math.log(2));
        // guard against floating error at exact powers of two
        if (1L << (sizepow + 1) <= avg) {
            sizepow++;
        } else if (1L << sizepow > avg) {
            sizepow--;
        }
        this.mask = (1L << sizepow) - 1;
    }

    private void reset() {
        Arrays.fill(window, (byte) 0);
        wpos = 0;
        digest = 0;
        slide(1);
    }

    private void slide(int b) {
        int out = window[wpos] & 0xFF;
        window[wpos] = (byte) b;
        digest ^= OUT[out];
        wpos = (wpos + 1) % WINDOW;
        int index = (int) (digest >>> POL_SHIFT);
        digest = (digest << 8) | b;
        digest ^= MOD[index];
    }

    @Override
    public byte[] next() throws IOException {
        if (eof) {
            return null;
        }
        reset();
        if (min < WINDOW) {
            // boxo's unsigned "min - 16" wraps around: the rest of the stream becomes one chunk
            eof = true;
            byte[] rest = readRest();
            return rest.length == 0 ? null : rest;
        }
        byte[] buf = new byte[(int) Math.min(max, Integer.MAX_VALUE - 16)];
        int count = 0;
        long pre = min - WINDOW;
        if (pre > 0) {
            count = readBytes(buf, 0, (int) pre);
            if (count < pre) {
                eof = true;
                return count == 0 ? null : Arrays.copyOf(buf, count);
            }
        }
        while (true) {
            int b = readByte();
            if (b < 0) {
                eof = true;
                return count == 0 ? null : Arrays.copyOf(buf, count);
            }
            buf[count++] = (byte) b;
            slide(b);
            if (count < min) {
                continue;
            }
            if ((digest & mask) == 0 || count >= max) {
                return count == buf.length ? buf : Arrays.copyOf(buf, count);
            }
        }
    }

    private int readByte() throws IOException {
        if (ipos == ilen) {
            ilen = in.read(ibuf, 0, ibuf.length);
            ipos = 0;
            if (ilen <= 0) {
                ilen = 0;
                return -1;
            }
        }
        return ibuf[ipos++] & 0xFF;
    }

    private int readBytes(byte[] dst, int off, int len) throws IOException {
        int fromBuf = Math.min(len, ilen - ipos);
        System.arraycopy(ibuf, ipos, dst, off, fromBuf);
        ipos += fromBuf;
        return fromBuf + Chunker.readFully(in, dst, off + fromBuf, len - fromBuf);
    }

    private byte[] readRest() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(ibuf, ipos, ilen - ipos);
        ipos = ilen;
        in.transferTo(out);
        return out.toByteArray();
    }

    static int degree(long x) {
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** Remainder of polynomial division over GF(2). */
    static long mod(long x, long d) {
        int dd = degree(d);
        if (x == 0) {
            return 0;
        }
        int diff = degree(x) - dd;
        while (diff >= 0) {
            x ^= d << diff;
            diff = x == 0 ? -1 : degree(x) - dd;
        }
        return x;
    }
}
