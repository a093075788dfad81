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

    /** The number of elements of type t in b; a partial element is an error naming the codec. */
    static int count(ZarrDType t, byte[] b, String codec) throws CodecException {
        if (b.length % t.size() != 0) {
            throw new CodecException(codec + ": " + b.length + " bytes are not a whole number of " + t + " elements");
        }
        return b.length / t.size();
    }
}
