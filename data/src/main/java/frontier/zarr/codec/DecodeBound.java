package frontier.zarr.codec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decoding under a size bound ({@link Codec#decode(byte[], int)}): the error for a stream that
 * decodes to more than allowed, and a bounded read of a decompressing stream that stops at the bound.
 */
public final class DecodeBound {
    /** Up to this size the output is allocated at once; beyond it, it grows as the stream delivers. */
    private static final int PREALLOCATE = 64 << 20;

    private DecodeBound() {
    }

    /** The error for a stream that would decode to more than max bytes. */
    public static CodecException exceeded(String what, long max) {
        return new CodecException(what + " decodes to more than the expected " + max + " bytes"
                + " (corrupt, or a decompression bomb); stopped at the limit");
    }

    /** Checks a size a format declares (or a filter computes) before anything is allocated for it. */
    public static void check(String what, long size, int max) throws CodecException {
        if (size > max) {
            throw new CodecException(what + " declares " + size + " decoded bytes, more than the expected " + max
                    + " (corrupt, or a decompression bomb)");
        }
    }

    /**
     * Reads a decompressing stream to its end, keeping at most max bytes: the read stops and fails
     * as soon as the stream delivers byte max + 1.
     */
    public static byte[] readAll(InputStream in, int max, String what) throws IOException {
        byte[] out;
        if (max <= PREALLOCATE) {
            byte[] buf = new byte[max];
            int n = in.readNBytes(buf, 0, max);
            out = n == max ? buf : java.util.Arrays.copyOf(buf, n);
        } else {
            out = in.readNBytes(max); // grows with what arrives, never past max
        }
        if (in.read() >= 0) throw exceeded(what, max);
        return out;
    }
}
