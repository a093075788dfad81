package frontier.zarr.dtype;

import frontier.array.DType;
import frontier.array.Half;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;

/**
 * The one data type model of Zarr storage: an element type ({@link DType}, whose names are both
 * numpy's and Zarr v3's {@code data_type} names) plus the byte order its elements are stored in.
 * Zarr v2 spells it as a numpy dtype string ({@code ">u2"}, {@code "|b1"}); Zarr v3 as a
 * {@code data_type} name ({@code "uint16"}) and the {@code bytes} codec's {@code endian}; numcodecs
 * filters as either form in their configuration. All three parse to this class, and filters read
 * and write stored elements through it with numpy's casting rules.
 */
public final class ZarrDType {
    /** What {@link #fromZarrV2} accepts, for error messages. */
    public static final String SUPPORTED_V2 = "|b1 |i1 |u1 and </> i2 i4 i8 u2 u4 u8 f2 f4 f8 c8 c16";
    /** What {@link #fromV3Name} accepts, for error messages. */
    public static final String SUPPORTED_V3 = "bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, "
            + "float32, float64, complex64, complex128";

    private static final Map<String, DType> CODES = Map.ofEntries(
            Map.entry("b1", DType.BOOL), Map.entry("i1", DType.INT8), Map.entry("u1", DType.UINT8),
            Map.entry("i2", DType.INT16), Map.entry("u2", DType.UINT16), Map.entry("i4", DType.INT32),
            Map.entry("u4", DType.UINT32), Map.entry("i8", DType.INT64), Map.entry("u8", DType.UINT64),
            Map.entry("f2", DType.FLOAT16), Map.entry("f4", DType.FLOAT32), Map.entry("f8", DType.FLOAT64),
            Map.entry("c8", DType.COMPLEX64), Map.entry("c16", DType.COMPLEX128));

    private final DType dtype;
    private final ByteOrder byteOrder;

    public ZarrDType(DType dtype, ByteOrder byteOrder) {
        this.dtype = Objects.requireNonNull(dtype);
        this.byteOrder = Objects.requireNonNull(byteOrder);
    }

    /** Little-endian, as zarr-python writes on this machine. */
    public static ZarrDType of(DType dtype) {
        return new ZarrDType(dtype, ByteOrder.LITTLE_ENDIAN);
    }

    public DType dtype() {
        return dtype;
    }

    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** Bytes per element. */
    public int size() {
        return dtype.itemSize();
    }

    /** numpy's kind character: b, i, u, f, c. */
    public char kind() {
        return dtype.kind();
    }

    public boolean isFloat() {
        return dtype.isFloat();
    }

    public boolean isUint64() {
        return dtype == DType.UINT64;
    }

    /** True when elements are stored big-endian (never for one-byte types). */
    private boolean bigEndian() {
        return byteOrder == ByteOrder.BIG_ENDIAN && dtype.itemSize() > 1;
    }

    // ---- parsing ----

    /**
     * A Zarr v2 {@code .zarray} dtype string, strictly: a byte-order character ('<', '>', '=' or, for
     * one-byte types only, '|') and a type code. Null when unsupported (the caller names the key at fault).
     */
    public static ZarrDType fromZarrV2(String s) {
        if (s == null || s.length() < 3) return null;
        char bo = s.charAt(0);
        ByteOrder order;
        if (bo == '<' || bo == '|' || bo == '=') order = ByteOrder.LITTLE_ENDIAN;
        else if (bo == '>') order = ByteOrder.BIG_ENDIAN;
        else return null;
        DType d = CODES.get(s.substring(1));
        if (d == null || (bo == '|' && d.itemSize() > 1)) return null;
        return new ZarrDType(d, order);
    }

    /**
     * A dtype as numcodecs filters accept it: a numpy name ("int32") or a dtype string with or without
     * a byte-order character ("<i4", "i4", "|u1"). Null when unsupported.
     */
    public static ZarrDType fromNumpy(String s) {
        if (s == null || s.isEmpty()) return null;
        for (DType d : DType.values()) {
            if (d.numpyName().equals(s)) return of(d);
        }
        char bo = s.charAt(0);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String code = s;
        if (bo == '<' || bo == '|' || bo == '=') {
            code = s.substring(1);
        } else if (bo == '>') {
            order = ByteOrder.BIG_ENDIAN;
            code = s.substring(1);
        }
        DType d = CODES.get(code);
        return d == null ? null : new ZarrDType(d, order);
    }

