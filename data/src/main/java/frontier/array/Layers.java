package frontier.array;

import frontier.array.graph.Task;
import frontier.array.graph.TaskKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The kinds of layers a ChunkedArray is built from. */
final class Layers {
    private Layers() {
    }

    static int toIntDim(long d, String what) {
        if (d > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " has an axis of length " + d + ", more than 2^31-1");
        return (int) d;
    }

    /** Chunks of a stored array: one open task plus one read task per chunk (dask's from_zarr graph). */
    static final class Source extends Layer {
        final ChunkSource source;
        /** Shared by the layer's tasks, so that a deserialized graph or batch reopens the array once. */
        final SourceRef ref;
        final TaskKey openKey;
        /** Block shapes handed out, so that the many equal ones are one array (graphs may hold millions of tasks). */
        private final java.util.Map<java.util.List<Integer>, int[]> shapes = new java.util.HashMap<>();

        Source(ChunkSource src) {
            super("from-zarr", src.dtype(), dims(src.shape()), grid(src));
            this.source = src;
            this.ref = new SourceRef(src);
            this.openKey = new TaskKey("original-" + name);
        }

        synchronized int[] sharedShape(int[] s) {
            return shapes.computeIfAbsent(Arrays.stream(s).boxed().toList(), k -> s);
        }

        static int[] dims(long[] shape) {
            int[] s = new int[shape.length];
            for (int i = 0; i < s.length; i++) s[i] = toIntDim(shape[i], "array");
            return s;
        }

        /** A lazy array's graph holds a task per chunk (and its grid a size per chunk): beyond this, refuse up front. */
        static final long MAX_CHUNKS = 1L << 22;

        static int[][] grid(ChunkSource src) {
            long[] shape = src.shape();
            int[] c = src.chunks();
            if (c.length != shape.length) throw new IllegalArgumentException("chunks " + Arrays.toString(c) + " do not match shape " + Arrays.toString(shape));
            java.math.BigInteger n = java.math.BigInteger.ONE;
            long longest = 0;
            for (int i = 0; i < c.length; i++) {
                long k = c[i] <= 0 ? 1 : (shape[i] + c[i] - 1) / c[i];
                n = n.multiply(java.math.BigInteger.valueOf(k));
                longest = Math.max(longest, k);
            }
            if (n.compareTo(java.math.BigInteger.valueOf(MAX_CHUNKS)) > 0 || longest > MAX_CHUNKS) {
                throw new IllegalArgumentException((src.location() == null ? "the array" : src.location()) + " of shape " + Arrays.toString(shape)
                        + " has " + String.format(java.util.Locale.ROOT, "%,d", n.compareTo(java.math.BigInteger.valueOf(MAX_CHUNKS)) > 0 ? n : longest)
                        + (n.compareTo(java.math.BigInteger.valueOf(MAX_CHUNKS)) > 0 ? " chunks" : " chunks along one axis") + "; a lazy array handles at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_CHUNKS)
                        + " (one task per chunk): read regions of it instead (ZarrArray.read(offset, shape))");
            }
            int[][] g = new int[shape.length][];
            for (int i = 0; i < g.length; i++) g[i] = regular(toIntDim(shape[i], "array"), c[i]);
            return g;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            if (!g.has(openKey)) g.add(new Task(openKey, new OpenSource(ref), List.of()));
            long[] idx = new long[block.length];
            for (int i = 0; i < idx.length; i++) idx[i] = block[i];
            return g.add(new Task(k, new ReadChunk(ref, idx, sharedShape(blockShape(block))), List.of(openKey)));
        }

        @Override
        long ownTasks() {
            return blockCount() + 1;
        }

        @Override
        int graphLayers() {
            return 2;
        }

        @Override
        List<Layer> parents() {
            return List.of();
        }
    }

    /**
     * An in-memory array cut into blocks; as dask does for numpy input, each block's values
     * are carried in its task (cut when the graph is built), so the graph stays self-contained.
     */
    static final class FromArray extends Layer {
        final NdArray array;

