package frontier.zarr.v3;

import frontier.array.DType;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A decoded chunk as the v3 codecs pass it along: elements of dtype in C order, each stored in the
 * given byte order. bytes may be longer than the chunk (a reused buffer); the first
 * {@link #byteLength()} bytes are the chunk.
 */
public record RawChunk(byte[] bytes, int[] shape, DType dtype, ByteOrder order) {
    public RawChunk {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Elements in the chunk. */
    public int elements() {
        return ChunkSpec.elements(shape);
    }

    /** Bytes the chunk occupies. */
    public int byteLength() {
        return elements() * dtype.itemSize();
    }

    /** The chunk's bytes in the given byte order, exactly byteLength() of them (a copy when they must change). */
    public byte[] exactBytes(ByteOrder want) {
        int n = byteLength();
        byte[] b = bytes.length == n ? bytes : Arrays.copyOf(bytes, n);
        int scalar = scalarSize(dtype);
        if (scalar > 1 && want != order) {
            if (b == bytes) b = b.clone();
            swap(b, n, scalar);
        }
        return b;
    }

    /** The size of one number in an element: complex elements hold two. */
    static int scalarSize(DType d) {
        return d.isComplex() ? d.itemSize() / 2 : d.itemSize();
    }

    /** Reverses the bytes of each scalarSize-byte number in b[0..n) in place. */
    static void swap(byte[] b, int n, int scalarSize) {
        for (int i = 0; i + scalarSize <= n; i += scalarSize) {
            for (int lo = i, hi = i + scalarSize - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }

    @Override
    public String toString() {
        return "RawChunk" + Arrays.toString(shape) + " " + dtype + " " + order;
    }
}
