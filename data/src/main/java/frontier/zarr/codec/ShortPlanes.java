package frontier.zarr.codec;

/**
 * Running minima and maxima of 2-byte elements from their two byte planes read as little-endian
 * ints (4 elements per int), kept two to an int: elements 4k and 4k+2 (s = 0) or 4k+1 and 4k+3
 * (s = 8) in the low and high 16 bits. Unsigned 16-bit lanes are compared within an int with
 * masks and a guarded subtraction (no borrow crosses a lane). Plain counted loops over int arrays:
 * C2 (Java 17) vectorizes these, and neither Math.max on shorts nor loops that mix byte and int arrays.
 */
final class ShortPlanes {
    private static final int H = 0x80008000;

    private ShortPlanes() {
    }

    /** acc[k] = lane-wise max(acc[k], the elements of int k xor flip), k < acc.length. */
    static void max(int[] lo, int[] hi, int s, int flip, int[] acc) {
        for (int k = 0; k < acc.length; k++) {
            int v = (((lo[k] >>> s) & 0x00FF00FF) | (((hi[k] >>> s) << 8) & 0xFF00FF00)) ^ flip;
            int a = acc[k];
            int t = (a | H) - (v & ~H);
            int ge = ((a & ~v) | (~(a ^ v) & t)) & H;
            int m = (ge << 1) - (ge >>> 15);
            acc[k] = v ^ ((a ^ v) & m);
        }
    }

    /** acc[k] = lane-wise min(acc[k], the elements of int k xor flip), k < acc.length. */
    static void min(int[] lo, int[] hi, int s, int flip, int[] acc) {
        for (int k = 0; k < acc.length; k++) {
            int v = (((lo[k] >>> s) & 0x00FF00FF) | (((hi[k] >>> s) << 8) & 0xFF00FF00)) ^ flip;
            int a = acc[k];
            int t = (a | H) - (v & ~H);
            int ge = ((a & ~v) | (~(a ^ v) & t)) & H;
            int m = (ge << 1) - (ge >>> 15);
            acc[k] = a ^ ((a ^ v) & m);
        }
    }
}