        FromArray(NdArray a, int[][] chunks) {
            super("array", a.dtype(), a.shape(), chunks);
            this.array = a;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            int[] ones = new int[block.length];
            Arrays.fill(ones, 1);
            NdArray part = Blocks.region(array, blockOffset(block), ones, blockShape(block));
            return g.add(new Task(k, new Literal(part), List.of()));
        }

        @Override
        long ownTasks() {
            return blockCount();
        }

        @Override
        List<Layer> parents() {
            return List.of();
        }
    }

    /** One axis of a basic index: an integer (axis dropped) or a strided range mapped onto the parent's chunks. */
    static final class AxisSelection {
        final boolean integer;
        final int index;               // integer: the parent index
        final int[] parentBlock;       // per output chunk: the parent chunk it comes from
        final int[] localStart;        // per output chunk: start inside that parent chunk
        final int[] sizes;             // per output chunk: its length
        final int step;

        AxisSelection(int index) {
            this.integer = true;
            this.index = index;
            this.parentBlock = null;
            this.localStart = null;
            this.sizes = null;
            this.step = 1;
        }

        AxisSelection(int[] parentBlock, int[] localStart, int[] sizes, int step) {
            this.integer = false;
            this.index = -1;
            this.parentBlock = parentBlock;
            this.localStart = localStart;
            this.sizes = sizes;
            this.step = step;
        }

        /** Maps python-normalized (start, step, count) onto parent chunks (dask's _slice_1d). */
        static AxisSelection range(int[] parentChunks, int start, int step, int count) {
            List<int[]> pieces = new ArrayList<>();
            int nc = parentChunks.length;
            int[] offsets = new int[nc];
            for (int i = 1; i < nc; i++) offsets[i] = offsets[i - 1] + parentChunks[i - 1];
            if (count > 0) {
                for (int j = 0; j < nc; j++) {
                    int c = step > 0 ? j : nc - 1 - j;
                    long o = offsets[c], e = o + parentChunks[c] - 1; // inclusive
                    long kmin, kmax;
                    if (step > 0) {
                        kmin = Math.max(0, ceilDiv(o - start, step));
                        kmax = Math.min(count - 1, Math.floorDiv(e - start, (long) step));
                    } else {
                        kmin = Math.max(0, ceilDiv(start - e, -step));
                        kmax = Math.min(count - 1, Math.floorDiv(start - o, (long) -step));
                    }
                    if (kmin <= kmax) pieces.add(new int[]{c, (int) (start + kmin * step - o), (int) (kmax - kmin + 1)});
                }
            }
            if (pieces.isEmpty()) return new AxisSelection(new int[]{-1}, new int[]{0}, new int[]{0}, step);
            int[] pb = new int[pieces.size()], ls = new int[pieces.size()], sz = new int[pieces.size()];
            for (int i = 0; i < pb.length; i++) {
                pb[i] = pieces.get(i)[0];
                ls[i] = pieces.get(i)[1];
                sz[i] = pieces.get(i)[2];
            }
            return new AxisSelection(pb, ls, sz, step);
        }

