package frontier.zarr;

import frontier.array.DType;

import java.nio.ByteOrder;
import java.util.Objects;

/** A Zarr v2 dtype string such as {@code ">u2"}: an element type plus the byte order it is stored in. */
public final class ZarrDType {
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

    /**
     * Parses a dtype string; where names the metadata key for the error message.
     * Single-byte types ignore the byte-order character ("|u1", "<u1" are the same).
     */
    public static ZarrDType parse(String s, String where) throws ZarrFormatException {
        if (s == null || s.length() < 3) throw unknown(s, where);
        char bo = s.charAt(0);
        ByteOrder order;
        if (bo == '<' || bo == '|' || bo == '=') order = ByteOrder.LITTLE_ENDIAN;
        else if (bo == '>') order = ByteOrder.BIG_ENDIAN;
        else throw unknown(s, where);
        String code = s.substring(1);
        DType d;
        switch (code) {
            case "b1": d = DType.BOOL; break;
            case "i1": d = DType.INT8; break;
            case "u1": d = DType.UINT8; break;
            case "i2": d = DType.INT16; break;
            case "u2": d = DType.UINT16; break;
            case "i4": d = DType.INT32; break;
            case "u4": d = DType.UINT32; break;
            case "i8": d = DType.INT64; break;
            case "u8": d = DType.UINT64; break;
            case "f2": d = DType.FLOAT16; break;
            case "f4": d = DType.FLOAT32; break;
            case "f8": d = DType.FLOAT64; break;
            case "c8": d = DType.COMPLEX64; break;
            case "c16": d = DType.COMPLEX128; break;
            default: throw unknown(s, where);
        }
        if (bo == '|' && d.itemSize() > 1) throw unknown(s, where);
        return new ZarrDType(d, order);
    }

    private static ZarrFormatException unknown(String s, String where) {
        return new ZarrFormatException("unsupported dtype " + (s == null ? "null" : "'" + s + "'") + " in " + where
                + " (supported: |b1 |i1 |u1 and </> i2 i4 i8 u2 u4 u8 f2 f4 f8 c8 c16)");
    }

    private static String code(DType d) {
        switch (d) {
            case BOOL: return "b1";
            case INT8: return "i1";
            case UINT8: return "u1";
            case INT16: return "i2";
            case UINT16: return "u2";
            case INT32: return "i4";
            case UINT32: return "u4";
            case INT64: return "i8";
            case UINT64: return "u8";
            case FLOAT16: return "f2";
            case FLOAT32: return "f4";
            case FLOAT64: return "f8";
            case COMPLEX64: return "c8";
            case COMPLEX128: return "c16";
            default: throw new AssertionError(d);
        }
    }

    /** The dtype string as zarr-python writes it: "|u1", "<f8", ">u2". */
    @Override
    public String toString() {
        if (dtype.itemSize() == 1) return "|" + code(dtype);
        return (byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<") + code(dtype);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZarrDType && ((ZarrDType) o).dtype == dtype
                && (dtype.itemSize() == 1 || ((ZarrDType) o).byteOrder == byteOrder);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode();
    }
}
