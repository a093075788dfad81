package frontier.zarr;

import frontier.array.DType;
import frontier.zarr.codec.CodecException;
import frontier.zarr.dtype.ZarrDType;
import frontier.zarr.v3.ChunkKeyEncoding;
import frontier.zarr.v3.ChunkSpec;
import frontier.zarr.v3.CodecPipeline;
import frontier.zarr.v3.Extension;
import frontier.zarr.v3.ShardingCodec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code zarr.json} of a Zarr v3 array (core 3.1): shape, data type, the regular chunk grid,
 * the chunk key encoding, fill value, codecs (with sharding), dimension names and attributes.
 * Immutable; {@link #fromJson} validates what a store holds, {@link #builder} makes new ones.
 * Unknown fields must say {@code "must_understand": false}; any other unknown field, data type,
 * grid, key encoding, codec or storage transformer is an error that names it.
 */
public final class ArrayMetadataV3 implements ZarrArrayMetadata {
    private static final Set<String> KEYS = Set.of("zarr_format", "node_type", "shape", "data_type", "chunk_grid",
            "chunk_key_encoding", "fill_value", "codecs", "attributes", "dimension_names", "storage_transformers");

    private final long[] shape;
    private final DType dtype;
    private final int[] gridChunks;
    private final ChunkKeyEncoding keys;
    private final FillValue fill;
    private final CodecPipeline pipeline;
    private final List<String> dimensionNames;
    private final Map<String, Object> attributes;
    /** Fields and storage transformers marked must_understand: false, kept as they were. */
    private final Map<String, Object> extra;
    private final List<Object> storageTransformers;

    private ArrayMetadataV3(long[] shape, DType dtype, int[] gridChunks, ChunkKeyEncoding keys, FillValue fill, CodecPipeline pipeline,
                            List<String> dimensionNames, Map<String, Object> attributes, Map<String, Object> extra,
                            List<Object> storageTransformers) {
        this.shape = shape;
        this.dtype = dtype;
        this.gridChunks = gridChunks;
        this.keys = keys;
        this.fill = fill;
        this.pipeline = pipeline;
        this.dimensionNames = dimensionNames == null ? null : Collections.unmodifiableList(new ArrayList<>(dimensionNames));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        this.storageTransformers = storageTransformers == null ? null : List.copyOf(storageTransformers);
    }

    // ---- properties ----

    @Override
    public int zarrFormat() {
        return 3;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** The chunks the array is read in: the inner chunks when it is sharded, else the grid's chunks. */
    @Override
    public int[] chunks() {
        ShardingCodec s = pipeline.sharding();
        return s != null ? s.innerShape() : gridChunks.clone();
    }

    /** The shard shape (the chunk grid's chunk shape) of a sharded array, or null. */
    public int[] shards() {
        return pipeline.sharding() != null ? gridChunks.clone() : null;
    }

    /** What one store key holds: the shard shape when sharded, else the chunk shape (chunk_grid's chunk_shape). */
    public int[] gridChunks() {
        return gridChunks.clone();
    }

    /** Number of shards (or, unsharded, chunks) along each dimension. */
    public long[] grid() {
        long[] g = new long[shape.length];
        for (int i = 0; i < shape.length; i++) g[i] = (shape[i] + gridChunks[i] - 1) / gridChunks[i];
        return g;
    }

    @Override
    public ZarrDType zarrDType() {
        return new ZarrDType(dtype, pipeline.byteOrder());
    }

    @Override
    public FillValue fillValue() {
        return fill;
    }

    public ChunkKeyEncoding chunkKeyEncoding() {
        return keys;
    }

    /** The codec chain of a stored chunk (or shard). */
    public CodecPipeline codecs() {
        return pipeline;
    }

    /** The sharding codec, or null when chunks are stored one per key. */
    public ShardingCodec sharding() {
        return pipeline.sharding();
    }

    /** The dimension names (null entries for unnamed ones), or null when zarr.json has none. */
    public List<String> dimensionNames() {
        return dimensionNames;
    }

    /** The user attributes ("attributes" in zarr.json), in file order. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** A copy with other attributes. */
    public ArrayMetadataV3 withAttributes(Map<String, Object> attrs) {
        return new ArrayMetadataV3(shape, dtype, gridChunks, keys, fill, pipeline, dimensionNames, attrs, extra, storageTransformers);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zarr_format", 3);
        m.put("node_type", "array");
        m.put("shape", longs(shape));
        m.put("data_type", dtype.numpyName());
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("chunk_shape", ints(gridChunks));
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("name", "regular");
        grid.put("configuration", gc);
        m.put("chunk_grid", grid);
        m.put("chunk_key_encoding", keys.toJson());
        m.put("fill_value", fill.toJsonV3());
        m.put("codecs", pipeline.toJson());
        m.put("attributes", new LinkedHashMap<>(attributes));
        if (dimensionNames != null) m.put("dimension_names", new ArrayList<>(dimensionNames));
        if (storageTransformers != null) m.put("storage_transformers", new ArrayList<>(storageTransformers));
        m.putAll(extra);
        return m;
    }

    @Override
    public String toString() {
        return new String(ZarrJson.writeV3(toJson()), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static List<Object> longs(long[] v) {
        List<Object> l = new ArrayList<>();
        for (long x : v) l.add(x);
        return l;
    }

    private static List<Object> ints(int[] v) {
        List<Object> l = new ArrayList<>();
        for (int x : v) l.add(x);
        return l;
    }

    // ---- reading ----

    /** Reads and validates an array's zarr.json; where names the key or URL for error messages. */
    @SuppressWarnings("unchecked")
    public static ArrayMetadataV3 fromJson(Map<String, Object> m, String where) throws ZarrFormatException {
        Object fmt = m.get("zarr_format");
        if (!(fmt instanceof Integer) || (Integer) fmt != 3) {
            throw new ZarrFormatException("unsupported zarr_format " + fmt + " in " + where + " (expected 3)");
        }
        if (!"array".equals(m.get("node_type"))) {
            throw new ZarrFormatException("node_type " + m.get("node_type") + " in " + where + " is not \"array\"");
        }
        long[] shape = longs(m.get("shape"), "shape", where);
        for (long s : shape) {
            if (s < 0) throw new ZarrFormatException("negative dimension in shape " + Arrays.toString(shape) + " in " + where);
        }
        try {
            long n = 1;
            for (long s : shape) n = Math.multiplyExact(n, s);
        } catch (ArithmeticException e) {
            throw new ZarrFormatException("shape " + Arrays.toString(shape) + " in " + where + " overflows a 64-bit element count");
        }
        DType dtype = dataType(m.get("data_type"), where);
        int[] grid = chunkGrid(m.get("chunk_grid"), shape.length, where);
        ChunkKeyEncoding keys;
        try {
            Object cke = m.get("chunk_key_encoding");
            if (cke == null) throw new IllegalArgumentException("missing chunk_key_encoding");
            keys = ChunkKeyEncoding.fromJson(cke);
        } catch (IllegalArgumentException e) {
            throw new ZarrFormatException(e.getMessage() + " in " + where);
        }
        if (!m.containsKey("fill_value")) throw new ZarrFormatException("missing fill_value in " + where);
        FillValue fill = FillValue.parseV3(m.get("fill_value"), dtype, where);
        checkChunkBytes(grid, dtype, "chunk_shape", where);
        CodecPipeline pipeline;
        try {
            pipeline = CodecPipeline.fromJson(m.get("codecs"), new ChunkSpec(grid, dtype, fill.scalar()));
        } catch (CodecException | IllegalArgumentException e) {
            throw new ZarrFormatException("unsupported codecs in " + where + ": " + e.getMessage(), e);
        }
        if (pipeline.sharding() != null) checkChunkBytes(pipeline.sharding().innerShape(), dtype, "inner chunk_shape", where);
        Object attrs = m.get("attributes");
        if (attrs != null && !(attrs instanceof Map)) throw new ZarrFormatException("attributes in " + where + " must be an object, got " + attrs);
        List<String> names = dimensionNames(m.get("dimension_names"), shape.length, where);
        Object st = m.get("storage_transformers");
        List<Object> transformers = null;
        if (st != null) {
            if (!(st instanceof List)) throw new ZarrFormatException("storage_transformers in " + where + " must be a list, got " + st);
            for (Object t : (List<Object>) st) {
                Extension e = extension(t, "storage transformer", where);
                if (e.mustUnderstand()) {
                    throw new ZarrFormatException("unsupported storage transformer '" + e.name() + "' in " + where
                            + " (it must be understood; this reader knows none)");
                }
            }
            transformers = (List<Object>) st;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (KEYS.contains(e.getKey())) continue;
            if (!(e.getValue() instanceof Map<?, ?> v) || !Boolean.FALSE.equals(v.get("must_understand"))) {
                throw new ZarrFormatException("unsupported field '" + e.getKey() + "' in " + where
                        + " (an extension this reader does not know and that does not say \"must_understand\": false)");
            }
            extra.put(e.getKey(), e.getValue());
        }
        return new ArrayMetadataV3(shape, dtype, grid, keys, fill, pipeline, names,
                attrs == null ? Map.of() : (Map<String, Object>) attrs, extra, transformers);
    }

    private static Extension extension(Object json, String what, String where) throws ZarrFormatException {
        try {
            return Extension.parse(json, what);
        } catch (IllegalArgumentException e) {
            throw new ZarrFormatException(e.getMessage() + " in " + where);
        }
    }

    private static DType dataType(Object json, String where) throws ZarrFormatException {
        if (json == null) throw new ZarrFormatException("missing data_type in " + where);
        Extension e = extension(json, "data_type", where);
        DType d = ZarrDType.fromV3Name(e.name());
        if (d == null || !e.configuration().isEmpty()) {
            throw new ZarrFormatException("unsupported data_type '" + e.name() + "' in " + where + " (supported: " + ZarrDType.SUPPORTED_V3 + ")");
        }
        return d;
    }

    private static int[] chunkGrid(Object json, int ndim, String where) throws ZarrFormatException {
        if (json == null) throw new ZarrFormatException("missing chunk_grid in " + where);
        Extension e = extension(json, "chunk_grid", where);
        if (!"regular".equals(e.name())) {
            throw new ZarrFormatException("unsupported chunk_grid '" + e.name() + "' in " + where + " (supported: regular)");
        }
        long[] cs = longs(e.configuration().get("chunk_shape"), "chunk_grid chunk_shape", where);
        if (cs.length != ndim) {
            throw new ZarrFormatException("chunk_shape " + Arrays.toString(cs) + " in " + where + " does not have " + ndim + " dimensions");
        }
        int[] out = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            if (cs[i] <= 0 || cs[i] > Integer.MAX_VALUE) {
                throw new ZarrFormatException("chunk_shape " + Arrays.toString(cs) + " in " + where + " must hold positive sizes");
            }
            out[i] = (int) cs[i];
        }
        return out;
    }

    private static void checkChunkBytes(int[] chunks, DType dtype, String what, String where) throws ZarrFormatException {
        long b = dtype.itemSize();
        for (int c : chunks) {
            b *= c;
            if (b > ArrayMetadata.MAX_CHUNK_BYTES) {
                throw new ZarrFormatException(what + " " + Arrays.toString(chunks) + " of " + dtype + " in " + where + " exceeds 2 GiB per chunk");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> dimensionNames(Object json, int ndim, String where) throws ZarrFormatException {
        if (json == null) return null;
        if (!(json instanceof List) || ((List<Object>) json).size() != ndim) {
            throw new ZarrFormatException("dimension_names " + json + " in " + where + " must list " + ndim + " names (strings or null)");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) json) {
            if (o != null && !(o instanceof String)) {
                throw new ZarrFormatException("dimension_names " + json + " in " + where + " must list strings or null");
            }
            out.add((String) o);
        }
        return out;
    }

    private static long[] longs(Object o, String name, String where) throws ZarrFormatException {
        if (!(o instanceof List<?> l)) throw new ZarrFormatException("missing or invalid " + name + " " + o + " in " + where);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = l.get(i);
            if (v instanceof BigInteger) throw new ZarrFormatException(name + " " + l + " in " + where + ": " + v + " overflows a 64-bit integer");
            if (!(v instanceof Integer || v instanceof Long)) {
                throw new ZarrFormatException("invalid " + name + " " + l + " in " + where + ": " + v + " is not an integer");
            }
            out[i] = ((Number) v).longValue();
        }
        return out;
    }

    // ---- writing ----

    /**
     * Options for a new v3 array of dtype and shape, read in chunks of the given shape. Defaults follow
     * zarr-python 3: fill value 0, bytes little-endian, zstd (level 0), key encoding "default" with "/".
     * {@link Builder#shards} stores several chunks per key (sharding_indexed, index at the end with
     * crc32c, as zarr-python writes).
     */
    public static Builder builder(DType dtype, long[] shape, int[] chunks) {
        return new Builder(dtype, shape, chunks);
    }

    /** zarr.json's blosc codec (v3 configuration). shuffle: "noshuffle", "shuffle" or "bitshuffle". */
    public static Map<String, Object> blosc(String cname, int clevel, String shuffle, int typesize) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cname", cname);
        c.put("clevel", clevel);
        c.put("shuffle", shuffle);
        c.put("typesize", typesize);
        c.put("blocksize", 0);
        return codec("blosc", c);
    }

    public static Map<String, Object> gzip(int level) {
        return codec("gzip", new LinkedHashMap<>(Map.of("level", level)));
    }

    public static Map<String, Object> zstd(int level) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("level", level);
        c.put("checksum", false);
        return codec("zstd", c);
    }

    public static Map<String, Object> crc32c() {
        return codec("crc32c", null);
    }

    /** A codec entry {"name": name, "configuration": configuration} (no configuration when null). */
    public static Map<String, Object> codec(String name, Map<String, Object> configuration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (configuration != null) m.put("configuration", configuration);
        return m;
    }

    public static final class Builder {
        private final DType dtype;
        private final long[] shape;
        private final int[] chunks;
        private int[] shards;
        private boolean indexAtEnd = true;
        private Object fill = 0;
        private String endian = "little";
        private int[] transpose;
        private List<Map<String, Object>> compressors;
        private ChunkKeyEncoding keys = ChunkKeyEncoding.defaultEncoding();
        private List<String> dimensionNames;
        private Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(DType dtype, long[] shape, int[] chunks) {
            this.dtype = dtype;
            this.shape = shape.clone();
            this.chunks = chunks.clone();
            this.compressors = List.of(zstd(0));
            if (dtype == DType.BOOL) fill = false;
            if (dtype.isComplex()) fill = List.of(0, 0);
        }

        /** Stores chunks in shards of this shape (a multiple of the chunk shape along each axis). */
        public Builder shards(int[] shardShape) {
            this.shards = shardShape == null ? null : shardShape.clone();
            return this;
        }

        /** Where a shard's index goes: at the end (the default) or the start. */
        public Builder indexAtEnd(boolean atEnd) {
            this.indexAtEnd = atEnd;
            return this;
        }

        /** The fill value in its zarr.json form: a number, boolean, "NaN", "Infinity", "0x7fc00001", [re, im]. */
        public Builder fillValue(Object fill) {
            this.fill = fill;
            return this;
        }

        /** "little" or "big". */
        public Builder endian(String endian) {
            this.endian = endian;
            return this;
        }

        /** A transpose codec before serialization: order[i] is the decoded axis that becomes stored axis i. */
        public Builder transpose(int... order) {
            this.transpose = order.length == 0 ? null : order.clone();
            return this;
        }

        /** Bytes to bytes codecs after serialization (of each chunk, inside shards when sharded); none for raw bytes. */
        public Builder compressors(List<Map<String, Object>> codecs) {
            this.compressors = codecs == null ? List.of() : List.copyOf(codecs);
            return this;
        }

        public Builder chunkKeyEncoding(ChunkKeyEncoding encoding) {
            this.keys = encoding;
            return this;
        }

        public Builder dimensionNames(List<String> names) {
            this.dimensionNames = names == null ? null : new ArrayList<>(names);
            return this;
        }

        public Builder attributes(Map<String, Object> attrs) {
            this.attributes = new LinkedHashMap<>(attrs);
            return this;
        }

        /** The zarr.json this builder describes. */
        public Map<String, Object> toJson() {
            List<Map<String, Object>> chain = new ArrayList<>();
            if (transpose != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("order", ints(transpose));
                chain.add(codec("transpose", c));
            }
            Map<String, Object> bytes = new LinkedHashMap<>();
            bytes.put("endian", endian);
            chain.add(codec("bytes", bytes));
            chain.addAll(compressors);
            List<Map<String, Object>> codecs = shards == null ? chain : List.of(ShardingCodec.json(chunks, chain, indexAtEnd));
            Map<String, Object> gc = new LinkedHashMap<>();
            gc.put("chunk_shape", ints(shards == null ? chunks : shards));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zarr_format", 3);
            m.put("node_type", "array");
            m.put("shape", longs(shape));
            m.put("data_type", dtype.numpyName());
            m.put("chunk_grid", codec("regular", gc));
            m.put("chunk_key_encoding", keys.toJson());
            m.put("fill_value", fill);
            m.put("codecs", codecs);
            m.put("attributes", attributes);
            if (dimensionNames != null) m.put("dimension_names", dimensionNames);
            return m;
        }

        public ArrayMetadataV3 build() {
            try {
                return fromJson(toJson(), "new array metadata");
            } catch (ZarrFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
