package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.NdArray;
import frontier.array.ReadChunk;
import frontier.array.SourceRef;
import frontier.array.graph.Fold;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ComputeException;
import frontier.array.sched.ThreadPoolScheduler;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a chunked array into a {@link Volume}, reducing (z, y, x) by the given factors as it goes:
 * a task graph of chunk reads (in parallel, on threads here) whose chunks a fold adds into the
 * output in chunk order as they arrive (the same sums, bit for bit, as one chunk after the other),
 * so memory is a few chunks plus the output, however large the source. Very many chunks are read
 * by several graphs in turn, the sums carried from one to the next.
 * One time point (the layout's t axis) is read; every channel is.
 */
final class VolumeReader {
    /** Chunks read by one graph. */
    static final int CHUNKS_PER_GRAPH = 1 << 16;

    private final ChunkSource source;
    private final Layout layout;
    private final long[] shape;
    private final int[] chunks;

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
        Sums sums = new Sums(new float[nc][outSize], new int[nc][]);
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
        if (Arrays.stream(shape).anyMatch(s -> s == 0)) return new Volume(oz, oy, ox, sums.sum, factors);
        boolean stride = pooling == Pooling.STRIDE;
        Plan plan = new Plan(shape, chunks, layout.c(), fixedAt, outStride, factor, stride);
        long[] grid = new long[nd];
        for (int a = 0; a < nd; a++) grid[a] = DownsamplePlan.ceil(shape[a], chunks[a]);
        long[] ci = new long[nd];
        for (int a = 0; a < nd; a++) if (fixedAt[a] >= 0) ci[a] = fixedAt[a] / chunks[a];
        SourceRef ref = new SourceRef(source);
        List<long[]> window = new ArrayList<>();
        while (true) {
            if (!stride || plan.chunkHoldsKept(ci)) window.add(ci.clone());
            if (window.size() == CHUNKS_PER_GRAPH) {
                run(ref, plan, window, sums);
                window.clear();
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
        if (!window.isEmpty()) run(ref, plan, window, sums);
        if (!stride) divideByCounts(sums.sum, sums.nanCount, n, factors, oz, oy, ox);
        return new Volume(oz, oy, ox, sums.sum, factors);
    }

    /** Reads these chunks (a graph: a read task each and the fold that adds them, in this order, into the sums). */
    private void run(SourceRef ref, Plan plan, List<long[]> indices, Sums sums) {
        TaskGraph.Builder g = new TaskGraph.Builder();
        List<TaskKey> reads = new ArrayList<>(indices.size());
        for (int i = 0; i < indices.size(); i++) {
            reads.add(g.put(new Task(new TaskKey("chunk", i), new ReadChunk(ref, indices.get(i), chunks), List.of())));
        }
        TaskKey out = g.put(new Task(new TaskKey("volume"), new AddChunks(plan, indices.toArray(new long[0][]), sums), reads));
        try {
            ThreadPoolScheduler.quiet().run(g.build(out));
        } catch (ComputeException e) {
            if (Thread.currentThread().isInterrupted()) throw new ViewException("interrupted while reading " + where(), e);
            Throwable c = e.getCause();
            String m = c == null ? e.getMessage() : c.getMessage() == null ? c.toString() : c.getMessage();
            throw new ViewException(m, c == null ? e : c);
        }
    }

    private String where() {
        String loc = source.location();
        return loc == null ? "the array" : loc;
    }

    /** The sums (and NaN counts) of each output voxel per channel, filled chunk by chunk. Live in this process. */
    record Sums(float[][] sum, int[][] nanCount) {
    }

    /** Adds chunks, in their order, into the sums. */
    static final class AddChunks implements Fold {
        private static final long serialVersionUID = 1L;
        private final Plan plan;
        private final long[][] indices;
        private final transient Sums sums;

        AddChunks(Plan plan, long[][] indices, Sums sums) {
            this.plan = plan;
            this.indices = indices;
            this.sums = sums;
        }

        @Override
        public Order order() {
            return Order.IN_ORDER; // float sums: the order of the serial read, bit for bit
        }

        @Override
        public Object begin(int n) {
            if (sums == null) throw new IllegalStateException("the volume being read is in the process that started it");
            return sums;
        }

        @Override
        public Object add(Object acc, int i, Object input) {
            plan.accumulate((NdArray) input, indices[i], sums.sum, sums.nanCount);
            return acc;
        }

        @Override
        public Object end(Object acc) {
            return acc;
        }
    }

    /** Where each element of a chunk goes in the output. */
    record Plan(long[] shape, int[] chunks, int cAxis, long[] fixedAt, int[] outStride, int[] factor, boolean stride) implements Serializable {
        boolean chunkHoldsKept(long[] ci) {
            for (int a = 0; a < ci.length; a++) {
                int f = factor[a];
                if (f <= 1) continue;
                long lo = ci[a] * chunks[a], hi = Math.min(shape[a], lo + chunks[a]);
                if (DownsamplePlan.ceil(lo, f) * f >= hi) return false;
            }
            return true;
        }

        void accumulate(NdArray chunk, long[] ci, float[][] sum, int[][] nanCount) {
            int nd = shape.length;
            int[] cshape = chunk.shape();
            if (cshape.length != nd) throw new ViewException("chunk " + Arrays.toString(ci) + " has shape " + Arrays.toString(cshape) + ", array has " + nd + " dimensions");
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
                    else if (a == cAxis) v = (int) g;
                    else if (stride && g % factor[a] != 0) v = -1;
                    else v = (int) (g / factor[a]) * outStride[a];
                    contrib[a][i] = v;
                }
            }
            int[] strides = new int[nd];
            int s = 1;
            for (int a = nd - 1; a >= 0; a--) { strides[a] = s; s *= cshape[a]; }
            visit(chunk, 0, 0, 0, 0, contrib, strides, sum, nanCount);
        }

        private void visit(NdArray chunk, int axis, int flat, int out, int channel, int[][] contrib, int[] strides,
                           float[][] sum, int[][] nanCount) {
            int[] cb = contrib[axis];
            if (axis == contrib.length - 1) {
                for (int i = 0; i < cb.length; i++) {
                    int v = cb[i];
                    if (v < 0) continue;
                    int ch = axis == cAxis ? v : channel;
                    int o = axis == cAxis ? out : out + v;
                    double d = chunk.getDouble(flat + i);
                    if (Double.isNaN(d)) {
                        if (stride) { sum[ch][o] = Float.NaN; continue; }
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
                if (axis == cAxis) visit(chunk, axis + 1, flat + i * strides[axis], out, v, contrib, strides, sum, nanCount);
                else visit(chunk, axis + 1, flat + i * strides[axis], out + v, channel, contrib, strides, sum, nanCount);
            }
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
