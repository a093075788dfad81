package frontier.zarr;

import frontier.array.DType;
import frontier.array.Half;
import frontier.array.NdArray;
import frontier.zarr.dtype.ZarrDType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A Zarr fill value, typed for its array's dtype: what missing chunks and the part of edge
 * chunks past the array's end read as. JSON forms: a number, "NaN", "Infinity", "-Infinity",
 * null (no fill value: we use zeros where zarr-python leaves memory uninitialised), true/false,
 * [re, im] for complex, and base64 of the element's bytes (as the spec allows).
 */
public final class FillValue {
    private final DType dtype;
    private final boolean isNull;
    /** One element of the dtype's storage class (complex: 2 values). */
    private final NdArray scalar;

    private FillValue(DType dtype, boolean isNull, NdArray scalar) {
        this.dtype = dtype;
        this.isNull = isNull;
        this.scalar = scalar;
    }

    public static FillValue zero(DType dtype) {
        return new FillValue(dtype, false, NdArray.zeros(dtype, 1));
    }

    /** Parses a .zarray fill_value (or a Java value given to the builder: Number, Boolean, String, double[2], List). */
    public static FillValue parse(Object json, ZarrDType zd, String where) throws ZarrFormatException {
        DType dt = zd.dtype();
        NdArray s = NdArray.zeros(dt, 1);
        if (json == null) return new FillValue(dt, true, s);
        try {
            if (dt.isComplex()) {
                double re, im = 0;
                if (json instanceof List && ((List<?>) json).size() == 2) {
                    re = number(((List<?>) json).get(0), dt, where);
                    im = number(((List<?>) json).get(1), dt, where);
                } else if (json instanceof double[] && ((double[]) json).length == 2) {
                    re = ((double[]) json)[0];
                    im = ((double[]) json)[1];
                } else if (json instanceof String && !isSpecial((String) json)) {
                    return base64((String) json, zd, where);
                } else {
                    re = number(json, dt, where);
                }
                if (dt == DType.COMPLEX64) {
                    ((float[]) s.data())[0] = (float) re;
                    ((float[]) s.data())[1] = (float) im;
                } else {
                    ((double[]) s.data())[0] = re;
                    ((double[]) s.data())[1] = im;
                }
                return new FillValue(dt, false, s);
            }
            if (json instanceof Boolean) {
                s.setLong(0, ((Boolean) json) ? 1 : 0);
            } else if (json instanceof String) {
                String str = (String) json;
                if (isSpecial(str)) {
                    if (!dt.isFloat()) throw bad(json, dt, where);
                    s.setDouble(0, special(str));
                } else {
                    return base64(str, zd, where);
                }
            } else if (json instanceof BigInteger) {
                BigInteger b = (BigInteger) json;
                if (dt.isFloat()) s.setDouble(0, b.doubleValue());
                else if (dt == DType.UINT64 && b.signum() >= 0 && b.bitLength() <= 64) s.setLong(0, b.longValue());
                else throw bad(json, dt, where);
            } else if (json instanceof Double || json instanceof Float || json instanceof BigDecimal) {
                double d = ((Number) json).doubleValue();
                if (dt.isFloat()) s.setDouble(0, d);
                else if (dt == DType.BOOL) s.setLong(0, d != 0 ? 1 : 0);
                else if (d == Math.rint(d) && !Double.isInfinite(d)) s.setLong(0, (long) d); // 0.0 for an int dtype (old OME-Zarr)
                else throw bad(json, dt, where);
            } else if (json instanceof Number) {
                long v = ((Number) json).longValue();
                if (dt.isFloat()) s.setDouble(0, v);
                else s.setLong(0, v);
            } else {
                throw bad(json, dt, where);
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            throw bad(json, dt, where);
        }
        return new FillValue(dt, false, s);
    }

    /**
     * Parses a Zarr v3 fill_value by the spec's rules: a JSON boolean for bool; an integer in range for
     * the integer types; for floats a number, "NaN", "Infinity", "-Infinity" or "0x..." (the element's
     * bits as an unsigned hex number); for complex types [re, im] of those. null (which zarrita writes
     * when given none) reads as no fill value, like v2's null.
     */
    public static FillValue parseV3(Object json, DType dt, String where) throws ZarrFormatException {
        NdArray s = NdArray.zeros(dt, 1);
        if (json == null) return new FillValue(dt, true, s);
        if (dt == DType.BOOL) {
            if (!(json instanceof Boolean b)) throw bad(json, dt, where);
            s.setLong(0, b ? 1 : 0);
        } else if (dt.isInteger()) {
            if (!(json instanceof Integer || json instanceof Long || json instanceof BigInteger)) throw bad(json, dt, where);
            BigInteger v = json instanceof BigInteger b ? b : BigInteger.valueOf(((Number) json).longValue());
            int bits = 8 * dt.itemSize();
            BigInteger lo = dt.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
            BigInteger hi = dt.isUnsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) throw bad(json, dt, where);
            s.setLong(0, v.longValue());
        } else if (dt.isFloat()) {
            setFloatBits(s.data(), 0, dt, floatBits(json, dt.itemSize(), dt, where));
        } else {
            if (!(json instanceof List<?> l) || l.size() != 2) throw bad(json, dt, where);
            int half = dt.itemSize() / 2;
            DType part = half == 4 ? DType.FLOAT32 : DType.FLOAT64;
            setFloatBits(s.data(), 0, part, floatBits(l.get(0), half, dt, where));
            setFloatBits(s.data(), 1, part, floatBits(l.get(1), half, dt, where));
        }
        return new FillValue(dt, false, s);
    }

