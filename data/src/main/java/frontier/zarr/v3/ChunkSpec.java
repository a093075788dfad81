package frontier.zarr.v3;

import frontier.array.DType;
import frontier.array.NdArray;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a codec chain encodes: chunks of this shape and dtype, and the fill value that stands for
 * chunks that were never written (the sharding codec fills empty inner chunks with it).
 * fill is a one-element array, or null where there is none (a shard index).
 */
public record ChunkSpec(int[] shape, DType dtype, NdArray fill) {
    public ChunkSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public int elements() {
        return elements(shape);
    }

    /** The decoded size in bytes. */
    public long byteLength() {
        return (long) elements() * dtype.itemSize();
    }

    public ChunkSpec withShape(int[] s) {
        return new ChunkSpec(s, dtype, fill);
    }

    /** A chunk of this spec holding the fill value everywhere (zeros without one), elements in the given order. */
    public RawChunk filled(ByteOrder order) {
        int item = dtype.itemSize();
        byte[] b = new byte[elements() * item];
        if (fill != null) {
            byte[] one = fill.toBytes(order);
            boolean zero = true;
            for (byte x : one) zero &= x == 0;
            if (!zero) for (int i = 0; i < b.length; i += item) System.arraycopy(one, 0, b, i, item);
        }
        return new RawChunk(b, shape, dtype, order);
    }

    static int elements(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("chunk shape " + Arrays.toString(shape) + " holds more than 2^31-1 elements");
        return (int) n;
    }
}
