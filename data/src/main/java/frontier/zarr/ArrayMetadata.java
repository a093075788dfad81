package frontier.zarr;

import frontier.array.DType;
import frontier.zarr.dtype.ZarrDType;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a Zarr v2 {@code .zarray}: shape, chunks, dtype (with byte order), order,
 * fill value, compressor and filters (numcodecs configurations), dimension separator.
 * Immutable; {@link #builder} makes new ones, {@link #fromJson} validates what a store holds.
 */
public final class ArrayMetadata implements ZarrArrayMetadata {
    /** Largest chunk we decode: one Java byte array. */
    static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 16;

    private final long[] shape;
    private final int[] chunks;
    private final ZarrDType zdtype;
    private final char order;
    private final FillValue fillValue;
    private final Map<String, Object> compressor;
    private final List<Map<String, Object>> filters;
    private final String dimensionSeparator;
    private final int zarrFormat;

    private ArrayMetadata(Builder b, FillValue fill) {
        this.shape = b.shape.clone();
        this.chunks = b.chunks.clone();
        this.zdtype = b.dtype;
        this.order = b.order;
        this.fillValue = fill;
        this.compressor = b.compressor == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.compressor));
        List<Map<String, Object>> f = null;
        if (b.filters != null && !b.filters.isEmpty()) {
            f = new ArrayList<>();
            for (Map<String, Object> m : b.filters) f.add(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
            f = Collections.unmodifiableList(f);
        }
        this.filters = f;
        this.dimensionSeparator = b.dimensionSeparator;
        this.zarrFormat = 2;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int[] chunks() {
        return chunks.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public DType dtype() {
        return zdtype.dtype();
    }

    public ByteOrder byteOrder() {
        return zdtype.byteOrder();
    }

    public ZarrDType zarrDType() {
        return zdtype;
    }

    /** 'C' (row-major) or 'F' (column-major) element order inside a chunk. */
    public char order() {
        return order;
    }

    public FillValue fillValue() {
        return fillValue;
    }

    /** The compressor's configuration ({"id": "blosc", ...}) or null for none. */
    public Map<String, Object> compressor() {
        return compressor;
    }

    /** Filter configurations in encoding order, or null for none. */
    public List<Map<String, Object>> filters() {
        return filters;
    }

    /** The separator as set in .zarray, or null when absent (which means "."). */
    public String dimensionSeparator() {
        return dimensionSeparator;
    }

    /** The separator chunk keys use. */
    public String separator() {
        return dimensionSeparator == null ? "." : dimensionSeparator;
    }

    public int zarrFormat() {
        return zarrFormat;
    }

    /** Elements per full chunk. */
    public int chunkSize() {
        long n = 1;
        for (int c : chunks) n *= c;
        return (int) n;
    }

    /** Number of chunks along each dimension. */
    public long[] chunkGrid() {
        long[] g = new long[shape.length];
        for (int i = 0; i < shape.length; i++) g[i] = (shape[i] + chunks[i] - 1) / chunks[i];
        return g;
    }

    /** Total number of elements (fits a long: checked when built). */
    public long size() {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    /** The .zarray JSON object (written with {@link ZarrJson#write}: sorted keys). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> c = new ArrayList<>();
        for (int x : chunks) c.add(x);
        m.put("chunks", c);
        m.put("compressor", compressor);
        if (dimensionSeparator != null) m.put("dimension_separator", dimensionSeparator);
        m.put("dtype", zdtype.toString());
        m.put("fill_value", fillValue.toJson());
        m.put("filters", filters);
        m.put("order", String.valueOf(order));
        List<Object> s = new ArrayList<>();
        for (long x : shape) s.add(x);
        m.put("shape", s);
        m.put("zarr_format", zarrFormat);
        return m;
    }

    /** Reads and validates a .zarray object; where names the key or URL for error messages. */
    @SuppressWarnings("unchecked")
    public static ArrayMetadata fromJson(Map<String, Object> m, String where) throws ZarrFormatException {
        Object fmt = m.get("zarr_format");
        if (!(fmt instanceof Number) || ((Number) fmt).intValue() != 2) {
            throw new ZarrFormatException("unsupported zarr_format " + fmt + " in " + where + " (this reader handles Zarr v2)");
        }
        long[] shape = longs(m.get("shape"), "shape", where);
        long[] ch = longs(m.get("chunks"), "chunks", where);
        if (ch.length != shape.length) {
            throw new ZarrFormatException("chunks " + Arrays.toString(ch) + " and shape " + Arrays.toString(shape)
                    + " have different lengths in " + where);
        }
        int[] chunks = new int[ch.length];
        for (int i = 0; i < ch.length; i++) {
            if (ch[i] > Integer.MAX_VALUE) throw new ZarrFormatException("chunk size " + ch[i] + " too large in " + where);
            chunks[i] = (int) ch[i];
        }
        Object dt = m.get("dtype");
        if (!(dt instanceof String)) {
            throw new ZarrFormatException("unsupported dtype " + dt + " in " + where + " (structured dtypes are not supported)");
        }
        ZarrDType zd = ZarrDType.fromZarrV2((String) dt);
        if (zd == null) {
            throw new ZarrFormatException("unsupported dtype '" + dt + "' in " + where + " (supported: " + ZarrDType.SUPPORTED_V2 + ")");
        }
        Object order = m.get("order");
        if (!"C".equals(order) && !"F".equals(order)) {
            throw new ZarrFormatException("invalid order " + order + " in " + where + " (expected \"C\" or \"F\")");
        }
        Object comp = m.get("compressor");
        if (comp != null && !(comp instanceof Map && ((Map<?, ?>) comp).get("id") instanceof String)) {
            throw new ZarrFormatException("invalid compressor " + comp + " in " + where + " (expected null or an object with \"id\")");
        }
        Object filt = m.get("filters");
        List<Map<String, Object>> filters = null;
        if (filt != null) {
            if (!(filt instanceof List)) throw new ZarrFormatException("invalid filters " + filt + " in " + where);
            filters = new ArrayList<>();
            for (Object f : (List<Object>) filt) {
                if (!(f instanceof Map && ((Map<?, ?>) f).get("id") instanceof String)) {
                    throw new ZarrFormatException("invalid filter " + f + " in " + where + " (expected an object with \"id\")");
                }
                filters.add((Map<String, Object>) f);
            }
        }
        Object sep = m.get("dimension_separator");
        if (sep != null && !".".equals(sep) && !"/".equals(sep)) {
            throw new ZarrFormatException("invalid dimension_separator " + sep + " in " + where + " (expected \".\" or \"/\")");
        }
        Builder b = new Builder(shape, chunks, zd);
        b.order = ((String) order).charAt(0);
        b.compressor = (Map<String, Object>) comp;
        b.compressorSet = true;
        b.filters = filters;
        b.dimensionSeparator = (String) sep;
        b.fill = m.get("fill_value");
        b.fillSet = true;
        return b.build(where);
    }

    private static long[] longs(Object o, String name, String where) throws ZarrFormatException {
        if (!(o instanceof List)) throw new ZarrFormatException("missing or invalid " + name + " " + o + " in " + where);
        List<?> l = (List<?>) o;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = l.get(i);
            if (v instanceof BigInteger) {
                throw new ZarrFormatException(name + " " + l + " in " + where + ": " + v + " overflows a 64-bit integer");
            }
            if (!(v instanceof Integer || v instanceof Long)) {
                throw new ZarrFormatException("invalid " + name + " " + l + " in " + where + ": " + v + " is not an integer");
            }
            out[i] = ((Number) v).longValue();
        }
        return out;
    }

    public static Builder builder(DType dtype, long[] shape, int[] chunks) {
        return new Builder(shape, chunks, ZarrDType.of(dtype));
    }

    public static Builder builder(ZarrDType dtype, long[] shape, int[] chunks) {
        return new Builder(shape, chunks, dtype);
    }

    /** A builder starting from this metadata (to change one option). */
    public Builder toBuilder() {
        Builder b = new Builder(shape, chunks, zdtype);
        b.order = order;
        b.compressor = compressor;
        b.compressorSet = true;
        b.filters = filters;
        b.dimensionSeparator = dimensionSeparator;
        b.fill = fillValue.toJson();
        b.fillSet = true;
        return b;
    }

    /** Options for a new array. Defaults follow zarr-python 2.13: order C, fill 0, Blosc lz4 with shuffle, no filters. */
    public static final class Builder {
        private long[] shape;
        private int[] chunks;
        private ZarrDType dtype;
        private char order = 'C';
        private Object fill = 0;
        private boolean fillSet;
        private Map<String, Object> compressor;
        private boolean compressorSet;
        private List<Map<String, Object>> filters;
        private String dimensionSeparator;

        private Builder(long[] shape, int[] chunks, ZarrDType dtype) {
            this.shape = shape.clone();
            this.chunks = chunks.clone();
            this.dtype = dtype;
        }

        public Builder byteOrder(ByteOrder bo) {
            this.dtype = new ZarrDType(dtype.dtype(), bo);
            return this;
        }

        public Builder order(char order) {
            this.order = order;
            return this;
        }

        /** A number, Boolean, "NaN"/"Infinity"/"-Infinity", double[]{re, im} or List for complex, or null. */
        public Builder fillValue(Object fill) {
            this.fill = fill;
            this.fillSet = true;
            return this;
        }

        /** A numcodecs configuration ({"id": "zlib", "level": 1}), or null for no compression. */
        public Builder compressor(Map<String, Object> compressor) {
            this.compressor = compressor;
            this.compressorSet = true;
            return this;
        }

        public Builder filters(List<Map<String, Object>> filters) {
            this.filters = filters;
            return this;
        }

        /** "." or "/"; null leaves it out of .zarray (meaning "."), as zarr-python does unless asked. */
        public Builder dimensionSeparator(String sep) {
            this.dimensionSeparator = sep;
            return this;
        }

        public ArrayMetadata build() {
            try {
                return build("new array metadata");
            } catch (ZarrFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        ArrayMetadata build(String where) throws ZarrFormatException {
            if (shape.length != chunks.length) {
                throw new ZarrFormatException("chunks " + Arrays.toString(chunks) + " and shape " + Arrays.toString(shape)
                        + " have different lengths in " + where);
            }
            long n = 1;
            for (long s : shape) {
                if (s < 0) throw new ZarrFormatException("negative dimension in shape " + Arrays.toString(shape) + " in " + where);
                try {
                    n = Math.multiplyExact(n, s);
                } catch (ArithmeticException e) {
                    throw new ZarrFormatException("shape " + Arrays.toString(shape) + " in " + where + " overflows a 64-bit element count");
                }
            }
            long cb = dtype.dtype().itemSize();
            for (int c : chunks) {
                if (c <= 0) throw new ZarrFormatException("chunks " + Arrays.toString(chunks) + " in " + where + " must be positive");
                cb *= c;
                if (cb > MAX_CHUNK_BYTES) {
                    throw new ZarrFormatException("chunks " + Arrays.toString(chunks) + " of " + dtype + " in " + where
                            + " exceed 2 GiB per chunk");
                }
            }
            if (order != 'C' && order != 'F') throw new ZarrFormatException("invalid order '" + order + "' in " + where);
            if (dimensionSeparator != null && !".".equals(dimensionSeparator) && !"/".equals(dimensionSeparator)) {
                throw new ZarrFormatException("invalid dimension_separator '" + dimensionSeparator + "' in " + where);
            }
            if (!compressorSet) compressor = DefaultCompressor.get();
            FillValue fv = FillValue.parse(fill, dtype, where);
            return new ArrayMetadata(this, fv);
        }
    }

    @Override
    public String toString() {
        return ZarrJson.writeString(toJson());
    }
}