    /** The bits of a v3 float fill value of size bytes. */
    private static long floatBits(Object json, int size, DType dt, String where) throws ZarrFormatException {
        if (json instanceof String str) {
            if (str.startsWith("0x")) {
                String hex = str.substring(2);
                if (hex.isEmpty() || hex.length() > 2 * size || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) throw bad(json, dt, where);
                return Long.parseUnsignedLong(hex, 16);
            }
            if (!isSpecial(str)) throw bad(json, dt, where);
            if (str.equals("NaN")) return size == 2 ? 0x7e00L : size == 4 ? 0x7fc00000L : 0x7ff8000000000000L;
            return bitsOf(special(str), size);
        }
        if (!(json instanceof Number n)) throw bad(json, dt, where);
        return bitsOf(n.doubleValue(), size);
    }

    private static long bitsOf(double d, int size) {
        return switch (size) {
            case 2 -> Half.fromFloat((float) d) & 0xFFFFL;
            case 4 -> Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
            default -> Double.doubleToRawLongBits(d);
        };
    }

    /** Sets the i-th number of a float-backed storage array (float16 short[], float[], double[]) from its bits. */
    private static void setFloatBits(Object data, int i, DType part, long bits) {
        switch (part) {
            case FLOAT16 -> ((short[]) data)[i] = (short) bits;
            case FLOAT32 -> ((float[]) data)[i] = Float.intBitsToFloat((int) bits);
            default -> ((double[]) data)[i] = Double.longBitsToDouble(bits);
        }
    }

    /** The Zarr v3 JSON form: NaN other than the spec's "NaN" as "0x..." hex bits, null for none. */
    public Object toJsonV3() {
        if (isNull) return null;
        switch (dtype) {
            case BOOL: return scalar.getLong(0) != 0;
            case FLOAT16: return v3Float(((short[]) scalar.data())[0] & 0xFFFFL, 2);
            case FLOAT32: return v3Float(Float.floatToRawIntBits(((float[]) scalar.data())[0]) & 0xFFFFFFFFL, 4);
            case FLOAT64: return v3Float(Double.doubleToRawLongBits(((double[]) scalar.data())[0]), 8);
            case COMPLEX64: {
                float[] f = (float[]) scalar.data();
                return List.of(v3Float(Float.floatToRawIntBits(f[0]) & 0xFFFFFFFFL, 4), v3Float(Float.floatToRawIntBits(f[1]) & 0xFFFFFFFFL, 4));
            }
            case COMPLEX128: {
                double[] d = (double[]) scalar.data();
                return List.of(v3Float(Double.doubleToRawLongBits(d[0]), 8), v3Float(Double.doubleToRawLongBits(d[1]), 8));
            }
            default: return toJson();
        }
    }

