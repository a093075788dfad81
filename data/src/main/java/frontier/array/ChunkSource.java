package frontier.array;

import java.io.IOException;

/**
 * A chunked n-d array that lives somewhere (a Zarr array on disk, over HTTP, on IPFS): what a
 * lazy {@code ChunkedArray} needs to read it chunk by chunk. Chunk indices are positions in
 * the chunk grid. Edge chunks come back full-size (as stored), the part past the array's edge
 * holding fill values; a missing chunk comes back filled with the fill value.
 */
public interface ChunkSource {
    long[] shape();

    int[] chunks();

    DType dtype();

    /** A decoded chunk, full chunk shape. */
    NdArray readChunk(long[] chunkIndex) throws IOException;

    /**
     * The same chunk, whose elements may sit in a buffer of the calling thread that its next
     * transient read reuses: for a consumer that copies what it needs at once (a region read
     * assembling chunks into its output), so that no array is allocated per chunk. The default
     * is {@link #readChunk}. Callers never modify the result.
     */
    default NdArray readChunkTransient(long[] chunkIndex) throws IOException {
        return readChunk(chunkIndex);
    }

    /**
     * The sum of a chunk's elements (the whole chunk as stored, integer dtypes of up to 4 bytes),
     * wrapping as a long sum of them does, when the source can tell it more cheaply than by decoding
     * the chunk; null otherwise (the default), and the caller sums a decoded chunk.
     */
    default Long sumChunk(long[] chunkIndex) throws IOException {
        return null;
    }

    /**
     * Folds a whole chunk's elements (2-byte integers) into running minima or maxima without
     * decoding the chunk to an array, when the source can; false otherwise (the default, and for
     * a chunk it cannot fold that way: missing, another codec), and the caller folds a decoded chunk.
     */
    default boolean foldExtremes(long[] chunkIndex, ShortExtremes acc) throws IOException {
        return false;
    }

    /**
     * Decodes a whole chunk straight into array (a primitive array of this dtype, elements in C
     * order) from index offset, when the source can without a decoded copy in between (a region read
     * whose output holds the chunk as one run); false otherwise (the default, and for a chunk it
     * cannot decode that way: missing, another codec), with array's run possibly partly written, and
     * the caller copies in a decoded chunk.
     */
    default boolean readChunkInto(long[] chunkIndex, Object array, int offset) throws IOException {
        return false;
    }

    /** The store key of a chunk, e.g. "0/0.1.0" (for tables and error messages). */
    String chunkKey(long[] chunkIndex);

    /**
     * Where this array lives, as a location that a {@link ChunkSourceOpener} reopens in another
     * process (a path, a URL, an ipfs:// address), so that tasks that read chunks are plain
     * serializable values. Null for arrays that cannot be reopened (in memory).
     */
    String location();
}