        static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }
    }

    /** Basic indexing: each output chunk comes from one parent chunk (a strided region of it). */
    static final class Slice extends Layer {
        final Layer parent;
        final AxisSelection[] sel;

        Slice(Layer parent, AxisSelection[] sel) {
            super("getitem", parent.dtype, outShape(sel), outChunks(sel));
            this.parent = parent;
            this.sel = sel;
        }

        static int[] outShape(AxisSelection[] sel) {
            List<Integer> s = new ArrayList<>();
            for (AxisSelection a : sel) if (!a.integer) s.add(Arrays.stream(a.sizes).sum());
            return s.stream().mapToInt(Integer::intValue).toArray();
        }

        static int[][] outChunks(AxisSelection[] sel) {
            List<int[]> c = new ArrayList<>();
            for (AxisSelection a : sel) if (!a.integer) c.add(a.sizes.clone());
            return c.toArray(new int[0][]);
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            int pn = sel.length;
            int[] pblock = new int[pn], start = new int[pn], step = new int[pn], count = new int[pn];
            int o = 0;
            boolean empty = false;
            for (int i = 0; i < pn; i++) {
                AxisSelection a = sel[i];
                if (a.integer) {
                    int off = 0, b = 0;
                    while (a.index >= off + parent.chunks[i][b]) off += parent.chunks[i][b++];
                    pblock[i] = b;
                    start[i] = a.index - off;
                    step[i] = 1;
                    count[i] = 1;
                } else {
                    int j = block[o++];
                    pblock[i] = a.parentBlock[j];
                    start[i] = a.localStart[j];
                    step[i] = a.step;
                    count[i] = a.sizes[j];
                    if (count[i] == 0) empty = true;
                }
            }
            int[] bs = blockShape(block);
            if (empty) return g.add(new Task(k, new Literal(NdArray.zeros(dtype, bs)), List.of()));
            TaskKey p = parent.build(pblock, g);
            return g.add(new Task(k, new BlockSlice(start, step, count, bs), List.of(p)));
        }

        @Override
        long ownTasks() {
            return blockCount();
        }

        @Override
        List<Layer> parents() {
            return List.of(parent);
        }
    }

    /** Elementwise arithmetic with a scalar or with another array of the same shape and chunks. */
    static final class Arith extends Layer {
        final BinaryOp op;
        final Layer a;
        final Layer b;
        final Number scalar;
        final boolean scalarLeft;

        Arith(BinaryOp op, Layer a, Layer b, Number scalar, boolean scalarLeft, DType out) {
            super(op.name().toLowerCase(), out, a.shape, a.chunks);
            this.op = op;
            this.a = a;
            this.b = b;
            this.scalar = scalar;
            this.scalarLeft = scalarLeft;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            int[] bBlock = b != null && b.shape.length == 0 ? new int[0] : block;
            List<TaskKey> deps = b == null ? List.of(a.build(block, g)) : List.of(a.build(block, g), b.build(bBlock, g));
            return g.add(new Task(k, new Elementwise(op, dtype, scalar, scalarLeft), deps));
        }

        @Override
        long ownTasks() {
            return blockCount();
        }

        @Override
        List<Layer> parents() {
            return b == null ? List.of(a) : List.of(a, b);
        }
    }

    static final class AsType extends Layer {
        final Layer parent;

        AsType(Layer parent, DType to) {
            super("astype", to, parent.shape, parent.chunks);
            this.parent = parent;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            return g.add(new Task(k, new Cast(dtype), List.of(parent.build(block, g))));
        }

        @Override
        long ownTasks() {
            return blockCount();
        }

        @Override
        List<Layer> parents() {
            return List.of(parent);
        }
    }

    /** New chunk grid: each output chunk is assembled from the parent chunks it overlaps. */
    static final class Rechunk extends Layer {
        final Layer parent;

        Rechunk(Layer parent, int[][] chunks) {
            super("rechunk", parent.dtype, parent.shape, chunks);
            this.parent = parent;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            int nd = block.length;
            int[] off = blockOffset(block), bs = blockShape(block);
            // Per axis: the parent chunks overlapping [off, off + bs).
            List<List<int[]>> perAxis = new ArrayList<>();
            for (int i = 0; i < nd; i++) {
                List<int[]> l = new ArrayList<>();
                int po = 0;
                for (int c = 0; c < parent.chunks[i].length; c++) {
                    int ps = parent.chunks[i][c];
                    int lo = Math.max(po, off[i]), hi = Math.min(po + ps, off[i] + bs[i]);
                    if (lo < hi || (bs[i] == 0 && c == 0)) l.add(new int[]{c, lo - po, lo - off[i], Math.max(0, hi - lo)});
                    po += ps;
                }
                perAxis.add(l);
            }
            int[] sizes = perAxis.stream().mapToInt(List::size).toArray();
            List<TaskKey> deps = new ArrayList<>();
            List<int[]> src = new ArrayList<>(), dst = new ArrayList<>(), cnt = new ArrayList<>();
            for (int[] combo : allBlocks(sizes)) {
                int[] pb = new int[nd], s = new int[nd], d = new int[nd], c = new int[nd];
                for (int i = 0; i < nd; i++) {
                    int[] p = perAxis.get(i).get(combo[i]);
                    pb[i] = p[0];
                    s[i] = p[1];
                    d[i] = p[2];
                    c[i] = p[3];
                }
                deps.add(parent.build(pb, g));
                src.add(s);
                dst.add(d);
                cnt.add(c);
            }
            if (nd == 0) deps.add(parent.build(new int[0], g));
            return g.add(new Task(k, new Assemble(dtype, bs, src.toArray(new int[0][]), dst.toArray(new int[0][]), cnt.toArray(new int[0][])), deps));
        }

        @Override
        long ownTasks() {
            return blockCount();
        }

        @Override
        List<Layer> parents() {
            return List.of(parent);
        }
    }

    /** A tree reduction: a partial per parent block, combines of splitEvery neighbours, a final step per output block. */
    static final class Reduce extends Layer {
        final Layer parent;
        final ReduceKind kind;
        final boolean[] reduced;
        final int splitEvery;

        Reduce(Layer parent, ReduceKind kind, boolean[] reduced, int splitEvery) {
            super(kind.name().toLowerCase(), kind.resultType(parent.dtype), kept(parent.shape, reduced), keptChunks(parent.chunks, reduced));
            if (kind == ReduceKind.STD || kind == ReduceKind.MEAN || kind == ReduceKind.SUM) {
                if (parent.dtype.isComplex()) throw new UnsupportedOperationException(kind + " of complex arrays is not supported");
            }
            this.parent = parent;
            this.kind = kind;
            this.reduced = reduced;
            this.splitEvery = splitEvery;
            this.partial = new PartialReduce(kind, reduced);
            this.combine = new CombineReduce(kind, parent.dtype);
        }

        /** The ops every partial and every combine of this layer share. */
        private final PartialReduce partial;
        private final CombineReduce combine;

        static int[] kept(int[] shape, boolean[] reduced) {
            List<Integer> s = new ArrayList<>();
            for (int i = 0; i < shape.length; i++) if (!reduced[i]) s.add(shape[i]);
            return s.stream().mapToInt(Integer::intValue).toArray();
        }

        static int[][] keptChunks(int[][] chunks, boolean[] reduced) {
            List<int[]> s = new ArrayList<>();
            for (int i = 0; i < chunks.length; i++) if (!reduced[i]) s.add(chunks[i]);
            return s.toArray(new int[0][]);
        }

        /** The parent blocks that feed one output block. */
        List<int[]> inputs(int[] block) {
            int nd = reduced.length;
            int[] ranges = new int[nd];
            for (int i = 0; i < nd; i++) ranges[i] = reduced[i] ? parent.chunks[i].length : 1;
            List<int[]> out = new ArrayList<>();
            for (int[] r : allBlocks(ranges)) {
                int[] pb = new int[nd];
                int o = 0;
                for (int i = 0; i < nd; i++) pb[i] = reduced[i] ? r[i] : block[o++];
                out.add(pb);
            }
            return out;
        }

        @Override
        TaskKey build(int[] block, Builder g) {
            TaskKey k = new TaskKey(name, block);
            if (g.has(k)) return k;
            List<TaskKey> level = new ArrayList<>();
            for (int[] pb : inputs(block)) {
                TaskKey pk = new TaskKey(name + "-partial", pb);
                if (!g.has(pk)) g.add(new Task(pk, partial, List.of(parent.build(pb, g))));
                level.add(pk);
            }
            int depth = 0;
            while (level.size() > splitEvery) {
                List<TaskKey> next = new ArrayList<>();
                for (int i = 0; i < level.size(); i += splitEvery) {
                    int[] idx = Arrays.copyOf(block, block.length + 1);
                    idx[block.length] = i / splitEvery;
                    TaskKey ck = new TaskKey(name + "-combine-" + depth, idx);
                    g.add(new Task(ck, combine, level.subList(i, Math.min(level.size(), i + splitEvery))));
                    next.add(ck);
                }
                level = next;
                depth++;
            }
            return g.add(new Task(k, new FinalizeReduce(kind, parent.dtype, blockShape(block)), level));
        }

        @Override
        long ownTasks() {
            long n = 0;
            for (int[] b : allBlocks(numBlocks())) {
                long m = inputs(b).size();
                n += m + 1;
                while (m > splitEvery) {
                    m = (m + splitEvery - 1) / splitEvery;
                    n += m;
                }
            }
            return n;
        }

        @Override
        List<Layer> parents() {
            return List.of(parent);
        }
    }
}
