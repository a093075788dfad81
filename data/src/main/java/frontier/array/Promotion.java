package frontier.array;

/**
 * numpy 1.24's result dtypes: array-array promotion, and the value-based rule for Python
 * scalars (a scalar of a lower or equal category than the array takes its smallest dtype;
 * a higher one takes int64 / float64).
 */
public final class Promotion {
    private Promotion() {
    }

    static int category(DType t) {
        switch (t.kind()) {
            case 'b': return 0;
            case 'i': case 'u': return 1;
            case 'f': return 2;
            default: return 3;
        }
    }

    private static DType intOfSize(int bytes) {
        switch (bytes) {
            case 1: return DType.INT8;
            case 2: return DType.INT16;
            case 4: return DType.INT32;
            default: return DType.INT64;
        }
    }

    private static DType floatFor(DType intType) {
        if (intType.itemSize() == 1) return DType.FLOAT16;
        if (intType.itemSize() == 2) return DType.FLOAT32;
        return DType.FLOAT64;
    }

    /** numpy.promote_types for the real types (complex is refused). */
    public static DType promote(DType a, DType b) {
        if (a.isComplex() || b.isComplex()) throw new UnsupportedOperationException("complex arithmetic is not supported (" + a + ", " + b + ")");
        if (a == b) return a;
        if (a == DType.BOOL) return b;
        if (b == DType.BOOL) return a;
        if (a.isFloat() && b.isFloat()) return a.itemSize() >= b.itemSize() ? a : b;
        if (a.isFloat()) return promote(a, floatFor(b));
        if (b.isFloat()) return promote(floatFor(a), b);
        if (a.isUnsigned() == b.isUnsigned()) return a.itemSize() >= b.itemSize() ? a : b;
        DType u = a.isUnsigned() ? a : b;
        DType s = a.isUnsigned() ? b : a;
        if (s.itemSize() > u.itemSize()) return s;
        if (u.itemSize() == 8) return DType.FLOAT64;
        return intOfSize(u.itemSize() * 2);
    }

    /** numpy.min_scalar_type of a Java number (integers: Byte/Short/Integer/Long; else floating). */
    public static DType minScalarType(Number v) {
        if (isIntegral(v)) {
            long x = v.longValue();
            if (x >= 0) {
                if (x <= 0xff) return DType.UINT8;
                if (x <= 0xffff) return DType.UINT16;
                if (x <= 0xffffffffL) return DType.UINT32;
                return DType.UINT64;
            }
            if (x >= Byte.MIN_VALUE) return DType.INT8;
            if (x >= Short.MIN_VALUE) return DType.INT16;
            if (x >= Integer.MIN_VALUE) return DType.INT32;
            return DType.INT64;
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) <= 65504) return DType.FLOAT16;
        if (Math.abs(d) <= Float.MAX_VALUE) return DType.FLOAT32;
        return DType.FLOAT64;
    }

    static boolean isIntegral(Number v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    /** The dtype of {@code array OP scalar} under numpy 1.24's value-based casting. */
    public static DType withScalar(DType array, Number scalar) {
        DType s = minScalarType(scalar);
        if (category(s) > category(array)) return promote(array, isIntegral(scalar) ? DType.INT64 : DType.FLOAT64);
        // numpy treats a non-negative scalar that fits the signed type of the same size as signed
        // when the array is signed (int8 * 5 stays int8, int8 + 70000 is int32).
        if (array.kind() == 'i' && s.isUnsigned()) {
            DType signed = intOfSize(s.itemSize());
            if (s.itemSize() < 8 ? scalar.longValue() < (1L << (8 * s.itemSize() - 1)) : scalar.longValue() >= 0) s = signed;
        }
        return promote(array, s);
    }

    /** The dtype of true division given the promoted operand dtype. */
    public static DType divide(DType promoted) {
        return promoted.isFloat() ? promoted : DType.FLOAT64;
    }

    /** numpy's result dtype of sum: small ints widen to the platform int (int64/uint64), bool to int64. */
    public static DType sum(DType t) {
        if (t == DType.BOOL) return DType.INT64;
        if (t.isInteger()) return t.isUnsigned() ? DType.UINT64 : DType.INT64;
        return t;
    }

    /** numpy's result dtype of mean and std: float64 for integers and bool, the float type otherwise. */
    public static DType mean(DType t) {
        return t.isFloat() || t.isComplex() ? t : DType.FLOAT64;
    }
}
