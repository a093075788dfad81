package frontier.zarr.codec;

import frontier.array.Half;

import java.util.Map;

/**
 * The numpy dtypes filters name in their configs ('<i4', '>u2', '|u1', '<f8', 'float32'...): numbers
 * only (bool, signed, unsigned, float), read and written element by element with numpy's casting
 * (ints wrap, floats truncate toward zero when cast to ints). Kept here so codecs do not depend on frontier.zarr.
 */
final class NumpyDType {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("bool", "|b1"), Map.entry("int8", "|i1"), Map.entry("uint8", "|u1"),
            Map.entry("int16", "<i2"), Map.entry("uint16", "<u2"), Map.entry("int32", "<i4"), Map.entry("uint32", "<u4"),
            Map.entry("int64", "<i8"), Map.entry("uint64", "<u8"), Map.entry("float16", "<f2"),
            Map.entry("float32", "<f4"), Map.entry("float64", "<f8"));

    final String str;
    final char kind;
    final int size;
    final boolean bigEndian;

    private NumpyDType(String str, char kind, int size, boolean bigEndian) {
        this.str = str;
        this.kind = kind;
        this.size = size;
        this.bigEndian = bigEndian;
    }

    static NumpyDType parse(Object spec, String field) throws CodecException {
        if (!(spec instanceof String s0) || s0.isEmpty()) {
            throw new CodecException("field '" + field + "' must be a numpy dtype string such as '<i4', got " + spec);
        }
        String s = NAMES.getOrDefault(s0, s0);
        char order = s.charAt(0);
        boolean big = false;
        if (order == '<' || order == '|' || order == '=') {
            s = s.substring(1);
        } else if (order == '>') {
            big = true;
            s = s.substring(1);
        }
        if (s.length() < 2) {
            throw new CodecException("unsupported dtype '" + s0 + "' in field '" + field + "'");
        }
        char kind = s.charAt(0);
        int size;
        try {
            size = Integer.parseInt(s.substring(1));
        } catch (NumberFormatException e) {
            throw new CodecException("unsupported dtype '" + s0 + "' in field '" + field + "'");
        }
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 2 || size == 4 || size == 8;
            default -> false;
        };
        if (!ok) {
            throw new CodecException("unsupported dtype '" + s0 + "' in field '" + field + "' (filters take bool, int, uint and float)");
        }
        String canonical = (size == 1 ? "|" : big ? ">" : "<") + kind + size;
        return new NumpyDType(canonical, kind, size, big && size > 1);
    }

    boolean isFloat() {
        return kind == 'f';
    }

    /** The bytes of b's elements once cast to dtype `to`, checked against a decode bound before allocating. */
    int castSize(byte[] b, NumpyDType to, int maxDecoded, String codec) throws CodecException {
        long n = (long) count(b, codec) * to.size;
        DecodeBound.check(codec + " buffer", n, maxDecoded);
        return (int) n;
    }

    /** The most bytes elements of this dtype take that cast to decodedSize bytes of dtype `to`. */
    long sizeFor(long decodedSize, NumpyDType to) {
        return (decodedSize + to.size - 1) / to.size * size;
    }

    int count(byte[] b, String codec) throws CodecException {
        if (b.length % size != 0) {
            throw new CodecException(codec + ": " + b.length + " bytes are not a whole number of " + str + " elements");
        }
        return b.length / size;
    }

    private long bits(byte[] b, int i) {
        int off = i * size;
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < size; k++) {
                v = (v << 8) | (b[off + k] & 0xFF);
            }
        } else {
            for (int k = size - 1; k >= 0; k--) {
                v = (v << 8) | (b[off + k] & 0xFF);
            }
        }
        return v;
    }

    private void putBits(byte[] b, int i, long v) {
        int off = i * size;
        if (bigEndian) {
            for (int k = size - 1; k >= 0; k--, v >>>= 8) {
                b[off + k] = (byte) v;
            }
        } else {
            for (int k = 0; k < size; k++, v >>>= 8) {
                b[off + k] = (byte) v;
            }
        }
    }

    /** An integer value truncated to this type's width (sign-extended for signed kinds). */
    long wrap(long v) {
        if (kind == 'b') {
            return v != 0 ? 1 : 0;
        }
        if (size == 8) {
            return v;
        }
        int shift = 64 - 8 * size;
        return kind == 'i' ? (v << shift) >> shift : (v << shift) >>> shift;
    }

    /** Integer kinds: the value (uint64 as raw bits). */
    long getLong(byte[] b, int i) {
        return wrap(bits(b, i));
    }

    /** Any kind: the value as a double. */
    double getDouble(byte[] b, int i) {
        if (kind == 'f') {
            long x = bits(b, i);
            return switch (size) {
                case 2 -> Half.toFloat((short) x);
                case 4 -> Float.intBitsToFloat((int) x);
                default -> Double.longBitsToDouble(x);
            };
        }
        return toDouble(getLong(b, i));
    }

    /** This integer kind's value (as from getLong) as a double. */
    double toDouble(long v) {
        if (kind == 'u' && size == 8 && v < 0) {
            return (double) (v >>> 1) * 2.0 + (v & 1);
        }
        return v;
    }

    /** Rounds a double to this float kind's precision (the identity for f8). */
    double round(double d) {
        return switch (size) {
            case 2 -> Half.toFloat(Half.fromFloat((float) d));
            case 4 -> (float) d;
            default -> d;
        };
    }

    /** Stores an integer value (of a type with the given unsigned-64 flag) with numpy's casting. */
    void putLong(byte[] b, int i, long v, boolean fromUint64) {
        if (kind == 'f') {
            double d = fromUint64 && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v;
            putDouble(b, i, d);
        } else {
            putBits(b, i, wrap(v));
        }
    }

    /** Stores a double with numpy's casting: rounding to the float kind, truncation toward zero for ints. */
    void putDouble(byte[] b, int i, double d) {
        switch (kind) {
            case 'f' -> putBits(b, i, switch (size) {
                case 2 -> Half.fromFloat((float) d) & 0xFFFFL;
                case 4 -> Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
                default -> Double.doubleToRawLongBits(d);
            });
            case 'b' -> putBits(b, i, d != 0 ? 1 : 0);
            default -> {
                long v;
                if (kind == 'u' && size == 8 && d >= 0x1p63) {
                    v = (long) (d - 0x1p63) + Long.MIN_VALUE;
                } else {
                    v = (long) d;
                }
                putBits(b, i, wrap(v));
            }
        }
    }

    boolean isUint64() {
        return kind == 'u' && size == 8;
    }

    /** Copies element i of src (of type from) into element i of dst (this type), as numpy's astype does. */
    void cast(NumpyDType from, byte[] src, byte[] dst, int i) {
        if (from.isFloat()) {
            putDouble(dst, i, from.getDouble(src, i));
        } else {
            putLong(dst, i, from.getLong(src, i), from.isUint64());
        }
    }

    @Override
    public String toString() {
        return str;
    }
}
