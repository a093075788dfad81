package frontier.array;

import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.ops.Assemble;
import frontier.array.ops.BinaryOp;
import frontier.array.ops.ReduceKind;
import frontier.array.sched.Scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lazy n-d array over a chunk grid, like dask.array: indexing, arithmetic, casts and
 * reductions build a recipe; {@link #compute()} turns it into a task graph (one task per chunk
 * read, per block operation, per reduction step) and runs it on a {@link Scheduler}. Nothing is
 * read before compute(), and a slice's graph reads only the chunks it touches, each once.
 */
public final class ChunkedArray {
    /** {@code :} in an index. */
    public static final Slice ALL = new Slice(null, null, 1);
    /** {@code ...} in an index: as many ALL as needed. */
    public static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() {
            return "...";
        }
    };

    /** Fan-in of the reduction trees. */
    static final int SPLIT_EVERY = 8;

    final Layer layer;

    ChunkedArray(Layer layer) {
        this.layer = layer;
    }

    // ---- construction ------------------------------------------------------------------

    /** A lazy view of a stored array (a Zarr array: local, HTTP or IPFS), chunked as stored. */
    public static ChunkedArray fromZarr(ChunkSource source) {
        return new ChunkedArray(new Layers.Source(source));
    }

    /** An in-memory array cut into chunks (one chunk size per axis, -1 for the whole axis; none: one chunk). */
    public static ChunkedArray fromArray(NdArray array, int... chunks) {
        int[] shape = array.shape();
        return new ChunkedArray(new Layers.FromArray(array, grid(shape, chunks.length == 0 ? shape : chunks)));
    }

    static int[][] grid(int[] shape, int[] chunks) {
        if (chunks.length != shape.length) {
            throw new IllegalArgumentException("chunks " + tuple(chunks) + " need one size per axis of shape " + tuple(shape));
        }
        int[][] g = new int[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            int c = chunks[i] == -1 ? Math.max(shape[i], 1) : chunks[i];
            if (c <= 0) throw new IllegalArgumentException("chunk size " + chunks[i] + " for axis " + i + " must be positive (or -1 for the whole axis)");
            g[i] = Layer.regular(shape[i], c);
        }
        return g;
    }

    // ---- slicing -----------------------------------------------------------------------

    /** A Python slice {@code start:stop}. */
    public static Slice range(Integer start, Integer stop) {
        return new Slice(start, stop, 1);
    }

    /** A Python slice {@code start:stop:step} (null for an omitted bound, negative counts from the end). */
    public static Slice range(Integer start, Integer stop, int step) {
        return new Slice(start, stop, step);
    }

    /**
     * Basic indexing, as numpy's {@code a[i, j:k:s, ...]}: each item is an integer (negative
     * counts from the end; the axis is dropped), a {@link Slice} ({@link #ALL}, {@link #range}),
     * or {@link #ELLIPSIS}; missing trailing items mean ALL.
     */
    public ChunkedArray get(Object... index) {
        int nd = layer.shape.length;
        List<Object> items = new ArrayList<>(Arrays.asList(index));
        int ell = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == ELLIPSIS) {
                if (ell >= 0) throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
                ell = i;
            }
        }
        int explicit = items.size() - (ell >= 0 ? 1 : 0);
        if (explicit > nd) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + nd + "-dimensional, but " + explicit + " were indexed");
        }
        if (ell >= 0) {
            items.remove(ell);
            for (int i = 0; i < nd - explicit; i++) items.add(ell, ALL);
        }
        while (items.size() < nd) items.add(ALL);
        Layers.AxisSelection[] sel = new Layers.AxisSelection[nd];
        boolean identity = true;
        for (int i = 0; i < nd; i++) {
            Object it = items.get(i);
            int n = layer.shape[i];
            if (it instanceof Integer || it instanceof Long || it instanceof Short || it instanceof Byte) {
                long k = ((Number) it).longValue();
                if (k < -n || k >= n) throw new IndexOutOfBoundsException("index " + k + " is out of bounds for axis " + i + " with size " + n);
                sel[i] = new Layers.AxisSelection((int) (k < 0 ? k + n : k));
                identity = false;
            } else if (it instanceof Slice) {
                int[] r = ((Slice) it).indices(n);
                sel[i] = Layers.AxisSelection.range(layer.chunks[i], r[0], r[1], r[2]);
                if (!(r[0] == 0 && r[1] == 1 && r[2] == n)) identity = false;
            } else {
                throw new IllegalArgumentException("index item " + i + " (" + it + (it == null ? "" : ", a " + it.getClass().getSimpleName())
                        + ") is not an integer, a range(...), ALL or ELLIPSIS");
            }
        }
        if (identity) return this;
        return new ChunkedArray(new Layers.Slice(layer, sel));
    }

    // ---- arithmetic and casts ----------------------------------------------------------

    public ChunkedArray add(Number v) {
        return scalar(BinaryOp.ADD, v, false);
    }

    public ChunkedArray sub(Number v) {
        return scalar(BinaryOp.SUB, v, false);
    }

    public ChunkedArray mul(Number v) {
        return scalar(BinaryOp.MUL, v, false);
    }

    public ChunkedArray div(Number v) {
        return scalar(BinaryOp.DIV, v, false);
    }

    /** {@code v - this}. */
    public ChunkedArray rsub(Number v) {
        return scalar(BinaryOp.SUB, v, true);
    }

    /** {@code v / this}. */
    public ChunkedArray rdiv(Number v) {
        return scalar(BinaryOp.DIV, v, true);
    }

    public ChunkedArray add(ChunkedArray o) {
        return binary(BinaryOp.ADD, o);
    }

    public ChunkedArray sub(ChunkedArray o) {
        return binary(BinaryOp.SUB, o);
    }

    public ChunkedArray mul(ChunkedArray o) {
        return binary(BinaryOp.MUL, o);
    }

    public ChunkedArray div(ChunkedArray o) {
        return binary(BinaryOp.DIV, o);
    }

    private ChunkedArray scalar(BinaryOp op, Number v, boolean left) {
        if (v == null) throw new IllegalArgumentException("cannot " + op.name().toLowerCase() + " null");
        DType t = Promotion.withScalar(layer.dtype, v);
        if (op == BinaryOp.DIV) t = Promotion.divide(t);
        return new ChunkedArray(new Layers.Arith(op, layer, null, v, left, t));
    }

    private ChunkedArray binary(BinaryOp op, ChunkedArray o) {
        int zeroD = o.ndim() == 0 && ndim() > 0 ? 2 : ndim() == 0 && o.ndim() > 0 ? 1 : 0;
        if (zeroD != 0) {
            // A 0-d array (a reduction's result) broadcasts over the other operand; the dtype is
            // the plain promotion of both, as dask declares it (u16 * u16.sum() is uint64).
            ChunkedArray arr = zeroD == 2 ? this : o, sc = zeroD == 2 ? o : this;
            DType t = Promotion.promote(arr.dtype(), sc.dtype());
            if (op == BinaryOp.DIV) t = Promotion.divide(t);
            return new ChunkedArray(new Layers.Arith(op, arr.layer, sc.layer, null, zeroD == 1, t));
        }
        if (!Arrays.equals(layer.shape, o.layer.shape)) {
            throw new IllegalArgumentException("operands could not be broadcast together with shapes "
                    + tuple(layer.shape) + " " + tuple(o.layer.shape) + " (" + op.name().toLowerCase() + ")");
        }
        DType t = Promotion.promote(layer.dtype, o.layer.dtype);
        if (op == BinaryOp.DIV) t = Promotion.divide(t);
        // As dask's unify_chunks: both sides take the common refinement of their chunk grids.
        Layer a = layer, b = o.layer;
        if (!Arrays.deepEquals(a.chunks, b.chunks)) {
            int[][] common = new int[a.chunks.length][];
            for (int i = 0; i < common.length; i++) common[i] = refine(a.chunks[i], b.chunks[i]);
            if (!Arrays.deepEquals(a.chunks, common)) a = new Layers.Rechunk(a, common);
            if (!Arrays.deepEquals(b.chunks, common)) b = new Layers.Rechunk(b, common);
        }
        return new ChunkedArray(new Layers.Arith(op, a, b, null, false, t));
    }

    /** Chunk sizes whose boundaries are those of both a and b. */
    static int[] refine(int[] a, int[] b) {
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        int p = 0;
        for (int c : a) cuts.add(p += c);
        p = 0;
        for (int c : b) cuts.add(p += c);
        int[] out = new int[cuts.size()];
        int prev = 0, i = 0;
        for (int c : cuts) {
            out[i++] = c - prev;
            prev = c;
        }
        return out;
    }

    /** numpy's astype (C casts: float to int truncates, ints wrap). */
    public ChunkedArray astype(DType to) {
        if (to == layer.dtype) return this;
        return new ChunkedArray(new Layers.AsType(layer, to));
    }

    /** Regular chunks of the given sizes (-1: the whole axis). */
    public ChunkedArray rechunk(int... chunks) {
        int[][] g = grid(layer.shape, chunks);
        if (Arrays.deepEquals(g, layer.chunks)) return this;
        return new ChunkedArray(new Layers.Rechunk(layer, g));
    }

    // ---- reductions --------------------------------------------------------------------

    public ChunkedArray sum(int... axes) {
        return reduce(ReduceKind.SUM, axes);
    }

    public ChunkedArray mean(int... axes) {
        return reduce(ReduceKind.MEAN, axes);
    }

    public ChunkedArray min(int... axes) {
        return reduce(ReduceKind.MIN, axes);
    }

    public ChunkedArray max(int... axes) {
        return reduce(ReduceKind.MAX, axes);
    }

    /** Population standard deviation (numpy's ddof=0). */
    public ChunkedArray std(int... axes) {
        return reduce(ReduceKind.STD, axes);
    }

    /** Maximum-intensity projection along one axis (the axis is dropped). */
    public ChunkedArray maxProjection(int axis) {
        return reduce(ReduceKind.MAX, new int[]{axis});
    }

    /** Reduces over the given axes (none: all axes, giving a 0-d array). */
    private ChunkedArray reduce(ReduceKind kind, int[] axes) {
        int nd = layer.shape.length;
        boolean[] reduced = new boolean[nd];
        if (axes.length == 0) Arrays.fill(reduced, true);
        for (int a : axes) {
            int k = a < 0 ? a + nd : a;
            if (k < 0 || k >= nd) throw new IndexOutOfBoundsException("axis " + a + " is out of bounds for array of dimension " + nd);
            if (reduced[k] && axes.length > 0) throw new IllegalArgumentException("duplicate value in 'axis': " + a);
            reduced[k] = true;
        }
        return new ChunkedArray(new Layers.Reduce(layer, kind, reduced, SPLIT_EVERY));
    }

    // ---- compute -----------------------------------------------------------------------

    /** Runs the graph on the default scheduler and returns the whole result in memory. */
    public NdArray compute() {
        return compute(Scheduler.getDefault());
    }

    public NdArray compute(Scheduler scheduler) {
        return (NdArray) scheduler.run(graph().fuseLinearChains());
    }

    /** The task graph of compute(): only the tasks the result needs, plus one task that joins the blocks. */
    public TaskGraph graph() {
        Layer.Builder g = new Layer.Builder();
        List<int[]> blocks = Layer.allBlocks(layer.numBlocks());
        List<TaskKey> deps = new ArrayList<>();
        int n = blocks.size();
        int[][] src = new int[n][], dst = new int[n][], cnt = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] b = blocks.get(i);
            deps.add(layer.build(b, g));
            src[i] = new int[b.length];
            dst[i] = layer.blockOffset(b);
            cnt[i] = layer.blockShape(b);
        }
        TaskKey out = new TaskKey("result-" + layer.name);
        g.add(new Task(out, new Assemble(layer.dtype, layer.shape, src, dst, cnt), deps));
        return new TaskGraph(g.tasks.values(), out);
    }

    /**
     * Computes the array into a new Zarr array at path in the store (chunks: this array's
     * chunk size; zarr-python's default compressor; fill value 0), one write task per chunk, and
     * returns it. If the computation fails, the .zarray is removed again so that no half-written
     * array looks complete, and the error is rethrown.
     */
    public frontier.zarr.ZarrArray toZarr(frontier.store.Store store, String path) throws java.io.IOException {
        return toZarr(store, path, Scheduler.getDefault());
    }

    /** toZarr into a local directory (created; must not hold a Zarr array or group yet). */
    public frontier.zarr.ZarrArray toZarr(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        return toZarr(frontier.store.Stores.directory(dir), "");
    }

    public frontier.zarr.ZarrArray toZarr(frontier.store.Store store, String path, Scheduler scheduler) throws java.io.IOException {
        int[] cs = chunksize();
        for (int i = 0; i < cs.length; i++) cs[i] = Math.max(cs[i], 1);
        frontier.zarr.ArrayMetadata md = frontier.zarr.ArrayMetadata.builder(layer.dtype, shape(), cs).fillValue(0).build();
        frontier.zarr.ZarrArray target = frontier.zarr.Zarr.createArray(store, path, md);
        return writeInto(target, cs, scheduler, path, ".zarray");
    }

    /**
     * Computes the array into a new Zarr v3 array at path with the given metadata (made with
     * {@code ArrayMetadataV3.builder(dtype(), shape(), chunks)}: its codecs, sharding, dimension names),
     * one write task per shard (or per chunk when unsharded). As with v2, a failed computation removes
     * the zarr.json again and rethrows.
     */
    public frontier.zarr.ZarrArray toZarr(frontier.store.Store store, String path, frontier.zarr.ArrayMetadataV3 metadata)
            throws java.io.IOException {
        return toZarr(store, path, metadata, Scheduler.getDefault());
    }

    public frontier.zarr.ZarrArray toZarr(frontier.store.Store store, String path, frontier.zarr.ArrayMetadataV3 metadata,
                                          Scheduler scheduler) throws java.io.IOException {
        if (metadata.dtype() != layer.dtype || !java.util.Arrays.equals(metadata.shape(), shape())) {
            throw new IllegalArgumentException("metadata for " + metadata.dtype() + java.util.Arrays.toString(metadata.shape())
                    + " does not fit this array of " + layer.dtype + java.util.Arrays.toString(shape()));
        }
        frontier.zarr.ZarrArray target = frontier.zarr.Zarr.createArray(store, path, metadata);
        return writeInto(target, metadata.gridChunks(), scheduler, path, frontier.zarr.Zarr.ZARR_JSON);
    }

    /** Writes this array into target in blocks of writeChunks (what one store key holds), removing metaKey when it fails. */
    private frontier.zarr.ZarrArray writeInto(frontier.zarr.ZarrArray target, int[] writeChunks, Scheduler scheduler, String path,
                                              String metaKey) throws java.io.IOException {
        ChunkedArray regular = rechunk(writeChunks);
        String location = ChunkSources.register(target);
        Layer l = regular.layer;
        Layer.Builder g = new Layer.Builder();
        List<TaskKey> writes = new ArrayList<>();
        for (int[] b : Layer.allBlocks(l.numBlocks())) {
            TaskKey in = l.build(b, g);
            long[] idx = new long[b.length];
            for (int i = 0; i < b.length; i++) idx[i] = b[i];
            TaskKey w = new TaskKey("store-" + l.name, b);
            g.add(new Task(w, new frontier.array.ops.WriteChunk(location, idx, writeChunks), List.of(in)));
            writes.add(w);
        }
        TaskKey done = new TaskKey("stored-" + l.name);
        g.add(new Task(done, new frontier.array.ops.Count(), writes));
        try {
            scheduler.run(new TaskGraph(g.tasks.values(), done).fuseLinearChains());
        } catch (RuntimeException e) {
            try {
                String p = path.replaceAll("^/+|/+$", "");
                target.store().delete(p.isEmpty() ? metaKey : p + "/" + metaKey);
            } catch (java.io.IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return target;
    }

    /**
     * One row per stored chunk this array reads: key, index, shape, and (when the source knows)
     * stored bytes, compression ratio and CID. Reads no chunk data.
     */
    public tech.tablesaw.api.Table chunkTable() {
        return ChunkTable.of(this, null);
    }

    /** chunkTable() with a CID for each chunk key (for arrays on IPFS). */
    public tech.tablesaw.api.Table chunkTable(java.util.function.Function<String, String> cidOf) {
        return ChunkTable.of(this, cidOf);
    }

    // ---- properties --------------------------------------------------------------------

    public long[] shape() {
        long[] s = new long[layer.shape.length];
        for (int i = 0; i < s.length; i++) s[i] = layer.shape[i];
        return s;
    }

    public DType dtype() {
        return layer.dtype;
    }

    public int ndim() {
        return layer.shape.length;
    }

    public long size() {
        long n = 1;
        for (int d : layer.shape) n *= d;
        return n;
    }

    public long nbytes() {
        return size() * layer.dtype.itemSize();
    }

    /** The chunk sizes along each axis (dask's .chunks). */
    public int[][] chunks() {
        int[][] c = new int[layer.chunks.length][];
        for (int i = 0; i < c.length; i++) c[i] = layer.chunks[i].clone();
        return c;
    }

    /** The largest chunk along each axis (dask's .chunksize). */
    public int[] chunksize() {
        int[] s = new int[layer.chunks.length];
        for (int i = 0; i < s.length; i++) s[i] = Arrays.stream(layer.chunks[i]).max().orElse(0);
        return s;
    }

    /** The number of chunks (dask's npartitions). */
    public long numChunks() {
        return layer.blockCount();
    }

    /** Tasks in the whole graph of this array, every layer counted in full (what dask's repr counts). */
    public long taskCount() {
        return layer.taskCount();
    }

    /** Layers in the recipe (dask's graph layers). */
    public int layerCount() {
        java.util.Set<Layer> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Layer> stack = new ArrayList<>(List.of(layer));
        while (!stack.isEmpty()) {
            Layer l = stack.remove(stack.size() - 1);
            if (seen.add(l)) stack.addAll(l.parents());
        }
        return seen.stream().mapToInt(Layer::graphLayers).sum();
    }

    // ---- text (the HTML table is frontier.display.array.ArrayHtml's) ----------------------

    /** Python's tuple form: (1, 2, 3), (5,), (). */
    public static String tuple(int... v) {
        if (v.length == 1) return "(" + v[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? ", " : "").append(v[i]);
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        return "frontier.array<shape=" + tuple(layer.shape) + ", dtype=" + layer.dtype + ", chunksize=" + tuple(chunksize()) + ">";
    }
}
