package frontier.zarr.v3;

import frontier.array.DType;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.zarr.codec.CodecException;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static frontier.zarr.v3.ShardIndex.of;

/**
 * The sharding_indexed codec: a shard holds inner chunks, each encoded with the inner codecs, and an
 * index of their (offset, nbytes) encoded with the index codecs, at the start or the end of the shard.
 * Empty inner chunks (both values 2^64-1) read as the fill value. Inner codecs may shard again.
 * <p>
 * Besides decoding a whole shard, it reads parts of one from a store: the index alone (a suffix
 * range when it is at the end) and then single inner chunks by byte range.
 */
public final class ShardingCodec implements ArrayToBytesCodec {
    private final ChunkSpec shard;
    private final int[] innerShape;
    private final int[] chunksPerShard;
    private final CodecPipeline inner;
    private final CodecPipeline index;
    private final boolean indexAtEnd;
    private final int indexSize;

    private ShardingCodec(ChunkSpec shard, int[] innerShape, CodecPipeline inner, CodecPipeline index, boolean indexAtEnd)
            throws CodecException {
        this.shard = shard;
        this.innerShape = innerShape.clone();
        int[] s = shard.shape();
        this.chunksPerShard = new int[s.length];
        for (int i = 0; i < s.length; i++) chunksPerShard[i] = s[i] / innerShape[i];
        this.inner = inner;
        this.index = index;
        this.indexAtEnd = indexAtEnd;
        long size = index.encodedSize(16L * count());
        if (size < 0) {
            throw new CodecException("codec 'sharding_indexed': index_codecs " + index.toJson()
                    + " do not keep a fixed size (compressors are not allowed for the index)");
        }
        if (size > Integer.MAX_VALUE - 16) throw new CodecException("codec 'sharding_indexed': index of " + count() + " inner chunks is too large");
        this.indexSize = (int) size;
    }