    private static Object v3Float(long bits, int size) {
        double d = size == 2 ? Half.toFloat((short) bits) : size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        if (Double.isNaN(d)) {
            long canonical = size == 2 ? 0x7e00L : size == 4 ? 0x7fc00000L : 0x7ff8000000000000L;
            if (bits == canonical) return "NaN";
            String hex = Long.toHexString(bits);
            return "0x" + "0".repeat(2 * size - hex.length()) + hex;
        }
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return d;
    }

    private static boolean isSpecial(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static double special(String s) {
        return s.equals("NaN") ? Double.NaN : s.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private static double number(Object o, DType dt, String where) throws ZarrFormatException {
        if (o instanceof Number) return ((Number) o).doubleValue();
        if (o instanceof String && isSpecial((String) o)) return special((String) o);
        throw bad(o, dt, where);
    }

    private static FillValue base64(String s, ZarrDType zd, String where) throws ZarrFormatException {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw bad(s, zd.dtype(), where);
        }
        if (b.length != zd.dtype().itemSize()) throw bad(s, zd.dtype(), where);
        return new FillValue(zd.dtype(), false, NdArray.fromBytes(zd.dtype(), zd.byteOrder(), b, 1));
    }

    private static ZarrFormatException bad(Object json, DType dt, String where) {
        return new ZarrFormatException("invalid fill_value " + (json instanceof String ? "'" + json + "'" : String.valueOf(json))
                + " for dtype " + dt + " in " + where);
    }

    public boolean isNull() {
        return isNull;
    }

    /** True when the fill's bytes are all zero, so freshly allocated memory already holds it. */
    public boolean isZeroBits() {
        for (byte b : scalar.toBytes(ByteOrder.LITTLE_ENDIAN)) if (b != 0) return false;
        return true;
    }

    /** The fill as a one-element array. */
    public NdArray scalar() {
        return scalar.copy();
    }

    /** The JSON form zarr-python writes. */
    public Object toJson() {
        if (isNull) return null;
        switch (dtype) {
            case BOOL: return scalar.getLong(0) != 0;
            case UINT64: {
                long v = scalar.getLong(0);
                return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
            }
            case FLOAT16: case FLOAT32: case FLOAT64: return jsonFloat(scalar.getDouble(0));
            case COMPLEX64: {
                float[] f = (float[]) scalar.data();
                return List.of(jsonFloat(f[0]), jsonFloat(f[1]));
            }
            case COMPLEX128: {
                double[] d = (double[]) scalar.data();
                return List.of(jsonFloat(d[0]), jsonFloat(d[1]));
            }
            default: return scalar.getLong(0);
        }
    }

    private static Object jsonFloat(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return d;
    }

    /** Fills data[from, to) (element indices) of a primitive array of this dtype's storage class. */
    public void fill(Object data, int from, int to) {
        if (from >= to) return;
        Object v = scalar.data();
        switch (dtype) {
            case BOOL: case INT8: case UINT8: Arrays.fill((byte[]) data, from, to, ((byte[]) v)[0]); break;
            case INT16: case UINT16: case FLOAT16: Arrays.fill((short[]) data, from, to, ((short[]) v)[0]); break;
            case INT32: case UINT32: Arrays.fill((int[]) data, from, to, ((int[]) v)[0]); break;
            case INT64: case UINT64: Arrays.fill((long[]) data, from, to, ((long[]) v)[0]); break;
            case FLOAT32: Arrays.fill((float[]) data, from, to, ((float[]) v)[0]); break;
            case FLOAT64: Arrays.fill((double[]) data, from, to, ((double[]) v)[0]); break;
            case COMPLEX64: {
                float[] d = (float[]) data, s = (float[]) v;
                for (int i = from; i < to; i++) { d[2 * i] = s[0]; d[2 * i + 1] = s[1]; }
                break;
            }
            case COMPLEX128: {
                double[] d = (double[]) data, s = (double[]) v;
                for (int i = from; i < to; i++) { d[2 * i] = s[0]; d[2 * i + 1] = s[1]; }
                break;
            }
            default: throw new AssertionError(dtype);
        }
    }

    @Override
    public String toString() {
        Object j = toJson();
        if (dtype == DType.FLOAT16 && j instanceof Double) return String.valueOf(Half.toFloat(Half.fromFloat(((Double) j).floatValue())));
        return String.valueOf(j);
    }
}
