package frontier.array.ops;

import frontier.array.ChunkSources;
import frontier.array.NdArray;
import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/**
 * Reads one chunk of the array at a location and crops it to the part inside the array (edge
 * chunks are stored full-size). Failures name the chunk key and the array.
 */
public record ReadChunk(String location, long[] chunkIndex, String chunkKey, int[] validShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        NdArray chunk;
        try {
            chunk = ChunkSources.open(location).readChunk(chunkIndex);
        } catch (Exception e) {
            if (e instanceof InterruptedException || e instanceof java.nio.channels.ClosedByInterruptException) throw e;
            throw new java.io.IOException("cannot read chunk '" + chunkKey + "' of " + location + ": " + e.getMessage(), e);
        }
        if (chunk == null) throw new java.io.IOException("chunk '" + chunkKey + "' of " + location + " read as null");
        if (Arrays.equals(chunk.shape(), validShape)) return chunk;
        int[] cs = chunk.shape();
        for (int i = 0; i < cs.length; i++) {
            if (cs.length != validShape.length || cs[i] < validShape[i]) {
                throw new java.io.IOException("chunk '" + chunkKey + "' of " + location + " has shape " + Arrays.toString(cs)
                        + ", expected at least " + Arrays.toString(validShape));
            }
        }
        int[] ones = new int[cs.length];
        Arrays.fill(ones, 1);
        return Blocks.region(chunk, new int[cs.length], ones, validShape);
    }

    @Override
    public String name() {
        return "read " + chunkKey;
    }
}
