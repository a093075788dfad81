package frontier.array;

import frontier.array.graph.Op;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one chunk of an array and crops it to validShape (edge chunks are stored full-size; a
 * validShape of the full chunk shape keeps it whole). Failures name the chunk key and the array.
 * Run transiently (see {@link Op#applyTransient}), the chunk may sit in a per-thread buffer of the source.
 */
public final class ReadChunk implements Op {
    private static final long serialVersionUID = 2L;

    private final SourceRef source;
    private final long[] chunkIndex;
    private final int[] validShape;

    public ReadChunk(SourceRef source, long[] chunkIndex, int[] validShape) {
        this.source = source;
        this.chunkIndex = chunkIndex;
        this.validShape = validShape;
    }

    public String location() {
        return source.location();
    }

    /** The array read. */
    public SourceRef source() {
        return source;
    }

    public long[] chunkIndex() {
        return chunkIndex.clone();
    }

    public int[] validShape() {
        return validShape.clone();
    }

    /** The chunk's store key (the array is opened to ask it). */
    public String chunkKey() {
        try {
            return source.open().chunkKey(chunkIndex);
        } catch (IOException | RuntimeException e) {
            return Arrays.toString(chunkIndex);
        }
    }

    @Override
    public Object apply(List<Object> inputs) throws Exception {
        return read(false);
    }

    @Override
    public Object applyTransient(List<Object> inputs) throws Exception {
        return read(true);
    }

    /**
     * The sum of the chunk's elements when its source can tell it without decoding the chunk
     * ({@link ChunkSource#sumChunk}) and the chunk is whole (an edge chunk's stored part beyond the
     * array's edge must not count); null otherwise.
     */
    Long sum() throws Exception {
        ChunkSource s = source.open();
        if (!Arrays.equals(s.chunks(), validShape)) return null;
        try {
            return s.sumChunk(chunkIndex);
        } catch (Exception e) {
            throw named(s, e);
        }
    }

    /**
     * Folds the chunk into running minima or maxima when its source can without decoding it
     * ({@link ChunkSource#foldExtremes}) and the chunk is whole; false otherwise.
     */
    boolean foldExtremes(ShortExtremes acc) throws Exception {
        ChunkSource s = source.open();
        if (!Arrays.equals(s.chunks(), validShape)) return false;
        try {
            return s.foldExtremes(chunkIndex, acc);
        } catch (Exception e) {
            throw named(s, e);
        }
    }

    /**
     * Reads the chunk straight into array (of the chunk's dtype) from index offset, its elements in
     * C order, when all of it is wanted (count, its box in the output, is the whole chunk) and its
     * source can ({@link ChunkSource#readChunkInto}); false otherwise.
     */
    boolean readInto(Object array, int offset, int[] count) throws Exception {
        ChunkSource s = source.open();
        if (!Arrays.equals(s.chunks(), validShape) || !Arrays.equals(count, validShape)) return false;
        try {
            return s.readChunkInto(chunkIndex, array, offset);
        } catch (Exception e) {
            throw named(s, e);
        }
    }

    /** What a failure of the source to read this chunk is rethrown as: an interruption as it is, anything else as an IOException that names the chunk. */
    private Exception named(ChunkSource s, Exception e) {
        if (e instanceof InterruptedException || e instanceof java.nio.channels.ClosedByInterruptException
                || e instanceof java.io.InterruptedIOException) return e;
        return new IOException("cannot read chunk '" + s.chunkKey(chunkIndex) + "' of " + location() + ": " + e.getMessage(), e);
    }

    /** The chunk, in a buffer of this thread when transient (see {@link Op#applyTransient}). */
    NdArray read(boolean scratch) throws Exception {
        ChunkSource s = source.open();
        NdArray chunk;
        try {
            chunk = scratch ? s.readChunkTransient(chunkIndex) : s.readChunk(chunkIndex);
        } catch (Exception e) {
            throw named(s, e);
        }
        if (chunk == null) throw new IOException("chunk '" + s.chunkKey(chunkIndex) + "' of " + location() + " read as null");
        int[] cs = chunk.shape();
        if (Arrays.equals(cs, validShape)) return chunk;
        for (int i = 0; i < cs.length; i++) {
            if (cs.length != validShape.length || cs[i] < validShape[i]) {
                throw new IOException("chunk '" + s.chunkKey(chunkIndex) + "' of " + location() + " has shape " + Arrays.toString(cs)
                        + ", expected at least " + Arrays.toString(validShape));
            }
        }
        int[] ones = new int[cs.length];
        Arrays.fill(ones, 1);
        return Blocks.region(chunk, new int[cs.length], ones, validShape);
    }

    @Override
    public String name() {
        return "read " + chunkKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadChunk r && r.source.location().equals(source.location()) && Arrays.equals(r.chunkIndex, chunkIndex)
                && Arrays.equals(r.validShape, validShape);
    }

    @Override
    public int hashCode() {
        return source.location().hashCode() * 31 + Arrays.hashCode(chunkIndex);
    }

    @Override
    public String toString() {
        return "ReadChunk(" + location() + ", " + Arrays.toString(chunkIndex) + ")";
    }
}
