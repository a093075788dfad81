package frontier.array.ops;

import frontier.array.ChunkSources;
import frontier.array.NdArray;
import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/**
 * Writes one block of a regular grid of chunkShape blocks into the Zarr array at a location: a chunk
 * (padded with the array's fill value where the array ends), or a whole shard of a sharded v3 array.
 * Returns the number of blocks written (1).
 */
public record WriteChunk(String location, long[] chunkIndex, int[] chunkShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        NdArray block = (NdArray) inputs.get(0);
        Object target = ChunkSources.open(location);
        if (!(target instanceof frontier.zarr.ZarrArray)) throw new IllegalStateException(location + " is not a writable Zarr array");
        long[] offset = new long[chunkIndex.length];
        for (int i = 0; i < offset.length; i++) offset[i] = chunkIndex[i] * chunkShape[i];
        ((frontier.zarr.ZarrArray) target).write(offset, block);
        return 1L;
    }

    @Override
    public String name() {
        return "write " + Arrays.toString(chunkIndex);
    }
}
