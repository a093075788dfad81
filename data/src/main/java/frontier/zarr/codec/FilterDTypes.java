package frontier.zarr.codec;

import frontier.zarr.dtype.ZarrDType;

/** The dtypes numcodecs filters name in their configs ('<i4', '>u2', '|u1', 'float32'): bool, int, uint and float. */
final class FilterDTypes {
    private FilterDTypes() {
    }

    static ZarrDType parse(Object spec, String field) throws CodecException {
        if (!(spec instanceof String s) || s.isEmpty()) {
            throw new CodecException("field '" + field + "' must be a numpy dtype string such as '<i4', got " + spec);
        }
        ZarrDType t = ZarrDType.fromNumpy(s);
        if (t == null) throw new CodecException("unsupported dtype '" + s + "' in field '" + field + "'");
        if (t.kind() == 'c') {
            throw new CodecException("unsupported dtype '" + s + "' in field '" + field + "' (filters take bool, int, uint and float)");
        }
        return t;
    }

    /** The bytes of b's elements (of type from) once cast to type to, checked against a decode bound before allocating. */
    static int castSize(ZarrDType from, byte[] b, ZarrDType to, int maxDecoded, String codec) throws CodecException {
        long n = (long) count(from, b, codec) * to.size();
        DecodeBound.check(codec + " buffer", n, maxDecoded);
        return (int) n;
    }

    /** The most bytes elements of type from take that cast to decodedSize bytes of type to. */
    static long sizeFor(ZarrDType from, long decodedSize, ZarrDType to) {
        return (decodedSize + to.size() - 1) / to.size() * from.size();
    }

    /** The number of elements of type t in b; a partial element is an error naming the codec. */
    static int count(ZarrDType t, byte[] b, String codec) throws CodecException {
        if (b.length % t.size() != 0) {
            throw new CodecException(codec + ": " + b.length + " bytes are not a whole number of " + t + " elements");
        }
        return b.length / t.size();
    }
}
