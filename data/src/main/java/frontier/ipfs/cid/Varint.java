package frontier.ipfs.cid;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints as multiformats use them (at most 9 bytes, minimal encoding). */
public final class Varint {
    private Varint() {
    }

    /** Number of bytes {@code value} takes (value treated as unsigned). */
    public static int size(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /** Writes value at pos; returns the position after it. */
    public static int write(long value, byte[] out, int pos) {
        while ((value & ~0x7FL) != 0) {
            out[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[pos++] = (byte) value;
        return pos;
    }

    public static void write(long value, ByteArrayOutputStream out) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /**
     * Reads a varint at pos[0] and advances pos[0]. Throws IllegalArgumentException on a
     * truncated, over-long or non-minimal varint.
     */
    public static long read(byte[] in, int[] pos, int limit) {
        long value = 0;
        int shift = 0;
        int p = pos[0];
        for (int i = 0; ; i++) {
            if (p >= limit) {
                throw new IllegalArgumentException("truncated varint at byte " + pos[0]);
            }
            if (i >= 9) {
                throw new IllegalArgumentException("varint longer than 9 bytes at byte " + pos[0]);
            }
            int b = in[p++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new IllegalArgumentException("non-minimal varint at byte " + pos[0]);
                }
                break;
            }
            shift += 7;
        }
        pos[0] = p;
        return value;
    }

    public static long read(byte[] in, int[] pos) {
        return read(in, pos, in.length);
    }
}