    /** A Zarr v3 core {@code data_type} name ("uint16"), or null for anything else. */
    public static DType fromV3Name(String name) {
        for (DType d : DType.values()) {
            if (d.numpyName().equals(name)) return d;
        }
        return null;
    }

    private static String code(DType d) {
        for (Map.Entry<String, DType> e : CODES.entrySet()) {
            if (e.getValue() == d) return e.getKey();
        }
        throw new AssertionError(d);
    }

    /** The Zarr v2 dtype string as zarr-python writes it: "|u1", "<f8", ">u2". */
    @Override
    public String toString() {
        if (dtype.itemSize() == 1) return "|" + code(dtype);
        return (byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<") + code(dtype);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZarrDType z && z.dtype == dtype && (dtype.itemSize() == 1 || z.byteOrder == byteOrder);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode();
    }

    // ---- element access, with numpy's casting (for filters: bool, int, uint and float types) ----

    private long bits(byte[] b, int i) {
        int size = size();
        int off = i * size;
        long v = 0;
        if (bigEndian()) {
            for (int k = 0; k < size; k++) v = (v << 8) | (b[off + k] & 0xFF);
        } else {
            for (int k = size - 1; k >= 0; k--) v = (v << 8) | (b[off + k] & 0xFF);
        }
        return v;
    }

    private void putBits(byte[] b, int i, long v) {
        int size = size();
        int off = i * size;
        if (bigEndian()) {
            for (int k = size - 1; k >= 0; k--, v >>>= 8) b[off + k] = (byte) v;
        } else {
            for (int k = 0; k < size; k++, v >>>= 8) b[off + k] = (byte) v;
        }
    }

    /** An integer value truncated to this type's width (sign-extended for signed kinds). */
    public long wrap(long v) {
        char kind = kind();
        if (kind == 'b') return v != 0 ? 1 : 0;
        int size = size();
        if (size == 8) return v;
        int shift = 64 - 8 * size;
        return kind == 'i' ? (v << shift) >> shift : (v << shift) >>> shift;
    }

    /** Integer kinds: the value (uint64 as raw bits). */
    public long getLong(byte[] b, int i) {
        return wrap(bits(b, i));
    }

    /** Any real kind: the value as a double. */
    public double getDouble(byte[] b, int i) {
        if (isFloat()) {
            long x = bits(b, i);
            return switch (size()) {
                case 2 -> Half.toFloat((short) x);
                case 4 -> Float.intBitsToFloat((int) x);
                default -> Double.longBitsToDouble(x);
            };
        }
        return toDouble(getLong(b, i));
    }

    /** This integer kind's value (as from getLong) as a double. */
    public double toDouble(long v) {
        if (isUint64() && v < 0) return (double) (v >>> 1) * 2.0 + (v & 1);
        return v;
    }

    /** Rounds a double to this float kind's precision (the identity for float64). */
    public double round(double d) {
        return switch (size()) {
            case 2 -> Half.toFloat(Half.fromFloat((float) d));
            case 4 -> (float) d;
            default -> d;
        };
    }

    /** Stores an integer value (of a type with the given unsigned-64 flag) with numpy's casting. */
    public void putLong(byte[] b, int i, long v, boolean fromUint64) {
        if (isFloat()) {
            putDouble(b, i, fromUint64 && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v);
        } else {
            putBits(b, i, wrap(v));
        }
    }

    /** Stores a double with numpy's casting: rounding to the float kind, truncation toward zero for ints. */
    public void putDouble(byte[] b, int i, double d) {
        switch (kind()) {
            case 'f' -> putBits(b, i, switch (size()) {
                case 2 -> Half.fromFloat((float) d) & 0xFFFFL;
                case 4 -> Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
                default -> Double.doubleToRawLongBits(d);
            });
            case 'b' -> putBits(b, i, d != 0 ? 1 : 0);
            default -> {
                long v = isUint64() && d >= 0x1p63 ? (long) (d - 0x1p63) + Long.MIN_VALUE : (long) d;
                putBits(b, i, wrap(v));
            }
        }
    }

    /** Copies element i of src (of type from) into element i of dst (this type), as numpy's astype does. */
    public void cast(ZarrDType from, byte[] src, byte[] dst, int i) {
        if (from.isFloat()) putDouble(dst, i, from.getDouble(src, i));
        else putLong(dst, i, from.getLong(src, i), from.isUint64());
    }
}
