package frontier.zarr.codec;

/** Sums of runs of bytes, eight at a time in a long (the JIT does not vectorize byte-to-long sums). */
final class ByteSums {
    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;

    private ByteSums() {
    }

    /** The sum of b[off..off+n) as unsigned bytes. */
    static long sum(byte[] b, int off, int n) {
        long total = 0;
        int i = 0;
        while (i + 8 <= n) {
            // four 16-bit lanes, each gaining at most 2 * 255 per long: 128 longs stay below 65536
            int end = Math.min(n - 7, i + 128 * 8);
            long lanes = 0;
            for (; i < end; i += 8) {
                long x = LittleEndian.getLong(b, off + i);
                lanes += (x & LOW_BYTES) + ((x >>> 8) & LOW_BYTES);
            }
            total += (lanes & 0xFFFF) + ((lanes >>> 16) & 0xFFFF) + ((lanes >>> 32) & 0xFFFF) + (lanes >>> 48);
        }
        for (; i < n; i++) total += b[off + i] & 0xFF;
        return total;
    }

    /** How many of b[off..off+n) have their top bit set (are negative as signed bytes). */
    static long countHigh(byte[] b, int off, int n) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) count += Long.bitCount(LittleEndian.getLong(b, off + i) & 0x8080808080808080L);
        for (; i < n; i++) if (b[off + i] < 0) count++;
        return count;
    }
}
