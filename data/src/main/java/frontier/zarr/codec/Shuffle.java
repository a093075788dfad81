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

    // The specialised loops read 8 elements' worth of bytes from each stream as longs and interleave
    // them with shifts and masks (no per-byte loads or stores), writing whole longs.

    /** The 4 bytes of x at the even byte positions of a long. */
    private static long spread8(long x) {
        x &= 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        return (x | (x << 8)) & 0x00FF00FF00FF00FFL;
    }

    /** The two 16-bit units of x at 16-bit positions 0 and 2 of a long. */
    private static long spread16(long x) {
        x &= 0xFFFFFFFFL;
        return (x | (x << 16)) & 0x0000FFFF0000FFFFL;
    }

    private static void unshuffle2(byte[] src, int s0, byte[] dst, int d, int n) {
        int s1 = s0 + n;
        int i = 0;
        for (; i + 8 <= n; i += 8, d += 16) {
            long a = LittleEndian.getLong(src, s0 + i);
            long b = LittleEndian.getLong(src, s1 + i);
            LittleEndian.putLong(dst, d, spread8(a) | spread8(b) << 8);
            LittleEndian.putLong(dst, d + 8, spread8(a >>> 32) | spread8(b >>> 32) << 8);
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
        for (; i + 8 <= n; i += 8, d += 32) {
            long a = LittleEndian.getLong(src, s0 + i);
            long b = LittleEndian.getLong(src, s1 + i);
            long c = LittleEndian.getLong(src, s2 + i);
            long e = LittleEndian.getLong(src, s3 + i);
            long p0 = spread8(a) | spread8(b) << 8;              // bytes 0,1 of elements 0..3
            long p1 = spread8(a >>> 32) | spread8(b >>> 32) << 8; // bytes 0,1 of elements 4..7
            long q0 = spread8(c) | spread8(e) << 8;              // bytes 2,3 of elements 0..3
            long q1 = spread8(c >>> 32) | spread8(e >>> 32) << 8;
            LittleEndian.putLong(dst, d, spread16(p0) | spread16(q0) << 16);
            LittleEndian.putLong(dst, d + 8, spread16(p0 >>> 32) | spread16(q0 >>> 32) << 16);
            LittleEndian.putLong(dst, d + 16, spread16(p1) | spread16(q1) << 16);
            LittleEndian.putLong(dst, d + 24, spread16(p1 >>> 32) | spread16(q1 >>> 32) << 16);
        }
        for (; i < n; i++, d += 4) {
            dst[d] = src[s0 + i];
            dst[d + 1] = src[s1 + i];
            dst[d + 2] = src[s2 + i];
            dst[d + 3] = src[s3 + i];
        }
    }

    private static void unshuffle8(byte[] src, int s0, byte[] dst, int d, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8, d += 64) {
            long[] lo = new long[4];
            long[] hi = new long[4];
            // level 1: byte pairs (streams 2k, 2k+1) for elements 0..3 (lo) and 4..7 (hi)
            for (int k = 0; k < 4; k++) {
                long a = LittleEndian.getLong(src, s0 + 2 * k * n + i);
                long b = LittleEndian.getLong(src, s0 + (2 * k + 1) * n + i);
                lo[k] = spread8(a) | spread8(b) << 8;
                hi[k] = spread8(a >>> 32) | spread8(b >>> 32) << 8;
            }
            // level 2: 4-byte groups (bytes 0-3 from pairs 0,1; bytes 4-7 from pairs 2,3), level 3: join halves
            for (int h = 0; h < 2; h++) {
                long[] src2 = h == 0 ? lo : hi;
                long x0 = spread16(src2[0]) | spread16(src2[1]) << 16;             // elements 0,1 bytes 0-3
                long x1 = spread16(src2[0] >>> 32) | spread16(src2[1] >>> 32) << 16; // elements 2,3 bytes 0-3
                long y0 = spread16(src2[2]) | spread16(src2[3]) << 16;             // elements 0,1 bytes 4-7
                long y1 = spread16(src2[2] >>> 32) | spread16(src2[3] >>> 32) << 16;
                int o = d + 32 * h;
                LittleEndian.putLong(dst, o, (x0 & 0xFFFFFFFFL) | y0 << 32);
                LittleEndian.putLong(dst, o + 8, (x0 >>> 32) | (y0 & 0xFFFFFFFF00000000L));
                LittleEndian.putLong(dst, o + 16, (x1 & 0xFFFFFFFFL) | y1 << 32);
                LittleEndian.putLong(dst, o + 24, (x1 >>> 32) | (y1 & 0xFFFFFFFF00000000L));
            }
        }
        for (; i < n; i++, d += 8) {
            for (int j = 0; j < 8; j++) {
                dst[d + j] = src[s0 + j * n + i];
            }
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
