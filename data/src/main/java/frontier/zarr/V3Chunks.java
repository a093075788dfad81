package frontier.zarr;

import frontier.array.NdArray;
import frontier.store.Store;
import frontier.zarr.v3.CodecPipeline;
import frontier.zarr.v3.RawChunk;
import frontier.zarr.v3.ShardIndex;
import frontier.zarr.v3.ShardingCodec;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Chunk I/O of one Zarr v3 array for {@link ZarrArray}: chunk keys, reading and writing chunks
 * through the codec chain, and for sharded arrays the inner chunks of shards. The array is read in
 * its inner chunks: a shard's index is read once (a ranged request, cached; threads asking for it at
 * once wait for one read), then each inner chunk by its byte range (a task of its own). Writing an inner chunk rewrites its shard
 * (read, replace, write back; concurrent writers of one shard are serialized inside this process only).
 */
final class V3Chunks {
    /** Shard indexes kept (their entries use 16 bytes per inner chunk). */
    private static final long INDEX_CACHE_BYTES = 64L << 20;

    private final Store store;
    private final String prefix;
    private final ArrayMetadataV3 md;
    private final CodecPipeline pipeline;
    private final ShardingCodec sharding;
    /** Inner chunks per shard along each axis (sharded arrays). */
    private final int[] perShard;
    private final Map<String, CompletableFuture<Optional<ShardIndex>>> indexes = new LinkedHashMap<>(16, 0.75f, true);
    private long indexBytes;
    private final Object[] shardLocks = new Object[64];
    /** Local chunk files read into a per-thread buffer (like v2's reads), when the store is a local folder. */
    private final ChunkFiles files;

    V3Chunks(Store store, String prefix, ArrayMetadataV3 md) {
        this.store = store;
        this.prefix = prefix;
        this.files = ChunkFiles.of(store, prefix);
        this.md = md;
        this.pipeline = md.codecs();
        this.sharding = pipeline.sharding();
        this.perShard = sharding == null ? null : sharding.chunksPerShard();
        for (int i = 0; i < shardLocks.length; i++) shardLocks[i] = new Object();
    }

    boolean sharded() {
        return sharding != null;
    }

    // ---- keys ----

    /** The store key of a shard (or, unsharded, a chunk) at this index of the chunk grid. */
    String storeKey(long[] gridIndex) {
        return prefix + md.chunkKeyEncoding().key(gridIndex);
    }

    /** The shard holding a (read) chunk, as an index of the shard grid. */
    long[] shardOf(long[] chunkIndex) {
        long[] s = new long[chunkIndex.length];
        for (int i = 0; i < s.length; i++) s[i] = chunkIndex[i] / perShard[i];
        return s;
    }

    /** A chunk's position inside its shard. */
    int[] inShard(long[] chunkIndex) {
        int[] p = new int[chunkIndex.length];
        for (int i = 0; i < p.length; i++) p[i] = (int) (chunkIndex[i] % perShard[i]);
        return p;
    }

    /** The chunk's key: its store key, or for an inner chunk its shard's key and "#" its position in the shard ("c/0/1#2.0"). */
    String key(long[] chunkIndex) {
        if (sharding == null) return storeKey(chunkIndex);
        StringBuilder sb = new StringBuilder(storeKey(shardOf(chunkIndex))).append('#');
        int[] p = inShard(chunkIndex);
        for (int i = 0; i < p.length; i++) sb.append(i > 0 ? "." : "").append(p[i]);
        return sb.toString();
    }

    // ---- shard indexes ----

