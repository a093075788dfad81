package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.NdArray;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a chunked array into a {@link Volume}, chunk by chunk, reducing (z, y, x) by the given
 * factors as it goes: memory is one chunk plus the output, however large the source.
 * One time point (the layout's t axis) is read; every channel is.
 */
final class VolumeReader {
    private final ChunkSource source;
    private final Layout layout;
    private final long[] shape;
    private final int[] chunks;
    private boolean strideMode;

    VolumeReader(ChunkSource source, Layout layout) {
        this.source = source;
        this.layout = layout;
        this.shape = source.shape();
        this.chunks = source.chunks();
    }

    long channels() {
        return Layout.size(shape, layout.c());
    }

    long[] zyx() {
        return new long[]{Layout.size(shape, layout.z()), Layout.size(shape, layout.y()), Layout.size(shape, layout.x())};
    }

    Volume read(int[] factors, Pooling pooling, int t) {
        long[] n = zyx();
        long tSize = Layout.size(shape, layout.t());
        if (t < 0 || t >= tSize) throw new ViewException("time point " + t + " is out of range: the image has " + tSize);
        int nc = (int) channels();
        int oz = (int) DownsamplePlan.ceil(n[0], factors[0]);
        int oy = (int) DownsamplePlan.ceil(n[1], factors[1]);
        int ox = (int) DownsamplePlan.ceil(n[2], factors[2]);
        int outSize = Math.multiplyExact(Math.multiplyExact(oz, oy), ox);
        float[][] sum = new float[nc][outSize];
        int[][] nanCount = new int[nc][];
        int nd = shape.length;
        // per axis: the role's output stride and factor; fixed axes are read at one index
        long[] fixedAt = new long[nd];
        Arrays.fill(fixedAt, -1);
        int[] outStride = new int[nd];
        int[] factor = new int[nd];
        for (int a = 0; a < nd; a++) {
            if (a == layout.z()) { outStride[a] = oy * ox; factor[a] = factors[0]; }
            else if (a == layout.y()) { outStride[a] = ox; factor[a] = factors[1]; }
            else if (a == layout.x()) { outStride[a] = 1; factor[a] = factors[2]; }
            else if (a == layout.c()) { factor[a] = 1; }
            else fixedAt[a] = a == layout.t() ? t : 0;
        }
        long[] grid = new long[nd];
        for (int a = 0; a < nd; a++) grid[a] = DownsamplePlan.ceil(shape[a], chunks[a]);
        long[] ci = new long[nd];
        for (int a = 0; a < nd; a++) if (fixedAt[a] >= 0) ci[a] = fixedAt[a] / chunks[a];
        if (Arrays.stream(shape).anyMatch(s -> s == 0)) return new Volume(oz, oy, ox, sum, factors);
        boolean stride = pooling == Pooling.STRIDE;
        strideMode = stride;
        while (true) {
            if (!stride || chunkHoldsKept(ci, factor)) {
                NdArray chunk;
                try {
                    chunk = source.readChunk(ci.clone());
                } catch (IOException | RuntimeException e) {
                    throw new ViewException("cannot read chunk " + source.chunkKey(ci.clone()) + locationSuffix() + ": " + e.getMessage(), e);
                }
                accumulate(chunk, ci, fixedAt, outStride, factor, stride, sum, nanCount);
            }
            // next chunk index (odometer), skipping fixed axes
            int a = nd - 1;
            while (a >= 0) {
                if (fixedAt[a] < 0 && ++ci[a] < grid[a]) break;
                if (fixedAt[a] < 0) ci[a] = 0;
                a--;
            }
            if (a < 0) break;
        }
        if (!stride) divideByCounts(sum, nanCount, n, factors, oz, oy, ox);
        return new Volume(oz, oy, ox, sum, factors);
    }

    private String locationSuffix() {
        String loc = source.location();
        return loc == null ? "" : " of " + loc;
    }

    private boolean chunkHoldsKept(long[] ci, int[] factor) {
        for (int a = 0; a < ci.length; a++) {
            int f = factor[a];
            if (f <= 1) continue;
            long lo = ci[a] * chunks[a], hi = Math.min(shape[a], lo + chunks[a]);
            if (DownsamplePlan.ceil(lo, f) * f >= hi) return false;
        }
        return true;
    }

    private void accumulate(NdArray chunk, long[] ci, long[] fixedAt, int[] outStride, int[] factor,
                            boolean stride, float[][] sum, int[][] nanCount) {
        int nd = shape.length;
        int[] cshape = chunk.shape();
        if (cshape.length != nd) throw new ViewException("chunk " + source.chunkKey(ci.clone()) + " has shape " + Arrays.toString(cshape) + ", array has " + nd + " dimensions");
        // per axis and local index: output offset contribution, or -1 to skip the element
        int[][] contrib = new int[nd][];
        for (int a = 0; a < nd; a++) {
            int len = cshape[a];
            contrib[a] = new int[len];
            long origin = ci[a] * chunks[a];
            for (int i = 0; i < len; i++) {
                long g = origin + i;
                int v;
                if (g >= shape[a]) v = -1;
                else if (fixedAt[a] >= 0) v = g == fixedAt[a] ? 0 : -1;
                else if (a == layout.c()) v = (int) g;
                else if (stride && g % factor[a] != 0) v = -1;
                else v = (int) (g / factor[a]) * outStride[a];
                contrib[a][i] = v;
            }
        }
        int cAxis = layout.c();
        int[] strides = new int[nd];
        int s = 1;
        for (int a = nd - 1; a >= 0; a--) { strides[a] = s; s *= cshape[a]; }
        visit(chunk, 0, 0, 0, 0, contrib, strides, cAxis, sum, nanCount);
    }

    private void visit(NdArray chunk, int axis, int flat, int out, int channel, int[][] contrib, int[] strides,
                       int cAxis, float[][] sum, int[][] nanCount) {
        int[] cb = contrib[axis];
        if (axis == contrib.length - 1) {
            for (int i = 0; i < cb.length; i++) {
                int v = cb[i];
                if (v < 0) continue;
                int ch = axis == cAxis ? v : channel;
                int o = axis == cAxis ? out : out + v;
                double d = chunk.getDouble(flat + i);
                if (Double.isNaN(d)) {
                    if (strideMode) { sum[ch][o] = Float.NaN; continue; }
                    if (nanCount[ch] == null) nanCount[ch] = new int[sum[ch].length];
                    nanCount[ch][o]++;
                } else {
                    sum[ch][o] += (float) d;
                }
            }
            return;
        }
        for (int i = 0; i < cb.length; i++) {
            int v = cb[i];
            if (v < 0) continue;
            if (axis == cAxis) visit(chunk, axis + 1, flat + i * strides[axis], out, v, contrib, strides, cAxis, sum, nanCount);
            else visit(chunk, axis + 1, flat + i * strides[axis], out + v, channel, contrib, strides, cAxis, sum, nanCount);
        }
    }

    /** Mean of each block: the block's element count (shorter at the far edges) less its NaNs. */
    private static void divideByCounts(float[][] sum, int[][] nanCount, long[] n, int[] f, int oz, int oy, int ox) {
        for (int ch = 0; ch < sum.length; ch++) {
            float[] s = sum[ch];
            int[] nan = nanCount[ch];
            for (int z = 0; z < oz; z++) {
                int bz = blockLen(n[0], f[0], z);
                for (int y = 0; y < oy; y++) {
                    int byz = bz * blockLen(n[1], f[1], y);
                    int row = (z * oy + y) * ox;
                    for (int x = 0; x < ox; x++) {
                        int count = byz * blockLen(n[2], f[2], x) - (nan == null ? 0 : nan[row + x]);
                        s[row + x] = count > 0 ? s[row + x] / count : Float.NaN;
                    }
                }
            }
        }
    }

    private static int blockLen(long n, int f, int i) {
        return (int) Math.min(f, n - (long) i * f);
    }
}
