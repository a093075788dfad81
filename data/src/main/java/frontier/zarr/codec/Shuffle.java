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

    /** shuffled src[srcOff..srcOff+len) -> raw dst[dstOff..). */
    static void unshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        unshuffle(ts, src, srcOff, dst, dstOff, len, false);
    }

    /**
     * shuffled src[srcOff..srcOff+len) -> raw dst[dstOff..). With reverse, the bytes of each element come
     * out in reverse order (stream ts-1-j becomes byte j): a big-endian element turns little-endian at no
     * extra cost, which spares readers a separate byte-swapping pass. Specialised for the common sizes.
     */
    static void unshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int len, boolean reverse) {
        int n = len / ts;
        // stream j (the j-th byte of every element in the output) starts at first + j * step
        int first = reverse ? srcOff + (ts - 1) * n : srcOff;
        int step = reverse ? -n : n;
        switch (ts) {
            case 1 -> System.arraycopy(src, srcOff, dst, dstOff, n);
            case 2 -> unshuffle2(src, first, first + step, dst, dstOff, n);
            case 4 -> unshuffle4(src, first, step, dst, dstOff, n);
            case 8 -> unshuffle8(src, first, step, dst, dstOff, n);
            default -> {
                for (int j = 0; j < ts; j++) {
                    int s = first + j * step;
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

    /**
     * The 2-byte elements whose low bytes are bytes 0-3 of t and high bytes are bytes 4-7, as four
     * 16-bit units: a perfect shuffle of t's bytes by two swaps of the middle units (fewer operations
     * than spreading each byte, and two constants only).
     */
    private static long zip(long t) {
        long d = ((t >>> 16) ^ t) & 0x00000000FFFF0000L;
        t ^= d ^ (d << 16);
        d = ((t >>> 8) ^ t) & 0x0000FF000000FF00L;
        return t ^ d ^ (d << 8);
    }

    /** Interleaves streams s0 (byte 0 of each element) and s1 (byte 1); the hottest loop when reading uint16 data. */
    private static void unshuffle2(byte[] src, int s0, int s1, byte[] dst, int d, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8, d += 16) {
            long a = LittleEndian.getLong(src, s0 + i);
            long b = LittleEndian.getLong(src, s1 + i);
            LittleEndian.putLong(dst, d, zip((a & 0xFFFFFFFFL) | (b << 32)));
            LittleEndian.putLong(dst, d + 8, zip((a >>> 32) | (b & 0xFFFFFFFF00000000L)));
        }
        for (; i < n; i++, d += 2) {
            dst[d] = src[s0 + i];
            dst[d + 1] = src[s1 + i];
        }
    }

    /**
     * Byte-shuffled 2-byte elements src[srcOff..srcOff+2n) -> dst[d..d+n) as shorts (stream 0 the low
     * bytes, or, with reverse, the high ones): unshuffle2's interleave, stored straight into the shorts.
     */
    static void unshuffleShorts(byte[] src, int srcOff, short[] dst, int d, int n, boolean reverse) {
        java.util.Objects.checkFromIndexSize(srcOff, 2 * n, src.length);
        java.util.Objects.checkFromIndexSize(d, n, dst.length);
        int s0 = reverse ? srcOff + n : srcOff;
        int s1 = reverse ? srcOff : srcOff + n;
        int i = 0;
        for (; i + 8 <= n; i += 8, d += 8) {
            long a = ArrayWords.getLong(src, s0 + i);
            long b = ArrayWords.getLong(src, s1 + i);
            ArrayWords.putLong(dst, d, zip((a & 0xFFFFFFFFL) | (b << 32)));
            ArrayWords.putLong(dst, d + 4, zip((a >>> 32) | (b & 0xFFFFFFFF00000000L)));
        }
        for (; i < n; i++, d++) {
            dst[d] = (short) ((src[s0 + i] & 0xFF) | (src[s1 + i] << 8));
        }
    }

    private static void unshuffle4(byte[] src, int s0, int step, byte[] dst, int d, int n) {
        int s1 = s0 + step;
        int s2 = s1 + step;
        int s3 = s2 + step;
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

    private static void unshuffle8(byte[] src, int s0, int step, byte[] dst, int d, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8, d += 64) {
            // byte pairs (streams 2k, 2k+1) as 16-bit units: lo for elements 0..3, hi for 4..7
            long a0 = LittleEndian.getLong(src, s0 + i);
            long a1 = LittleEndian.getLong(src, s0 + step + i);
            long a2 = LittleEndian.getLong(src, s0 + 2 * step + i);
            long a3 = LittleEndian.getLong(src, s0 + 3 * step + i);
            long a4 = LittleEndian.getLong(src, s0 + 4 * step + i);
            long a5 = LittleEndian.getLong(src, s0 + 5 * step + i);
            long a6 = LittleEndian.getLong(src, s0 + 6 * step + i);
            long a7 = LittleEndian.getLong(src, s0 + 7 * step + i);
            long lo0 = spread8(a0) | spread8(a1) << 8;
            long hi0 = spread8(a0 >>> 32) | spread8(a1 >>> 32) << 8;
            long lo1 = spread8(a2) | spread8(a3) << 8;
            long hi1 = spread8(a2 >>> 32) | spread8(a3 >>> 32) << 8;
            long lo2 = spread8(a4) | spread8(a5) << 8;
            long hi2 = spread8(a4 >>> 32) | spread8(a5 >>> 32) << 8;
            long lo3 = spread8(a6) | spread8(a7) << 8;
            long hi3 = spread8(a6 >>> 32) | spread8(a7 >>> 32) << 8;
            write8(dst, d, lo0, lo1, lo2, lo3);
            write8(dst, d + 32, hi0, hi1, hi2, hi3);
        }
        for (; i < n; i++, d += 8) {
            for (int j = 0; j < 8; j++) {
                dst[d + j] = src[s0 + j * step + i];
            }
        }
    }

    /** Four elements of 8 bytes from their byte pairs (p0: bytes 0-1, ..., p3: bytes 6-7, one 16-bit unit per element). */
    private static void write8(byte[] dst, int o, long p0, long p1, long p2, long p3) {
        long x0 = spread16(p0) | spread16(p1) << 16;             // elements 0,1 bytes 0-3
        long x1 = spread16(p0 >>> 32) | spread16(p1 >>> 32) << 16; // elements 2,3 bytes 0-3
        long y0 = spread16(p2) | spread16(p3) << 16;             // elements 0,1 bytes 4-7
        long y1 = spread16(p2 >>> 32) | spread16(p3 >>> 32) << 16;
        LittleEndian.putLong(dst, o, (x0 & 0xFFFFFFFFL) | y0 << 32);
        LittleEndian.putLong(dst, o + 8, (x0 >>> 32) | (y0 & 0xFFFFFFFF00000000L));
        LittleEndian.putLong(dst, o + 16, (x1 & 0xFFFFFFFFL) | y1 << 32);
        LittleEndian.putLong(dst, o + 24, (x1 >>> 32) | (y1 & 0xFFFFFFFF00000000L));
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
            int b = 0;
            // 64 elements at a time: one long from each of the 8 bit rows, an 8x8 byte transpose, then
            // an 8x8 bit transpose per group of 8 elements
            for (; b + 8 <= rowLen; b += 8) {
                long r0 = LittleEndian.getLong(src, rowBase + b);
                long r1 = LittleEndian.getLong(src, rowBase + rowLen + b);
                long r2 = LittleEndian.getLong(src, rowBase + 2 * rowLen + b);
                long r3 = LittleEndian.getLong(src, rowBase + 3 * rowLen + b);
                long r4 = LittleEndian.getLong(src, rowBase + 4 * rowLen + b);
                long r5 = LittleEndian.getLong(src, rowBase + 5 * rowLen + b);
                long r6 = LittleEndian.getLong(src, rowBase + 6 * rowLen + b);
                long r7 = LittleEndian.getLong(src, rowBase + 7 * rowLen + b);
                long t;
                // swap 4x4 byte quadrants
                t = ((r0 >>> 32) ^ r4) & 0xFFFFFFFFL; r0 ^= t << 32; r4 ^= t;
                t = ((r1 >>> 32) ^ r5) & 0xFFFFFFFFL; r1 ^= t << 32; r5 ^= t;
                t = ((r2 >>> 32) ^ r6) & 0xFFFFFFFFL; r2 ^= t << 32; r6 ^= t;
                t = ((r3 >>> 32) ^ r7) & 0xFFFFFFFFL; r3 ^= t << 32; r7 ^= t;
                // swap 2x2 blocks
                t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL; r0 ^= t << 16; r2 ^= t;
                t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL; r1 ^= t << 16; r3 ^= t;
                t = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL; r4 ^= t << 16; r6 ^= t;
                t = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL; r5 ^= t << 16; r7 ^= t;
                // swap single bytes
                t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL; r0 ^= t << 8; r1 ^= t;
                t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL; r2 ^= t << 8; r3 ^= t;
                t = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL; r4 ^= t << 8; r5 ^= t;
                t = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL; r6 ^= t << 8; r7 ^= t;
                // now r_m holds, in byte k, bit row k of elements 8(b+m)..8(b+m)+7
                int d = dstOff + 8 * b * ts + j;
                storeStrided(dst, d, ts, transpose8(r0));
                storeStrided(dst, d + 8 * ts, ts, transpose8(r1));
                storeStrided(dst, d + 16 * ts, ts, transpose8(r2));
                storeStrided(dst, d + 24 * ts, ts, transpose8(r3));
                storeStrided(dst, d + 32 * ts, ts, transpose8(r4));
                storeStrided(dst, d + 40 * ts, ts, transpose8(r5));
                storeStrided(dst, d + 48 * ts, ts, transpose8(r6));
                storeStrided(dst, d + 56 * ts, ts, transpose8(r7));
            }
            for (; b < rowLen; b++) {
                long x = 0;
                for (int k = 0; k < 8; k++) {
                    x |= (src[rowBase + k * rowLen + b] & 0xFFL) << (8 * k);
                }
                storeStrided(dst, dstOff + 8 * b * ts + j, ts, transpose8(x));
            }
        }
        int done = n * ts;
        System.arraycopy(src, srcOff + done, dst, dstOff + done, len - done);
    }

    /** The 8 bytes of x (lowest first) at d, d+ts, d+2ts... */
    private static void storeStrided(byte[] dst, int d, int ts, long x) {
        if (ts == 1) {
            LittleEndian.putLong(dst, d, x);
            return;
        }
        for (int m = 0; m < 8; m++, d += ts) {
            dst[d] = (byte) (x >>> (8 * m));
        }
    }
}