    /**
     * The shard's index (cached), or null when the shard does not exist. Threads asking for the same
     * index at once wait for one read of it.
     */
    ShardIndex index(String shardKey) throws IOException {
        CompletableFuture<Optional<ShardIndex>> mine = new CompletableFuture<>(), f;
        synchronized (indexes) {
            f = indexes.putIfAbsent(shardKey, mine);
            if (f == null) {
                f = mine;
                indexBytes += 16L * sharding.count();
                var it = indexes.entrySet().iterator();
                while (indexBytes > INDEX_CACHE_BYTES && it.hasNext()) {
                    if (it.next().getValue() == mine) continue;
                    it.remove();
                    indexBytes -= 16L * sharding.count();
                }
            }
        }
        if (f == mine) {
            try {
                mine.complete(Optional.ofNullable(ZarrArray.blockingRead(store, () -> sharding.readIndex(store, shardKey))));
            } catch (frontier.zarr.codec.CodecException e) {
                forget(shardKey);
                mine.completeExceptionally(new ZarrFormatException(e.getMessage(), e));
            } catch (IOException | RuntimeException e) {
                forget(shardKey);
                mine.completeExceptionally(e);
            }
        }
        try {
            return f.get().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the index of " + store.locate(shardKey));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    private void forget(String shardKey) {
        synchronized (indexes) {
            if (indexes.remove(shardKey) != null) indexBytes -= 16L * sharding.count();
        }
        if (files != null) files.forget(shardKey);
    }

    // ---- reading ----

    /** The chunk's bytes as stored (an inner chunk's encoded bytes), or null when it is missing. */
    byte[] storedBytes(long[] chunkIndex) throws IOException {
        if (sharding == null) {
            String key = storeKey(chunkIndex);
            return ZarrArray.blockingRead(store, () -> store.get(key));
        }
        String shardKey = storeKey(shardOf(chunkIndex));
        ShardIndex ix = index(shardKey);
        if (ix == null) return null;
        int i = ix.linear(inShard(chunkIndex));
        try {
            return ZarrArray.blockingRead(store, () -> sharding.readInner(store, shardKey, ix, i));
        } catch (frontier.zarr.codec.CodecException e) {
            throw new ZarrFormatException(e.getMessage(), e);
        }
    }

    /** The stored size of a chunk (an inner chunk's nbytes from its shard's index), -1 when missing. */
    long storedSize(long[] chunkIndex) throws IOException {
        if (sharding == null) return store.size(storeKey(chunkIndex));
        ShardIndex ix = index(storeKey(shardOf(chunkIndex)));
        if (ix == null) return -1;
        int i = ix.linear(inShard(chunkIndex));
        return ix.isEmpty(i) ? -1 : ix.nbytes(i);
    }

    /** Decodes one chunk's stored bytes; errors name the chunk. forCopy: the result may sit in a per-thread buffer. */
    RawChunk decode(long[] chunkIndex, byte[] stored, int offset, int length, boolean forCopy) throws ZarrFormatException {
        CodecPipeline p = sharding == null ? pipeline : sharding.inner();
        try {
            return forCopy ? p.decodeForCopy(stored, offset, length) : p.decode(stored, offset, length);
        } catch (IOException e) {
            throw new ZarrFormatException("cannot decode chunk " + store.locate(key(chunkIndex)) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ZarrFormatException("cannot decode chunk " + store.locate(key(chunkIndex)) + ": corrupt data (" + e + ")", e);
        }
    }

    /** A decoded chunk, full chunk shape; a missing chunk is all fill value. */
    NdArray readChunk(long[] chunkIndex) throws IOException {
        byte[] b = storedBytes(chunkIndex);
        if (b == null) return filled(md.chunks());
        RawChunk r = decode(chunkIndex, b, 0, b.length, false);
        return NdArray.fromBytes(md.dtype(), r.order(), r.exactBytes(r.order()), md.chunks());
    }

    NdArray filled(int[] shape) {
        NdArray c = NdArray.zeros(md.dtype(), shape);
        if (!md.fillValue().isZeroBits()) md.fillValue().fill(c.data(), 0, c.size());
        return c;
    }

    /**
     * A chunk's stored bytes for immediate decoding, or null when it is missing: local chunk files
     * and the inner chunks of local shards are read into this thread's buffer.
     */
    StoredBytes storedForCopy(long[] chunkIndex) throws IOException {
        if (files == null) return StoredBytes.of(storedBytes(chunkIndex));
        if (sharding == null) return files.read(storeKey(chunkIndex));
        String shardKey = storeKey(shardOf(chunkIndex));
        ShardIndex ix = index(shardKey);
        if (ix == null) return null;
        int i = ix.linear(inShard(chunkIndex));
        if (ix.isEmpty(i)) return null;
        checkEntry(ix, i, shardKey);
        return readInnerLocal(shardKey, ix.offset(i), (int) ix.nbytes(i));
    }

    /** Whether inner chunks are read one by one from local shard files (see {@link #readInnerLocal}). */
    boolean localShards() {
        return sharding != null && files != null;
    }

    /**
     * An inner chunk's nbytes bytes at offset of a local shard file, in this thread's buffer (valid
     * until its next read): one positional read on the shard's open file, nothing allocated.
     */
    StoredBytes readInnerLocal(String shardKey, long offset, int nbytes) throws IOException {
        StoredBytes b = files.readRange(shardKey, offset, nbytes);
        if (b == null) throw new IOException("shard " + store.locate(shardKey) + " disappeared while being read");
        if (b.length() < nbytes) {
            throw new ZarrFormatException("shard index of " + store.locate(shardKey) + " points past the end of the shard: inner chunk at byte "
                    + offset + " of " + nbytes + " bytes, the shard ends at " + (offset + b.length()));
        }
        return b;
    }

    /**
     * Decodes a chunk of 2-byte elements straight into out from index offset (machine order) when its
     * chain is bytes + byte-shuffled blosc, the common layout: no intermediate chunk-sized buffer. False
     * when the chain or frame is another, or does not decode (the plain decode then reports the error).
     */
    boolean decodeShorts(StoredBytes stored, short[] out, int offset) {
        CodecPipeline p = sharding == null ? pipeline : sharding.inner();
        try {
            return p.decodeShorts(stored.bytes(), stored.length(), out, offset);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** length bytes of a shard from offset, all of them there (a shard's run of inner chunks). */
    byte[] readRange(String shardKey, long from, int length) throws IOException {
        byte[] b = ZarrArray.blockingRead(store, () -> store.get(shardKey, frontier.store.ByteRequest.range(from, length)));
        if (b == null) throw new IOException("shard " + store.locate(shardKey) + " disappeared while being read");
        if (b.length < length) {
            throw new ZarrFormatException("shard index of " + store.locate(shardKey) + " points past the end of the shard: inner chunks up to byte "
                    + (from + length) + ", the shard ends at " + (from + b.length));
        }
        return b;
    }

    /** A usable (offset, nbytes) entry: not half empty, not beyond 2^63 or 2 GiB. */
    void checkEntry(ShardIndex ix, int i, String shardKey) throws ZarrFormatException {
        long off = ix.offset(i), n = ix.nbytes(i);
        if (off == -1L || n == -1L) {
            throw new ZarrFormatException("shard index of " + store.locate(shardKey) + " marks inner chunk " + i + " half empty (offset "
                    + Long.toUnsignedString(off) + ", nbytes " + Long.toUnsignedString(n) + ")");
        }
        if (off < 0 || n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new ZarrFormatException("shard index of " + store.locate(shardKey) + " points past the end of the shard: inner chunk "
                    + i + " at offset " + Long.toUnsignedString(off) + ", " + Long.toUnsignedString(n) + " bytes");
        }
    }

    // ---- writing ----

    private Object lockFor(String shardKey) {
        return shardLocks[Math.floorMod(shardKey.hashCode(), shardLocks.length)];
    }

    /** Encodes and stores one chunk; in a sharded array its shard is read, updated and written back. */
    void writeChunk(long[] chunkIndex, NdArray chunk) throws IOException {
        if (sharding == null) {
            String key = storeKey(chunkIndex);
            byte[] b = encode(pipeline, chunk, key);
            store.put(key, b);
            return;
        }
        String shardKey = storeKey(shardOf(chunkIndex));
        CodecPipeline inner = sharding.inner();
        byte[] enc = isAllFill(chunk) ? null : encode(inner, chunk, key(chunkIndex));
        synchronized (lockFor(shardKey)) {
            byte[] existing = store.get(shardKey);
            byte[][] parts;
            try {
                parts = existing == null ? new byte[sharding.count()][] : sharding.split(existing, store.locate(shardKey));
            } catch (frontier.zarr.codec.CodecException e) {
                throw new ZarrFormatException("cannot update shard " + store.locate(shardKey) + ": " + e.getMessage(), e);
            }
            parts[linear(inShard(chunkIndex))] = enc;
            putShard(shardKey, parts);
        }
    }

    /** Stores a shard assembled from inner chunks already encoded with the inner codecs (null for empty ones). */
    void writeEncodedShard(long[] shardIndex, byte[][] inner) throws IOException {
        String key = storeKey(shardIndex);
        synchronized (lockFor(key)) {
            putShard(key, inner.clone());
        }
    }

    private int linear(int[] pos) {
        int i = 0;
        for (int d = 0; d < pos.length; d++) i = i * perShard[d] + pos[d];
        return i;
    }

    private void putShard(String shardKey, byte[][] parts) throws IOException {
        forget(shardKey);
        boolean empty = true;
        for (byte[] p : parts) empty &= p == null;
        if (empty) {
            if (store.contains(shardKey)) store.delete(shardKey);
        } else {
            store.put(shardKey, sharding.assemble(parts));
        }
        forget(shardKey);
    }

    private boolean isAllFill(NdArray chunk) {
        byte[] b = chunk.toBytes(ByteOrder.LITTLE_ENDIAN);
        byte[] f = md.fillValue().scalar().toBytes(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.length; i++) if (b[i] != f[i % f.length]) return false;
        return true;
    }

    private byte[] encode(CodecPipeline p, NdArray chunk, String key) throws IOException {
        ByteOrder order = p.byteOrder();
        try {
            return p.encode(new RawChunk(chunk.toBytes(order), chunk.shape(), chunk.dtype(), order));
        } catch (IOException e) {
            throw new IOException("cannot encode chunk " + store.locate(key) + ": " + e.getMessage(), e);
        }
    }

    /** The shard indices a region touches, in C order. */
    Iterable<long[]> shardsOf(long[] offset, int[] shape) {
        int n = shape.length;
        int[] ss = md.gridChunks();
        List<long[]> shards = new ArrayList<>();
        long[] lo = new long[n], hi = new long[n];
        for (int i = 0; i < n; i++) {
            if (shape[i] == 0) return shards;
            lo[i] = offset[i] / ss[i];
            hi[i] = (offset[i] + shape[i] - 1) / ss[i];
        }
        long[] s = lo.clone();
        while (true) {
            shards.add(s.clone());
            int d = n - 1;
            while (d >= 0) {
                if (++s[d] <= hi[d]) break;
                s[d] = lo[d];
                d--;
            }
            if (d < 0) return shards;
        }
    }

    /**
     * Writes the part of values (at offset) inside one shard: a shard the region covers is encoded
     * from the values alone, a partly covered one is read, updated and rewritten.
     */
    void writeShardPart(long[] sIdx, long[] offset, NdArray values) throws IOException {
        int[] ss = md.gridChunks();
        BlockOverlap o = BlockOverlap.of(sIdx, ss, offset, values.shape(), md.shape());
        String key = storeKey(sIdx);
        synchronized (lockFor(key)) {
            NdArray shard = o.whole() ? filled(ss) : readShard(key, ss);
            ChunkCopy.copy(values.data(), values.shape(), o.inRegion(), shard.data(), ss, o.inBlock(), o.count(), md.dtype());
            ByteOrder order = pipeline.byteOrder();
            byte[] enc;
            try {
                enc = sharding.encode(new RawChunk(shard.toBytes(order), ss, md.dtype(), order));
            } catch (IOException e) {
                throw new IOException("cannot encode shard " + store.locate(key) + ": " + e.getMessage(), e);
            }
            forget(key);
            if (enc.length == sharding.indexSize() && isAllEmpty(enc, key)) {
                if (store.contains(key)) store.delete(key);
            } else {
                store.put(key, enc);
            }
            forget(key);
        }
    }

    private boolean isAllEmpty(byte[] shard, String key) throws IOException {
        ShardIndex ix = sharding.indexOf(shard, 0, shard.length, key);
        for (int i = 0; i < ix.count(); i++) if (!ix.isEmpty(i)) return false;
        return true;
    }

    /** A whole shard decoded (fill value where it has no data), to update part of it. */
    private NdArray readShard(String key, int[] shardShape) throws IOException {
        byte[] b = store.get(key);
        if (b == null) return filled(shardShape);
        RawChunk r;
        try {
            r = pipeline.decode(b, 0, b.length);
        } catch (IOException | RuntimeException e) {
            throw new ZarrFormatException("cannot decode shard " + store.locate(key) + ": " + e.getMessage(), e);
        }
        return NdArray.fromBytes(md.dtype(), r.order(), r.exactBytes(r.order()), shardShape);
    }

    // ---- what is stored ----

    /** Calls onKey for each stored chunk (or shard) key of the array, found by listing the store. */
    void walkKeys(ZarrArray.KeyVisitor onKey) throws IOException {
        int n = md.ndim();
        var enc = md.chunkKeyEncoding();
        boolean dflt = enc.name().equals("default");
        if (enc.separator().equals("/") && n > 0) {
            walkNested(dflt ? prefix + "c/" : prefix, 0, n, onKey);
            return;
        }
        for (String name : store.list(prefix)) {
            if (enc.parse(name, n) != null && store.contains(prefix + name)) onKey.accept(prefix + name);
        }
    }

    private void walkNested(String dir, int depth, int n, ZarrArray.KeyVisitor onKey) throws IOException {
        for (String name : store.list(dir)) {
            if (!name.matches("\\d+")) continue;
            if (depth == n - 1) {
                if (store.contains(dir + name)) onKey.accept(dir + name);
            } else {
                walkNested(dir + name + "/", depth + 1, n, onKey);
            }
        }
    }

    @Override
    public String toString() {
        return "V3Chunks(" + prefix + ", " + Arrays.toString(md.gridChunks()) + ")";
    }
}
