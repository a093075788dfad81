package frontier.zarr.codec;

/**
 * Blosc's byte shuffle and bit shuffle of one block (the layouts c-blosc and numcodecs use).
 * Byte shuffle of n = len / ts elements: shuffled[j*n + i] = raw[i*ts + j]; the trailing
 * len % ts bytes are left in place. Bit shuffle (bitshuffle's bit transpose) applies only when n is
 * a multiple of 8: row (j*8 + k) holds bit k of byte j of every element, element i at bit i%8 of byte
 * i/8; otherwise the block is copied unchanged.
 */
final class Shuffle {
    private Shuffle() {
    }

    /** raw[srcOff..srcOff+len) -> shuffled dst[dstOff..). */
    static void shuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = len / ts;
        for (int j = 0; j < ts; j++) {
            int d = dstOff + j * n;
            int s = srcOff + j;
            for (int i = 0; i < n; i++, s += ts) {
                dst[d + i] = src[s];
            }
        }
        int done = n * ts;
        System.arraycopy(src, srcOff + done, dst, dstOff + done, len - done);
    }

    /** shuffled src[srcOff..srcOff+len) -> raw dst[dstOff..). Specialised for the common element sizes. */
    static void unshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = len / ts;
        switch (ts) {
            case 2 -> unshuffle2(src, srcOff, dst, dstOff, n);
            case 4 -> unshuffle4(src, srcOff, dst, dstOff, n);
            case 8 -> unshuffle8(src, srcOff, dst, dstOff, n);
            default -> {
                for (int j = 0; j < ts; j++) {
                    int s = srcOff + j * n;
                    int d = dstOff + j;
                    for (int i = 0; i < n; i++, d += ts) {
                        dst[d] = src[s + i];
                    }
                }
            }
        }
        int done = n * ts;
        System.arraycopy(src, srcOff + done, dst, dstOff + done, len - done);
    }

    // The specialised loops build 8 output bytes at a time as one long (one bounds check, one store).
    private static void unshuffle2(byte[] src, int s0, byte[] dst, int d, int n) {
        int s1 = s0 + n;
        int i = 0;
        for (; i + 4 <= n; i += 4, d += 8) {
            long v = (src[s0 + i] & 0xFFL)
                    | (src[s1 + i] & 0xFFL) << 8
                    | (src[s0 + i + 1] & 0xFFL) << 16
                    | (src[s1 + i + 1] & 0xFFL) << 24
                    | (src[s0 + i + 2] & 0xFFL) << 32
                    | (src[s1 + i + 2] & 0xFFL) << 40
                    | (src[s0 + i + 3] & 0xFFL) << 48
                    | (src[s1 + i + 3] & 0xFFL) << 56;
            LittleEndian.putLong(dst, d, v);
        }
        for (; i < n; i++, d += 2) {
            dst[d] = src[s0 + i];
            dst[d + 1] = src[s1 + i];
        }
    }

    private static void unshuffle4(byte[] src, int s0, byte[] dst, int d, int n) {
        int s1 = s0 + n;
        int s2 = s1 + n;
        int s3 = s2 + n;
        int i = 0;
        for (; i + 2 <= n; i += 2, d += 8) {
            long v = (src[s0 + i] & 0xFFL)
                    | (src[s1 + i] & 0xFFL) << 8
                    | (src[s2 + i] & 0xFFL) << 16
                    | (src[s3 + i] & 0xFFL) << 24
                    | (src[s0 + i + 1] & 0xFFL) << 32
                    | (src[s1 + i + 1] & 0xFFL) << 40
                    | (src[s2 + i + 1] & 0xFFL) << 48
                    | (src[s3 + i + 1] & 0xFFL) << 56;
            LittleEndian.putLong(dst, d, v);
        }
        for (; i < n; i++, d += 4) {
            dst[d] = src[s0 + i];
            dst[d + 1] = src[s1 + i];
            dst[d + 2] = src[s2 + i];
            dst[d + 3] = src[s3 + i];
        }
    }

    private static void unshuffle8(byte[] src, int s0, byte[] dst, int d, int n) {
        for (int i = 0; i < n; i++, d += 8) {
            int s = s0 + i;
            long v = (src[s] & 0xFFL)
                    | (src[s + n] & 0xFFL) << 8
                    | (src[s + 2 * n] & 0xFFL) << 16
                    | (src[s + 3 * n] & 0xFFL) << 24
                    | (src[s + 4 * n] & 0xFFL) << 32
                    | (src[s + 5 * n] & 0xFFL) << 40
                    | (src[s + 6 * n] & 0xFFL) << 48
                    | (src[s + 7 * n] & 0xFFL) << 56;
            LittleEndian.putLong(dst, d, v);
        }
    }

    /** Transposes an 8x8 bit matrix held in a long (byte r = row r, bit c = column c). */
    private static long transpose8(long x) {
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        x = x ^ t ^ (t << 28);
        return x;
    }

    static void bitshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = len / ts;
        if (n % 8 != 0) {
            System.arraycopy(src, srcOff, dst, dstOff, len);
            return;
        }
        int rowLen = n / 8;
        for (int j = 0; j < ts; j++) {
            int rowBase = dstOff + j * 8 * rowLen;
            for (int b = 0; b < rowLen; b++) {
                // byte j of elements 8b..8b+7, one byte per element
                long x = 0;
                int s = srcOff + 8 * b * ts + j;
                for (int m = 0; m < 8; m++, s += ts) {
                    x |= (src[s] & 0xFFL) << (8 * m);
                }
                x = transpose8(x);
                for (int k = 0; k < 8; k++) {
                    dst[rowBase + k * rowLen + b] = (byte) (x >>> (8 * k));
                }
            }
        }
        int done = n * ts;
        System.arraycopy(src, srcOff + done, dst, dstOff + done, len - done);
    }

    static void bitunshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = len / ts;
        if (n % 8 != 0) {
            System.arraycopy(src, srcOff, dst, dstOff, len);
            return;
        }
        int rowLen = n / 8;
        for (int j = 0; j < ts; j++) {
            int rowBase = srcOff + j * 8 * rowLen;
            for (int b = 0; b < rowLen; b++) {
                long x = 0;
                for (int k = 0; k < 8; k++) {
                    x |= (src[rowBase + k * rowLen + b] & 0xFFL) << (8 * k);
                }
                x = transpose8(x);
                int d = dstOff + 8 * b * ts + j;
                for (int m = 0; m < 8; m++, d += ts) {
                    dst[d] = (byte) (x >>> (8 * m));
                }
            }
        }
        int done = n * ts;
        System.arraycopy(src, srcOff + done, dst, dstOff + done, len - done);
    }
}
