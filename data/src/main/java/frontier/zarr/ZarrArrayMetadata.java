package frontier.zarr;

import frontier.array.DType;
import frontier.zarr.dtype.ZarrDType;

import java.nio.ByteOrder;
import java.util.Map;

/**
 * What every Zarr array's metadata says, in either format: the array's shape and dtype, the chunks
 * it is read in (the inner chunks of a sharded v3 array), their byte order and the fill value.
 * {@link ArrayMetadata} is a v2 {@code .zarray}, {@link ArrayMetadataV3} a v3 {@code zarr.json}.
 */
public sealed interface ZarrArrayMetadata permits ArrayMetadata, ArrayMetadataV3 {
    /** 2 or 3. */
    int zarrFormat();

    long[] shape();

    /** The shape of the chunks the array is read in (for a sharded v3 array: its inner chunks). */
    int[] chunks();

    DType dtype();

    /** The dtype with the byte order its elements are stored in. */
    ZarrDType zarrDType();

    default ByteOrder byteOrder() {
        return zarrDType().byteOrder();
    }

    FillValue fillValue();

    /** The metadata document as stored (.zarray, or zarr.json). */
    Map<String, Object> toJson();

    default int ndim() {
        return shape().length;
    }

    /** Elements per full chunk. */
    default int chunkSize() {
        long n = 1;
        for (int c : chunks()) n *= c;
        return (int) n;
    }

    /** Number of chunks along each dimension. */
    default long[] chunkGrid() {
        long[] shape = shape();
        int[] chunks = chunks();
        long[] g = new long[shape.length];
        for (int i = 0; i < shape.length; i++) g[i] = (shape[i] + chunks[i] - 1) / chunks[i];
        return g;
    }

    /** Total number of elements. */
    default long size() {
        long n = 1;
        for (long s : shape()) n *= s;
        return n;
    }
}
