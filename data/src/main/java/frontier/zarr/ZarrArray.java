package frontier.zarr;

import frontier.text.PythonText;
import frontier.array.Assemble;
import frontier.array.ChunkSource;
import frontier.array.Count;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.ReadChunk;
import frontier.array.SourceRef;
import frontier.array.StoredChunks;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ComputeException;
import frontier.array.sched.Scheduler;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.store.Store;
import frontier.zarr.codec.BloscCodec;
import frontier.zarr.codec.Codec;
import frontier.zarr.codec.Codecs;
import frontier.zarr.v3.RawChunk;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zarr array in a store, v2 ({@code .zarray}) or v3 ({@code zarr.json}): metadata, chunk I/O, and
 * reading/writing regions. A region is read as a task graph (a read task per chunk, whose chunk a
 * fold copies into the output as it arrives; see {@link #readGraph}) on a {@link Scheduler}, by
 * default threads here: each chunk is decoded into a buffer of its thread and copied straight into
 * the output. Arrays may exceed 2^31 elements (long
 * shape); a region read at once is an {@link NdArray} and so holds fewer.
 * A sharded v3 array is read in its inner chunks ({@link #chunks()}); {@link V3Chunks} does v3's chunk I/O.
 * Concurrent writes to the same chunk are not coordinated (as in zarr-python without a synchronizer).
 */
public final class ZarrArray implements ChunkSource, StoredChunks {
    private final Hierarchy hierarchy;
    private final Store store;
    private final String path;
    private final ZarrArrayMetadata md;
    /** The .zarray of a v2 array, else null. */
    private final ArrayMetadata v2;
    /** Chunk I/O of a v3 array, else null. */
    private final V3Chunks v3;
    private final String prefix;
    /** Reader of local chunk files, made on first use. */
    private volatile ChunkFiles chunkFiles;
    /** Built on first use, so that metadata of an array with an unknown codec can still be shown. */
    private volatile Codecs_ codecs;

    /** The compressor and filters of this array. */
    private static final class Codecs_ {
        final Codec compressor;
        final List<Codec> filters;

        Codecs_(Codec compressor, List<Codec> filters) {
            this.compressor = compressor;
            this.filters = filters;
        }
    }

    private ZarrArray(Hierarchy hierarchy, String path, ZarrArrayMetadata md) throws IOException {
        this.hierarchy = hierarchy;
        this.store = hierarchy.store();
        this.path = path;
        this.md = md;
        this.prefix = path.isEmpty() ? "" : path + "/";
        this.v2 = md instanceof ArrayMetadata a ? a : null;
        this.v3 = md instanceof ArrayMetadataV3 m ? new V3Chunks(store, prefix, m) : null;
    }

    private Codecs_ codecs() throws ZarrFormatException {
        Codecs_ c = codecs;
        if (c == null) {
            String where = store.locate(Zarr.key(path, ".zarray"));
            Codec comp = v2.compressor() == null ? null : codec(v2.compressor(), "compressor", where);
            List<Codec> fs = new ArrayList<>();
            if (v2.filters() != null) for (Map<String, Object> f : v2.filters()) fs.add(codec(f, "filter", where));
            codecs = c = new Codecs_(comp, Collections.unmodifiableList(fs));
        }
        return c;
    }

    private static Codec codec(Map<String, Object> config, String role, String where) throws ZarrFormatException {
        try {
            return Codecs.fromConfig(config);
        } catch (IOException | RuntimeException e) {
            throw new ZarrFormatException("unsupported " + role + " " + config.get("id") + " in " + where + ": " + e.getMessage(), e);
        }
    }

    /** Opens the array at path, or returns null when there is no .zarray there. */
    static ZarrArray openOrNull(Hierarchy h, String path) throws IOException {
        String key = Zarr.key(path, ".zarray");
        Map<String, Object> json = h.json(key);
        if (json == null) return null;
        return new ZarrArray(h, path, ArrayMetadata.fromJson(json, h.store().locate(key)));
    }

    /** Opens the v3 array at path, or returns null when there is no array zarr.json there. */
    static ZarrArray openV3OrNull(Hierarchy h, String path) throws IOException {
        String key = Zarr.key(path, Zarr.ZARR_JSON);
        Map<String, Object> json = h.v3Node(path);
        if (json == null || !"array".equals(json.get("node_type"))) return null;
        return new ZarrArray(h, path, ArrayMetadataV3.fromJson(json, h.store().locate(key)));
    }

    static ZarrArray create(Hierarchy h, String path, ArrayMetadata md) throws IOException {
        ZarrArray a = new ZarrArray(h, path, md);
        a.codecs(); // checks the codecs before anything is written
        h.checkFree(path);
        h.putJson(Zarr.key(path, ".zarray"), md.toJson());
        return a;
    }

    static ZarrArray create(Hierarchy h, String path, ArrayMetadataV3 md) throws IOException {
        ZarrArray a = new ZarrArray(h, path, md);
        h.checkFree(path);
        h.putJsonV3(Zarr.key(path, Zarr.ZARR_JSON), md.toJson());
        return a;
    }

    // ---- metadata ----

    /** The array's metadata: an {@link ArrayMetadata} (.zarray) or an {@link ArrayMetadataV3} (zarr.json). */
    public ZarrArrayMetadata metadata() {
        return md;
    }

    /** 2 or 3. */
    public int zarrFormat() {
        return md.zarrFormat();
    }

    /** The shard shape of a sharded v3 array (its chunks are the inner chunks), else null. */
    public int[] shards() {
        return md instanceof ArrayMetadataV3 m ? m.shards() : null;
    }

    /** The dimension names of a v3 array (null entries for unnamed ones), or null when it has none. */
    public List<String> dimensionNames() {
        return md instanceof ArrayMetadataV3 m ? m.dimensionNames() : null;
    }

    /** The path inside the store ("" for the root, "0", "labels/cells/0"). */
    public String path() {
        return path;
    }

    /** zarr-python's name: "/" + path. */
    public String name() {
        return "/" + path;
    }

    public Store store() {
        return store;
    }

    @Override
    public long[] shape() {
        return md.shape();
    }

    @Override
    public int[] chunks() {
        return md.chunks();
    }

    @Override
    public DType dtype() {
        return md.dtype();
    }

    public int ndim() {
        return md.ndim();
    }

    /** Number of chunks along each dimension. */
    public long[] chunkGrid() {
        return md.chunkGrid();
    }

    /** Total number of chunks. */
    public long nchunks() {
        long n = 1;
        for (long g : md.chunkGrid()) n *= g;
        return n;
    }

    /** The attributes (.zattrs, or zarr.json's "attributes") in file order; empty when there are none. */
    public Map<String, Object> attrs() throws IOException {
        if (v3 != null) return hierarchy.v3Attributes(path);
        Map<String, Object> a = hierarchy.json(Zarr.key(path, ".zattrs"));
        return a == null ? new LinkedHashMap<>() : new LinkedHashMap<>(a);
    }

    /** Adds or replaces attributes and writes .zattrs (v3: zarr.json). */
    public void updateAttrs(Map<String, Object> changes) throws IOException {
        Map<String, Object> a = attrs();
        a.putAll(changes);
        if (v3 != null) hierarchy.putV3Attributes(path, a);
        else hierarchy.putJson(Zarr.key(path, ".zattrs"), a);
    }

    @Override
    public String location() {
        return store.address(path);
    }

    @Override
    public String chunkKey(long[] chunkIndex) {
        if (chunkIndex.length != md.ndim()) {
            throw new IllegalArgumentException("chunk index " + Arrays.toString(chunkIndex) + " has " + chunkIndex.length
                    + " dimensions, array " + name() + " has " + md.ndim());
        }
        if (v3 != null) return v3.key(chunkIndex);
        if (chunkIndex.length == 0) return prefix + "0";
        StringBuilder sb = new StringBuilder(prefix);
        String sep = v2.separator();
        for (int i = 0; i < chunkIndex.length; i++) {
            if (i > 0) sb.append(sep);
            sb.append(chunkIndex[i]);
        }
        return sb.toString();
    }

    private void checkChunkIndex(long[] idx) {
        long[] grid = md.chunkGrid();
        if (idx.length != grid.length) {
            throw new IllegalArgumentException("chunk index " + Arrays.toString(idx) + " has " + idx.length
                    + " dimensions, array " + name() + " has " + grid.length);
        }
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= Math.max(grid[i], 1)) {
                throw new IndexOutOfBoundsException("chunk index " + Arrays.toString(idx) + " is outside the chunk grid "
                        + Arrays.toString(grid) + " of " + name());
            }
        }
    }

    // ---- chunks ----

    /** The chunk's bytes as stored (compressed; an inner chunk's bytes in its shard), or null when the chunk is missing. */
    public byte[] readChunkBytes(long[] chunkIndex) throws IOException {
        checkChunkIndex(chunkIndex);
        if (v3 != null) return v3.storedBytes(chunkIndex);
        return store.get(chunkKey(chunkIndex));
    }

    private int chunkBytes() {
        return md.chunkSize() * md.dtype().itemSize();
    }

    /**
     * Undoes compressor and filters, each bounded by what it may produce for a chunk of this array
     * (a decompression bomb stops at the chunk's size); checks the decoded length; F-order chunks come
     * back in C order.
     */
    private byte[] decode(String key, byte[] stored) throws ZarrFormatException {
        byte[] b = stored;
        Codecs_ cs = codecs();
        Codec compressor = cs.compressor;
        List<Codec> filters = cs.filters;
        int[] bounds = new int[filters.size() + 1]; // bounds[i]: what filters.get(i) may decode to; last: the compressor
        long bound = chunkBytes();
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = (int) Math.min(bound, Codec.MAX_DECODED);
            if (i < filters.size()) bound = filters.get(i).maxEncodedSize(bound);
        }
        try {
            if (compressor != null) b = compressor.decode(b, bounds[filters.size()]);
            for (int i = filters.size() - 1; i >= 0; i--) b = filters.get(i).decode(b, bounds[i]);
        } catch (IOException e) {
            throw new ZarrFormatException("cannot decode chunk " + store.locate(key) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ZarrFormatException("cannot decode chunk " + store.locate(key) + ": corrupt data (" + e + ")", e);
        }
        if (b == null || b.length != chunkBytes()) {
            throw new ZarrFormatException("chunk " + store.locate(key) + " decodes to " + (b == null ? 0 : b.length)
                    + " bytes, expected " + chunkBytes() + " (chunk shape " + Arrays.toString(md.chunks()) + ", dtype "
                    + md.zarrDType() + ")");
        }
        if (v2.order() == 'F') b = ChunkCopy.transpose(b, md.chunks(), md.dtype().itemSize(), true);
        return b;
    }

    /** A chunk's stored bytes; reads from remote stores may overlap beyond the core count. */
    private byte[] getChunk(String key) throws IOException {
        try {
            return blockingRead(store, () -> store.get(key));
        } catch (java.nio.file.FileSystemException e) {
            throw unreadable(e);
        }
    }

    /** A read from the store: on remote stores another worker may compute meanwhile ({@link ThreadPoolScheduler#blocking}). */
    static <T> T blockingRead(Store store, ThreadPoolScheduler.IOSupplier<T> read) throws IOException {
        if (!store.isRemote()) return read.get();
        return ThreadPoolScheduler.blocking(read);
    }

    /** A local chunk file that cannot be read, with the reason (Java's message is the path alone). */
    private static IOException unreadable(java.nio.file.FileSystemException e) {
        return new IOException("cannot read chunk " + frontier.text.IoMessages.describe(e), e);
    }

    /** Per-thread buffer for decoded chunks that are copied out at once (no garbage per chunk). */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][]);

    /** Decoded chunk bytes and the byte order of their elements. */
    private record Raw(byte[] bytes, ByteOrder order) {
    }

    /**
     * Decodes a chunk for immediate copying: straight into a per-thread buffer when the codec
     * can (blosc), the stored bytes themselves when uncompressed. Elements of the other byte
     * order come back swapped to the native one (blosc swaps while unshuffling), so that the copy
     * out is a plain copy. The result is valid until this thread decodes the next chunk.
     */
    private Raw decodeToScratch(String key, StoredBytes stored) throws ZarrFormatException {
        Codecs_ cs = codecs();
        int expected = chunkBytes();
        if (cs.filters.isEmpty() && v2.order() == 'C') {
            if (cs.compressor == null && stored.length() == expected) return new Raw(stored.bytes(), md.byteOrder());
            if (cs.compressor instanceof BloscCodec) {
                try {
                    byte[][] holder = SCRATCH.get();
                    if (holder[0] == null || holder[0].length < expected) holder[0] = new byte[expected];
                    int scalar = md.dtype().itemSize() / ChunkCopy.width(md.dtype());
                    boolean swap = scalar > 1 && md.byteOrder() != ByteOrder.nativeOrder();
                    int n = cs.compressor.decodeInto(stored.bytes(), stored.length(), holder[0], 0, swap ? scalar : 0);
                    if (n == expected) return new Raw(holder[0], swap ? ByteOrder.nativeOrder() : md.byteOrder());
                } catch (IOException | RuntimeException e) {
                    // fall through: decode() reports it with the key
                }
            }
        }
        return new Raw(decode(key, stored.exact()), md.byteOrder());
    }

    /**
     * A blosc chunk of 2-byte elements decoded straight into out from offset (see
     * {@link BloscCodec#decodeShorts}): v2 chunks in C order without filters, v3 chunks and inner chunks
     * whose chain is bytes + blosc. False when the chunk is not such a frame or does not decode
     * (out then partly written), to be decoded the plain way, which reports any error with its key.
     */
    private boolean decodeShortsInto(StoredBytes stored, short[] out, int offset) throws ZarrFormatException {
        if (v3 != null) return v3.decodeShorts(stored, out, offset);
        Codecs_ cs = codecs();
        if (!cs.filters.isEmpty() || v2.order() != 'C' || !(cs.compressor instanceof BloscCodec)) return false;
        try {
            return BloscCodec.decodeShorts(stored.bytes(), stored.length(), out, offset, chunkBytes() / 2, md.byteOrder() == ByteOrder.BIG_ENDIAN);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A chunk of 2-byte elements into out from offset (see {@link ChunkSource#readChunkInto}): blosc
     * chunks are decoded straight into out ({@link #decodeShortsInto}); a missing chunk fills the run
     * with the fill value, and any other chunk is decoded the plain way and copied in, so that each
     * chunk is fetched once. False (nothing read) for other dtypes.
     */
    @Override
    public boolean readChunkInto(long[] chunkIndex, Object array, int offset) throws IOException {
        checkChunkIndex(chunkIndex);
        if (!(array instanceof short[] out) || !shortElements()) return false;
        int n = chunkBytes() / 2;
        java.util.Objects.checkFromIndexSize(offset, n, out.length);
        StoredBytes stored = storedForDecoding(chunkIndex);
        if (stored == null) {
            md.fillValue().fill(out, offset, offset + n);
        } else if (!decodeShortsInto(stored, out, offset)) {
            System.arraycopy(decodePlain(chunkIndex, stored).data(), 0, out, offset, n);
        }
        return true;
    }

    /** Whether elements are 2-byte scalars (what {@link #decodeShortsInto} decodes). */
    private boolean shortElements() {
        return md.dtype().itemSize() == 2 && ChunkCopy.width(md.dtype()) == 1;
    }

    /** A chunk's stored bytes for immediate decoding (local files and inner chunks of local shards in this thread's buffer); null when it is missing. */
    private StoredBytes storedForDecoding(long[] chunkIndex) throws IOException {
        return v3 != null ? v3.storedForCopy(chunkIndex) : fetchToScratch(chunkKey(chunkIndex));
    }

    /** A chunk's stored bytes for immediate decoding: local files go through a reused buffer. */
    private StoredBytes fetchToScratch(String key) throws IOException {
        ChunkFiles files = chunkFiles;
        if (files == null) chunkFiles = files = ChunkFiles.of(store, prefix);
        try {
            return files != null ? files.read(key) : StoredBytes.of(getChunk(key));
        } catch (java.nio.file.FileSystemException e) {
            throw unreadable(e);
        } catch (java.io.FileNotFoundException e) { // "PATH (Permission denied)": a file that is there but cannot be read
            throw new IOException("cannot read chunk " + e.getMessage(), e);
        }
    }

    /** A decoded chunk, full chunk shape (edge chunks as stored); a missing chunk is all fill value. */
    @Override
    public NdArray readChunk(long[] chunkIndex) throws IOException {
        checkChunkIndex(chunkIndex);
        if (v3 != null) return v3.readChunk(chunkIndex);
        String key = chunkKey(chunkIndex);
        byte[] stored = getChunk(key);
        if (stored == null) return filledChunk();
        return NdArray.fromBytes(md.dtype(), md.byteOrder(), decode(key, stored), md.chunks());
    }

    private NdArray filledChunk() {
        NdArray c = NdArray.zeros(md.dtype(), md.chunks());
        if (!md.fillValue().isZeroBits()) md.fillValue().fill(c.data(), 0, c.size());
        return c;
    }

    /** One chunk of fill value shared by transient reads of missing chunks (never modified). */
    private volatile NdArray sharedFill;

    /**
     * A decoded chunk in a buffer of this thread, valid until its next transient read (see
     * {@link ChunkSource#readChunkTransient}): the stored bytes and their decoding go through
     * reused buffers too, so a region read allocates nothing per chunk.
     */
    @Override
    public NdArray readChunkTransient(long[] chunkIndex) throws IOException {
        checkChunkIndex(chunkIndex);
        StoredBytes stored = storedForDecoding(chunkIndex);
        if (stored != null) return decodeTransient(chunkIndex, stored);
        NdArray f = sharedFill;
        if (f == null) sharedFill = f = filledChunk();
        return f;
    }

    /** A chunk (or inner chunk) decoded from its stored bytes into this thread's array (see {@link #readChunkTransient}). */
    NdArray decodeTransient(long[] chunkIndex, StoredBytes stored) throws IOException {
        if (shortElements()) {
            short[] out = (short[]) ChunkCopy.threadArray(md.dtype(), md.chunks());
            if (decodeShortsInto(stored, out, 0)) return NdArray.wrap(md.dtype(), out, md.chunks());
        }
        return decodePlain(chunkIndex, stored);
    }

    /** A chunk decoded through its codec chain into this thread's array, without the 2-byte shortcut; errors name its key. */
    private NdArray decodePlain(long[] chunkIndex, StoredBytes stored) throws IOException {
        RawChunk raw;
        if (v3 != null) {
            raw = v3.decode(chunkIndex, stored.bytes(), 0, stored.length(), true);
        } else {
            Raw r = decodeToScratch(chunkKey(chunkIndex), stored);
            raw = new RawChunk(r.bytes(), md.chunks(), md.dtype(), r.order());
        }
        return ChunkCopy.toThreadArray(raw, md.dtype(), md.chunks());
    }

    /**
     * A blosc chunk's sum straight from its byte-shuffled streams, without unshuffling (see
     * {@link BloscCodec#sumIntegers}); null for other codecs, filters, v3 arrays and missing chunks,
     * and for a chunk that does not decode as expected (the caller's plain read reports that).
     */
    @Override
    public Long sumChunk(long[] chunkIndex) throws IOException {
        checkChunkIndex(chunkIndex);
        DType dt = md.dtype();
        if (v3 != null || !dt.isInteger() || dt.itemSize() > 4) return null;
        Codecs_ cs = codecs();
        if (!cs.filters.isEmpty() || !(cs.compressor instanceof BloscCodec)) return null;
        StoredBytes stored = fetchToScratch(chunkKey(chunkIndex));
        if (stored == null) return null;
        try {
            return BloscCodec.sumIntegers(stored.bytes(), stored.length(), chunkBytes(), dt.itemSize(), !dt.isUnsigned(),
                    md.byteOrder() == ByteOrder.BIG_ENDIAN);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A blosc chunk's 2-byte elements folded into running minima or maxima from its byte planes
     * (see {@link BloscCodec#foldShortExtremes}); false for other codecs, filters, F order, v3
     * arrays, missing chunks and chunks that do not decode as expected (the caller's plain read reports that).
     */
    @Override
    public boolean foldExtremes(long[] chunkIndex, frontier.array.ShortExtremes acc) throws IOException {
        checkChunkIndex(chunkIndex);
        if (v3 != null || md.dtype() != acc.dtype() || v2.order() != 'C' || chunkBytes() != acc.chunkBytes()) return false;
        Codecs_ cs = codecs();
        if (!cs.filters.isEmpty() || !(cs.compressor instanceof BloscCodec)) return false;
        StoredBytes stored = fetchToScratch(chunkKey(chunkIndex));
        if (stored == null) return false;
        try {
            int bs = BloscCodec.shortPlanesBlocksize(stored.bytes(), stored.length(), chunkBytes());
            int[][] rows = bs < 0 ? null : acc.rows(bs);
            if (rows == null) return false;
            BloscCodec.foldShortExtremes(stored.bytes(), stored.length(), md.byteOrder() == ByteOrder.BIG_ENDIAN, acc.max(), acc.flip(), rows);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Encodes and stores one chunk (full chunk shape, this array's dtype). */
    public void writeChunk(long[] chunkIndex, NdArray chunk) throws IOException {
        checkChunkIndex(chunkIndex);
        if (chunk.dtype() != md.dtype() || !Arrays.equals(chunk.shape(), md.chunks())) {
            throw new IllegalArgumentException("chunk of " + chunk.dtype() + Arrays.toString(chunk.shape()) + " does not fit "
                    + name() + " (chunks " + md.dtype() + Arrays.toString(md.chunks()) + ")");
        }
        if (v3 != null) {
            v3.writeChunk(chunkIndex, chunk);
            return;
        }
        String key = chunkKey(chunkIndex);
        byte[] b = chunk.toBytes(md.byteOrder());
        if (v2.order() == 'F') b = ChunkCopy.transpose(b, md.chunks(), md.dtype().itemSize(), false);
        int item = md.dtype().itemSize();
        Codecs_ cs = codecs();
        try {
            Codec compressor = cs.compressor;
            List<Codec> filters = cs.filters;
            for (Codec f : filters) b = f.encode(b, item);
            if (compressor != null) b = compressor.encode(b, item);
        } catch (IOException e) {
            throw new IOException("cannot encode chunk " + store.locate(key) + ": " + e.getMessage(), e);
        }
        store.put(key, b);
    }

    /**
     * Stores one shard of a sharded v3 array from inner chunks that are already encoded with its inner
     * codecs, in C order over the chunks per shard (null for an empty one): a copy that keeps another
     * array's encoded chunks as they are, without decoding them.
     */
    public void writeEncodedShard(long[] shardIndex, byte[][] innerChunks) throws IOException {
        if (v3 == null || !v3.sharded()) throw new IllegalStateException(name() + " is not a sharded Zarr v3 array");
        int n = ((ArrayMetadataV3) md).sharding().count();
        if (innerChunks.length != n) throw new IllegalArgumentException(innerChunks.length + " inner chunks, a shard of " + name() + " holds " + n);
        v3.writeEncodedShard(shardIndex, innerChunks);
    }

    // ---- regions ----

    /** The whole array (fewer than 2^31 elements). */
    public NdArray read() throws IOException {
        long[] shape = md.shape();
        int[] s = new int[shape.length];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            n *= shape[i];
            if (shape[i] > Integer.MAX_VALUE || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array " + name() + " of shape " + Arrays.toString(shape)
                        + " has more than 2^31-1 elements; read it by region with read(offset, shape)");
            }
            s[i] = (int) shape[i];
        }
        return read(new long[shape.length], s);
    }

    private void checkRegion(long[] offset, int[] shape) {
        long[] as = md.shape();
        if (offset.length != as.length || shape.length != as.length) {
            throw new IllegalArgumentException("region offset " + Arrays.toString(offset) + " shape " + Arrays.toString(shape)
                    + " does not match the " + as.length + " dimensions of " + name());
        }
        for (int i = 0; i < as.length; i++) {
            if (offset[i] < 0 || shape[i] < 0 || offset[i] + shape[i] > as[i]) {
                throw new IndexOutOfBoundsException("region offset " + Arrays.toString(offset) + " shape " + Arrays.toString(shape)
                        + " is outside " + name() + " of shape " + Arrays.toString(as));
            }
        }
        NdArray.checkedSize(shape);
    }

    /** The chunk indices a region touches, in C order, generated as they are taken (a region may touch millions). */
    private Iterable<long[]> chunksOf(long[] offset, int[] shape) {
        int n = shape.length;
        int[] c = md.chunks();
        long[] lo = new long[n], hi = new long[n];
        for (int i = 0; i < n; i++) {
            if (shape[i] == 0) return List.of();
            lo[i] = offset[i] / c[i];
            hi[i] = (offset[i] + shape[i] - 1) / c[i];
        }
        return () -> new java.util.Iterator<>() {
            long[] next = lo.clone();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public long[] next() {
                if (next == null) throw new java.util.NoSuchElementException();
                long[] idx = next.clone();
                int d = n - 1;
                while (d >= 0) {
                    if (++next[d] <= hi[d]) break;
                    next[d] = lo[d];
                    d--;
                }
                if (d < 0) next = null;
                return idx;
            }
        };
    }

    /** A region: offset (long, arrays may be huge) and shape (its size below 2^31), read on threads here. */
    public NdArray read(long[] offset, int[] shape) throws IOException {
        return read(offset, shape, LOCAL);
    }

    /** Threads of this process, without progress bars: how regions are read unless a scheduler is given. */
    private static final Scheduler LOCAL = ThreadPoolScheduler.quiet();

    /** A region, read by running {@link #readGraph} on the given scheduler (a region of very many chunks in parts, see {@link #MAX_GRAPH_CHUNKS}). */
    public NdArray read(long[] offset, int[] shape, Scheduler scheduler) throws IOException {
        checkRegion(offset, shape);
        if (chunkCount(offset, shape) > MAX_GRAPH_CHUNKS) return readInParts(offset, shape, scheduler);
        TaskGraph g = readGraph(offset, shape);
        try {
            return (NdArray) scheduler.run(g);
        } catch (ComputeException e) {
            throw unwrap(e);
        }
    }

    /** A region read is one graph up to this many chunks; beyond, it is read in parts of at most this many (a graph holds a task per chunk). */
    public static final int MAX_GRAPH_CHUNKS = 1 << 16;

    /** The number of chunks a region touches (Long.MAX_VALUE when more). */
    public long chunkCount(long[] offset, int[] shape) {
        int[] cs = md.chunks();
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) return 0;
            long k = (offset[i] + shape[i] - 1) / cs[i] - offset[i] / cs[i] + 1;
            n = Math.multiplyHigh(n, k) != 0 || n * k < 0 ? Long.MAX_VALUE : n * k;
        }
        return n;
    }

    /** Reads a region of too many chunks for one graph as consecutive parts along its first axis that spans several chunks. */
    private NdArray readInParts(long[] offset, int[] shape, Scheduler scheduler) throws IOException {
        int[] cs = md.chunks();
        int n = shape.length;
        int axis = 0;
        while (axis < n - 1 && (offset[axis] + shape[axis] - 1) / cs[axis] == offset[axis] / cs[axis]) axis++;
        long along = (offset[axis] + shape[axis] - 1) / cs[axis] - offset[axis] / cs[axis] + 1;
        long others = Math.max(1, chunkCount(offset, shape) / along);
        long perPart = Math.max(1, MAX_GRAPH_CHUNKS / others); // chunks along the axis per part
        NdArray out = NdArray.zeros(md.dtype(), shape);
        long start = offset[axis];
        long end = offset[axis] + shape[axis];
        while (start < end) {
            long stop = Math.min(end, (start / cs[axis] + perPart) * cs[axis]);
            long[] po = offset.clone();
            int[] ps = shape.clone();
            po[axis] = start;
            ps[axis] = (int) (stop - start);
            NdArray part = read(po, ps, scheduler);
            int[] dst = new int[n];
            dst[axis] = (int) (start - offset[axis]);
            ChunkCopy.copy(part.data(), ps, new int[n], out.data(), shape, dst, ps, md.dtype());
            start = stop;
        }
        return out;
    }

    /**
     * The task graph of a region read: a read task per chunk the region touches (the chunk as
     * stored, missing ones as fill value) and an {@link Assemble} that copies each chunk's part into
     * the output as it arrives. Plain serializable values: it runs on any scheduler. For a sharded
     * array the shards' indexes are read first, so that neighbouring inner chunks come in one ranged
     * read (a task whose bytes the inner chunks' decode tasks share).
     */
    public TaskGraph readGraph(long[] offset, int[] shape) throws IOException {
        checkRegion(offset, shape);
        long count = chunkCount(offset, shape);
        if (count > MAX_GRAPH_CHUNKS) {
            throw new IllegalArgumentException("the region touches " + count + " chunks of " + name() + ", more than one graph holds ("
                    + MAX_GRAPH_CHUNKS + "): read(offset, shape) reads it in parts");
        }
        TaskGraph.Builder g = new TaskGraph.Builder();
        return g.build(planRead(g, "", new SourceRef(this), offset, shape));
    }

    /** Adds the tasks of a region read to g, their keys' names starting with prefix; returns the key of the assembled region. */
    public TaskKey planRead(TaskGraph.Builder g, String prefix, SourceRef ref, long[] offset, int[] shape) throws IOException {
        int n = shape.length;
        int[] cs = md.chunks();
        long[] lo = new long[n];
        for (int i = 0; i < n; i++) lo[i] = shape[i] == 0 ? 0 : offset[i] / cs[i];
        List<TaskKey> deps = new ArrayList<>();
        List<int[]> src = new ArrayList<>(), dst = new ArrayList<>(), cnt = new ArrayList<>(), rels = new ArrayList<>();
        List<long[]> chunks = new ArrayList<>();
        boolean sharded = v3 != null && v3.sharded();
        for (long[] idx : chunksOf(offset, shape)) {
            BlockOverlap o = BlockOverlap.of(idx, cs, offset, shape, md.shape());
            int[] rel = new int[n];
            for (int i = 0; i < n; i++) rel[i] = (int) (idx[i] - lo[i]);
            if (sharded) {
                chunks.add(idx);
                rels.add(rel);
            } else {
                deps.add(g.put(new Task(new TaskKey(prefix + "chunk", rel), new ReadChunk(ref, idx, cs), List.of())));
            }
            src.add(o.inBlock());
            dst.add(o.inRegion());
            cnt.add(o.count());
        }
        if (sharded) deps.addAll(ShardReads.plan(this, v3, ref, prefix, chunks, rels, g));
        TaskKey out = new TaskKey(prefix + "region");
        g.put(new Task(out, new Assemble(md.dtype(), shape, src.toArray(new int[0][]), dst.toArray(new int[0][]), cnt.toArray(new int[0][])), deps));
        return out;
    }

    /** The error a failed region task stands for: an IOException (naming the chunk) or what the task threw. */
    static IOException unwrap(ComputeException e) {
        if (Thread.currentThread().isInterrupted()) {
            java.io.InterruptedIOException x = new java.io.InterruptedIOException(e.getMessage());
            x.initCause(e);
            return x;
        }
        Throwable c = e.getCause();
        // ReadChunk names the chunk around what the store or codec threw; keep the original when it is an IOException (it names the chunk too)
        if (c instanceof IOException io && io.getCause() instanceof IOException inner && io.getClass() == IOException.class) return inner;
        if (c instanceof IOException io) return io;
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        return new IOException(e.getMessage(), e);
    }

    /** Writes values at offset: whole chunks are replaced, partly covered chunks are read, updated and rewritten. */
    public void write(long[] offset, NdArray values) throws IOException {
        int[] shape = values.shape();
        checkRegion(offset, shape);
        if (values.dtype() != md.dtype()) {
            throw new IllegalArgumentException("cannot write " + values.dtype() + " values into " + name() + " of dtype " + md.dtype());
        }
        SourceRef ref = new SourceRef(this);
        RegionValues region = new RegionValues(offset, values);
        boolean sharded = v3 != null && v3.sharded();
        Iterable<long[]> blocks = sharded ? v3.shardsOf(offset, shape) : chunksOf(offset, shape);
        TaskGraph.Builder g = new TaskGraph.Builder();
        List<TaskKey> writes = new ArrayList<>();
        int k = 0;
        for (long[] idx : blocks) {
            writes.add(g.put(new Task(new TaskKey("write", k++), new WriteRegionPart(ref, idx, sharded, region), List.of())));
        }
        if (writes.isEmpty()) return;
        TaskKey done = new TaskKey("written");
        g.put(new Task(done, new Count(), writes));
        try {
            LOCAL.run(g.build(done));
        } catch (ComputeException e) {
            throw unwrap(e);
        }
    }

    /** The values of a region write: live in this process only (a write of in-memory values runs where they are). */
    static final class RegionValues implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final long[] offset;
        final transient NdArray values;

        RegionValues(long[] offset, NdArray values) {
            this.offset = offset;
            this.values = values;
        }
    }

    /** Writes the part of a region's values that falls in one chunk (or, sharded, one shard). */
    record WriteRegionPart(SourceRef target, long[] index, boolean shard, RegionValues region) implements frontier.array.graph.Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            if (region.values == null) throw new IllegalStateException("the values written to " + target.location() + " are not in this process");
            ZarrArray a = (ZarrArray) target.open();
            if (shard) a.v3.writeShardPart(index, region.offset, region.values);
            else a.writeChunkPart(index, region.offset, region.values);
            return 1L;
        }

        @Override
        public String name() {
            return "write " + (shard ? "shard " : "chunk ") + Arrays.toString(index);
        }
    }

    /** Writes the part of values (at offset) inside chunk idx: the chunk is replaced, or read, updated and rewritten. */
    private void writeChunkPart(long[] idx, long[] offset, NdArray values) throws IOException {
        int[] cs = md.chunks();
        BlockOverlap o = BlockOverlap.of(idx, cs, offset, values.shape(), md.shape());
        NdArray chunk = o.whole() ? filledChunk() : readChunk(idx);
        ChunkCopy.copy(values.data(), values.shape(), o.inRegion(), chunk.data(), cs, o.inBlock(), o.count(), md.dtype());
        writeChunk(idx, chunk);
    }

    /** Writes values at the origin. */
    public void write(NdArray values) throws IOException {
        write(new long[md.ndim()], values);
    }

    // ---- storage statistics ----

    /** Chunks present in the store, or -1 when the store cannot list keys. */
    public long nchunksInitialized() throws IOException {
        if (!store.isListable()) return -1;
        long[] count = {0};
        walkChunks((key) -> count[0]++);
        return count[0];
    }

    /** Bytes stored under the array (chunks and metadata, as zarr-python's nbytes_stored), or -1 when the store cannot list. */
    public long storedBytes() throws IOException {
        if (!store.isListable()) return -1;
        long total = 0;
        for (String meta : v3 != null ? List.of(Zarr.ZARR_JSON) : List.of(".zarray", ".zattrs")) total += size(Zarr.key(path, meta));
        long[] sum = {0};
        walkChunks(key -> sum[0] += size(key));
        return total + sum[0];
    }

    private long size(String key) throws IOException {
        return Math.max(0, store.size(key));
    }

    private void walkChunks(KeyVisitor onKey) throws IOException {
        if (v3 != null) {
            v3.walkKeys(onKey);
            return;
        }
        int n = Math.max(md.ndim(), 1);
        if ("/".equals(v2.separator()) && md.ndim() > 1) walkNested(prefix, 0, n, onKey);
        else {
            for (String name : store.list(prefix)) {
                if (isChunkName(name, n, "\\.")) onKey.accept(prefix + name);
            }
        }
    }

    private void walkNested(String dir, int depth, int n, KeyVisitor onKey) throws IOException {
        for (String name : store.list(dir)) {
            if (!name.matches("\\d+")) continue;
            if (depth == n - 1) {
                if (store.contains(dir + name)) onKey.accept(dir + name);
            } else {
                walkNested(dir + name + "/", depth + 1, n, onKey);
            }
        }
    }

    /** Receives the keys of stored chunks. */
    interface KeyVisitor {
        void accept(String key) throws IOException;
    }

    private static boolean isChunkName(String name, int n, String sepRegex) {
        String[] parts = name.split(sepRegex, -1);
        if (parts.length != n) return false;
        for (String p : parts) if (!p.matches("\\d+")) return false;
        return true;
    }

    /** Uncompressed size in bytes. */
    public long nbytes() {
        return md.size() * md.dtype().itemSize();
    }

    // ---- text (the HTML forms are the display module's) ----

    /** {@code <zarr Array '/0' (1, 2, 236, 275, 271) uint16>} */
    @Override
    public String toString() {
        return "<zarr Array '" + name() + "' " + PythonText.tuple(md.shape()) + " " + md.dtype() + ">";
    }

    /** zarr-python's .info: (name, value) rows, printed as its text. */
    public ZarrInfo info() throws IOException {
        return ZarrInfo.of(this);
    }

    Hierarchy hierarchy() {
        return hierarchy;
    }

    /** Chunk I/O of a v3 array, else null. */
    V3Chunks v3() {
        return v3;
    }

    /** The chunk's size as stored, from the store's metadata where it has it (file sizes, UnixFS sizes); -1 when missing. */
    @Override
    public long storedBytes(long[] chunkIndex) throws IOException {
        if (v3 != null) return v3.storedSize(chunkIndex);
        return store.size(chunkKey(chunkIndex));
    }

    /** The shard holding a chunk of a sharded v3 array, else null. */
    @Override
    public Shard shardOf(long[] chunkIndex) throws IOException {
        if (v3 == null || !v3.sharded()) return null;
        checkChunkIndex(chunkIndex);
        long[] s = v3.shardOf(chunkIndex);
        int[] full = shards();
        long[] shape = md.shape();
        int[] valid = new int[s.length];
        for (int i = 0; i < s.length; i++) valid[i] = (int) Math.min(full[i], shape[i] - s[i] * full[i]);
        String key = v3.storeKey(s);
        return new Shard(key, s, valid, full, store.size(key));
    }

    /** Each chunk's CID when the array lives in a content-addressed store (ipfs://), else null. */
    @Override
    public java.util.function.Function<String, String> cidOf() {
        try {
            if (store.contentId(Zarr.key(path, v3 != null ? Zarr.ZARR_JSON : ".zarray")) == null) return null;
        } catch (IOException e) {
            return null;
        }
        return key -> {
            try {
                return store.contentId(key);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

}
