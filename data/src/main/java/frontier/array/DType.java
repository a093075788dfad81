package frontier.array;

/**
 * Element types, named as numpy names them. Byte order is a property of storage (Zarr's
 * dtype string), not of an in-memory array, so it is not part of this type.
 * Storage class in {@link NdArray}: BOOL/INT8/UINT8 byte[], INT16/UINT16/FLOAT16 short[],
 * INT32/UINT32 int[], INT64/UINT64 long[], FLOAT32 float[], FLOAT64 double[],
 * COMPLEX64 float[2n] and COMPLEX128 double[2n] (re, im interleaved).
 */
public enum DType {
    BOOL("bool", 1, 'b'),
    INT8("int8", 1, 'i'),
    UINT8("uint8", 1, 'u'),
    INT16("int16", 2, 'i'),
    UINT16("uint16", 2, 'u'),
    INT32("int32", 4, 'i'),
    UINT32("uint32", 4, 'u'),
    INT64("int64", 8, 'i'),
    UINT64("uint64", 8, 'u'),
    FLOAT16("float16", 2, 'f'),
    FLOAT32("float32", 4, 'f'),
    FLOAT64("float64", 8, 'f'),
    COMPLEX64("complex64", 8, 'c'),
    COMPLEX128("complex128", 16, 'c');

    private final String numpyName;
    private final int itemSize;
    private final char kind;

    DType(String numpyName, int itemSize, char kind) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
        this.kind = kind;
    }

    /** numpy's name: "uint16", "float64", ... */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** numpy's kind character: b, i, u, f, c. */
    public char kind() {
        return kind;
    }

    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    public boolean isUnsigned() {
        return kind == 'u';
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    public boolean isComplex() {
        return kind == 'c';
    }

    public static DType fromNumpyName(String name) {
        for (DType d : values()) {
            if (d.numpyName.equals(name)) return d;
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "'");
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
