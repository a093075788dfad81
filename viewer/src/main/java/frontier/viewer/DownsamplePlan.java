package frontier.viewer;

/**
 * The per-axis (z, y, x) reduction factors that fit a volume into the data budget: the
 * smallest common factor f with channels * ceil(z/f) * ceil(y/f) * ceil(x/f) <= budget bytes
 * (one byte per voxel), and no side over {@link #MAX_SIDE} (WebGL's usual 3D texture limit).
 */
final class DownsamplePlan {
    static final int MAX_SIDE = 2048;

    private DownsamplePlan() {
    }

    static long voxels(long channels, long z, long y, long x, long f) {
        return channels * ceil(z, f) * ceil(y, f) * ceil(x, f);
    }

    static long ceil(long n, long f) {
        return (n + f - 1) / f;
    }

    static int[] factors(long channels, long z, long y, long x, long budgetBytes) {
        long f = 1;
        // grows geometrically, then back to the smallest that fits: no loop over millions
        while (voxels(channels, z, y, x, f) > budgetBytes && f < Math.max(z, Math.max(y, x))) f *= 2;
        long lo = Math.max(1, f / 2);
        while (lo < f) {
            long mid = (lo + f) / 2;
            if (voxels(channels, z, y, x, mid) <= budgetBytes) f = mid; else lo = mid + 1;
        }
        int[] out = new int[3];
        long[] n = {z, y, x};
        for (int i = 0; i < 3; i++) out[i] = (int) Math.max(f, ceil(n[i], MAX_SIDE));
        return out;
    }
}
