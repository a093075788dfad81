package frontier.zarr.v3;

import frontier.array.Blocks;
/** Copies boxes of elements between C-order byte arrays (inner chunks into and out of shards). */
final class BlockCopy {
    private BlockCopy() {
    }

    /** dst[dstStart + i] = src[srcStart + i] for every position i of a box of shape count; item bytes per element. */
    static void copy(byte[] src, int[] srcShape, int[] srcStart, byte[] dst, int[] dstShape, int[] dstStart, int[] count, int item) {
        int n = count.length;
        for (int c : count) if (c == 0) return;
        if (n == 0) {
            System.arraycopy(src, 0, dst, 0, item);
            return;
        }
        int[] ss = Blocks.strides(srcShape), ds = Blocks.strides(dstShape);
        int row = count[n - 1] * item;
        int[] pos = new int[n];
        while (true) {
            int s = 0, d = 0;
            for (int i = 0; i < n; i++) {
                s += (srcStart[i] + pos[i]) * ss[i];
                d += (dstStart[i] + pos[i]) * ds[i];
            }
            System.arraycopy(src, s * item, dst, d * item, row);
            int k = n - 2;
            while (k >= 0 && ++pos[k] == count[k]) pos[k--] = 0;
            if (k < 0) return;
        }
    }


    /** True when b[0..length) repeats the element pattern (an inner chunk holding only the fill value). */
    static boolean allEqual(byte[] b, int length, byte[] pattern) {
        int item = pattern.length;
        for (int i = 0; i < length; i += item) {
            for (int k = 0; k < item; k++) if (b[i + k] != pattern[k]) return false;
        }
        return true;
    }
}