    static ShardingCodec fromConfig(Map<String, Object> config, ChunkSpec shard) throws CodecException {
        Object cs = config.get("chunk_shape");
        int n = shard.ndim();
        if (!(cs instanceof List<?> list) || list.size() != n) {
            throw new CodecException("codec 'sharding_indexed': chunk_shape must list " + n + " sizes, got " + cs);
        }
        int[] innerShape = new int[n];
        int[] s = shard.shape();
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Integer v) || v <= 0 || s[i] % v != 0) {
                throw new CodecException("codec 'sharding_indexed': chunk_shape " + cs + " must be positive sizes that divide the shard shape "
                        + Arrays.toString(s));
            }
            innerShape[i] = v;
        }
        Object loc = config.getOrDefault("index_location", "end");
        if (!"start".equals(loc) && !"end".equals(loc)) {
            throw new CodecException("codec 'sharding_indexed': index_location must be \"start\" or \"end\", got " + loc);
        }
        if (config.get("codecs") == null) throw new CodecException("codec 'sharding_indexed': missing 'codecs'");
        if (config.get("index_codecs") == null) throw new CodecException("codec 'sharding_indexed': missing 'index_codecs'");
        CodecPipeline inner = CodecPipeline.fromJson(config.get("codecs"), shard.withShape(innerShape));
        int[] indexShape = new int[n + 1];
        for (int i = 0; i < n; i++) indexShape[i] = s[i] / innerShape[i];
        indexShape[n] = 2;
        CodecPipeline index = CodecPipeline.fromJson(config.get("index_codecs"), new ChunkSpec(indexShape, DType.UINT64, null));
        if (index.sharding() != null) throw new CodecException("codec 'sharding_indexed': index_codecs may not shard");
        return new ShardingCodec(shard, innerShape, inner, index, "end".equals(loc));
    }

    /** The JSON of a sharding codec: inner chunks of innerShape encoded with codecs; index bytes(little) + crc32c at the given end. */
    public static Map<String, Object> json(int[] innerShape, List<Map<String, Object>> codecs, boolean indexAtEnd) {
        List<Object> cs = new ArrayList<>();
        for (int x : innerShape) cs.add(x);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("chunk_shape", cs);
        c.put("codecs", codecs);
        Map<String, Object> bytes = new LinkedHashMap<>();
        bytes.put("name", "bytes");
        bytes.put("configuration", new LinkedHashMap<>(Map.of("endian", "little")));
        Map<String, Object> crc = new LinkedHashMap<>();
        crc.put("name", "crc32c");
        c.put("index_codecs", List.of(bytes, crc));
        c.put("index_location", indexAtEnd ? "end" : "start");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "sharding_indexed");
        m.put("configuration", c);
        return m;
    }

    @Override
    public String name() {
        return "sharding_indexed";
    }

    /** The shape of the inner chunks. */
    public int[] innerShape() {
        return innerShape.clone();
    }

    public int[] chunksPerShard() {
        return chunksPerShard.clone();
    }

    /** Inner chunks per shard. */
    public int count() {
        int n = 1;
        for (int c : chunksPerShard) n *= c;
        return n;
    }

    /** The codecs of the inner chunks. */
    public CodecPipeline inner() {
        return inner;
    }

    public boolean indexAtEnd() {
        return indexAtEnd;
    }

    /** The encoded index's size in bytes (16 per inner chunk plus what the index codecs add). */
    public int indexSize() {
        return indexSize;
    }

    // ---- the index ----

    /** Decodes an encoded index of exactly indexSize() bytes; where names the shard for errors. */
    public ShardIndex decodeIndex(byte[] b, int offset, int length, String where) throws IOException {
        if (length != indexSize) {
            throw new CodecException("shard index" + of(where) + " is truncated: " + length + " bytes, expected " + indexSize);
        }
        RawChunk r;
        try {
            r = index.decode(b, offset, length);
        } catch (CodecException e) {
            throw new CodecException("cannot decode the shard index" + of(where) + ": " + e.getMessage(), e);
        }
        byte[] le = r.exactBytes(ByteOrder.LITTLE_ENDIAN);
        long[] entries = new long[2 * count()];
        for (int i = 0; i < entries.length; i++) {
            long v = 0;
            for (int k = 7; k >= 0; k--) v = (v << 8) | (le[8 * i + k] & 0xFF);
            entries[i] = v;
        }
        return new ShardIndex(chunksPerShard, entries);
    }

    /** The index of a whole shard held in shard[offset..offset+length). */
    public ShardIndex indexOf(byte[] shard, int offset, int length, String where) throws IOException {
        if (length < indexSize) {
            throw new CodecException("shard" + (where == null ? "" : " " + where) + " is truncated: " + length + " bytes, shorter than its " + indexSize + "-byte index");
        }
        ShardIndex ix = decodeIndex(shard, indexAtEnd ? offset + length - indexSize : offset, indexSize, where);
        ix.checkAll(length, where);
        return ix;
    }

    /** Reads a shard's index from a store with one ranged request; null when the shard does not exist. */
    public ShardIndex readIndex(Store store, String key) throws IOException {
        byte[] b = indexAtEnd ? store.get(key, ByteRequest.suffix(indexSize)) : store.get(key, ByteRequest.range(0, indexSize));
        if (b == null) return null;
        return decodeIndex(b, 0, b.length, store.locate(key));
    }

    /** Reads the encoded bytes of inner chunk i with one ranged request; null when it is empty. */
    public byte[] readInner(Store store, String key, ShardIndex ix, int i) throws IOException {
        String where = store.locate(key);
        ix.checkEntry(i, -1, where);
        if (ix.isEmpty(i)) return null;
        int n = (int) ix.nbytes(i);
        byte[] b = store.get(key, ByteRequest.range(ix.offset(i), n));
        if (b == null) throw new IOException("shard " + where + " disappeared while being read");
        if (b.length != n) {
            throw new CodecException("shard index" + of(where) + " points past the end of the shard: inner chunk " + i + " at offset "
                    + ix.offset(i) + ", " + n + " bytes, only " + b.length + " there");
        }
        return b;
    }

    // ---- whole shards ----

    @Override
    public RawChunk decode(byte[] encoded, int offset, int length) throws IOException {
        ShardIndex ix = indexOf(encoded, offset, length, null);
        ByteOrder order = inner.byteOrder();
        RawChunk out = shard.filled(order);
        int item = shard.dtype().itemSize();
        int[] pos = new int[chunksPerShard.length];
        for (int i = 0; i < ix.count(); i++) {
            if (!ix.isEmpty(i)) {
                RawChunk c = inner.decode(encoded, offset + (int) ix.offset(i), (int) ix.nbytes(i));
                byte[] b = c.order() == order ? c.bytes() : c.exactBytes(order);
                BlockCopy.copy(b, innerShape, new int[innerShape.length], out.bytes(), shard.shape(), start(pos), innerShape, item);
            }
            next(pos);
        }
        return out;
    }

    /** Encodes a shard: inner chunks holding only the fill value are left out (marked empty). */
    @Override
    public byte[] encode(RawChunk chunk) throws IOException {
        int item = shard.dtype().itemSize();
        byte[] fill = shard.fill() == null ? new byte[item] : shard.fill().toBytes(chunk.order());
        byte[][] encoded = new byte[count()][];
        int[] pos = new int[chunksPerShard.length];
        ChunkSpec innerSpec = inner.spec();
        for (int i = 0; i < encoded.length; i++) {
            // a block of its own each time: without compressors its bytes are the encoded chunk itself
            byte[] block = new byte[(int) innerSpec.byteLength()];
            BlockCopy.copy(chunk.bytes(), shard.shape(), start(pos), block, innerShape, new int[innerShape.length], innerShape, item);
            if (!BlockCopy.allEqual(block, block.length, fill)) {
                encoded[i] = inner.encode(new RawChunk(block, innerShape, shard.dtype(), chunk.order()));
            }
            next(pos);
        }
        return assemble(encoded);
    }

    /** A shard from its encoded inner chunks (C order over the chunks per shard; null for an empty one). */
    public byte[] assemble(byte[][] encodedInner) throws IOException {
        if (encodedInner.length != count()) throw new IllegalArgumentException(encodedInner.length + " inner chunks, expected " + count());
        long total = indexSize;
        for (byte[] e : encodedInner) if (e != null) total += e.length;
        if (total > Integer.MAX_VALUE - 16) throw new CodecException("shard of " + total + " bytes exceeds 2 GiB");
        byte[] out = new byte[(int) total];
        long[] entries = new long[2 * encodedInner.length];
        int at = indexAtEnd ? 0 : indexSize;
        for (int i = 0; i < encodedInner.length; i++) {
            byte[] e = encodedInner[i];
            if (e == null) {
                entries[2 * i] = ShardIndex.EMPTY;
                entries[2 * i + 1] = ShardIndex.EMPTY;
                continue;
            }
            System.arraycopy(e, 0, out, at, e.length);
            entries[2 * i] = at;
            entries[2 * i + 1] = e.length;
            at += e.length;
        }
        byte[] le = new byte[entries.length * 8];
        for (int i = 0; i < entries.length; i++) for (int k = 0; k < 8; k++) le[8 * i + k] = (byte) (entries[i] >>> (8 * k));
        int[] indexShape = Arrays.copyOf(chunksPerShard, chunksPerShard.length + 1);
        indexShape[chunksPerShard.length] = 2;
        byte[] ixBytes = index.encode(new RawChunk(le, indexShape, DType.UINT64, ByteOrder.LITTLE_ENDIAN));
        if (ixBytes.length != indexSize) throw new AssertionError("index encoded to " + ixBytes.length + " bytes, expected " + indexSize);
        System.arraycopy(ixBytes, 0, out, indexAtEnd ? at : 0, indexSize);
        return out;
    }

    /** The encoded inner chunks of a stored shard, by index position (null for empty ones): to replace some and reassemble. */
    public byte[][] split(byte[] shardBytes, String where) throws IOException {
        ShardIndex ix = indexOf(shardBytes, 0, shardBytes.length, where);
        byte[][] out = new byte[ix.count()][];
        for (int i = 0; i < out.length; i++) {
            if (!ix.isEmpty(i)) out[i] = Arrays.copyOfRange(shardBytes, (int) ix.offset(i), (int) (ix.offset(i) + ix.nbytes(i)));
        }
        return out;
    }

    private int[] start(int[] pos) {
        int[] s = new int[pos.length];
        for (int i = 0; i < pos.length; i++) s[i] = pos[i] * innerShape[i];
        return s;
    }

    /** Steps pos to the next inner chunk position in C order. */
    private void next(int[] pos) {
        for (int d = pos.length - 1; d >= 0; d--) {
            if (++pos[d] < chunksPerShard[d]) return;
            pos[d] = 0;
        }
    }

    @Override
    public long encodedSize(long decodedBytes) {
        return -1;
    }

    @Override
    public Map<String, Object> toJson() {
        List<Object> cs = new ArrayList<>();
        for (int x : innerShape) cs.add(x);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("chunk_shape", cs);
        c.put("codecs", inner.toJson());
        c.put("index_codecs", index.toJson());
        c.put("index_location", indexAtEnd ? "end" : "start");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "sharding_indexed");
        m.put("configuration", c);
        return m;
    }
}
