package frontier.zarr;

import frontier.array.NdArray;
import frontier.array.SourceRef;
import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/**
 * Writes one block of a regular grid of chunkShape blocks into the Zarr array target: a chunk
 * (padded with the array's fill value where the array ends), or a whole shard of a sharded v3 array.
 * Returns the number of blocks written (1).
 */
public record WriteChunk(SourceRef target, long[] chunkIndex, int[] chunkShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        NdArray block = (NdArray) inputs.get(0);
        if (!(target.open() instanceof ZarrArray a)) throw new IllegalStateException(target.location() + " is not a writable Zarr array");
        long[] offset = new long[chunkIndex.length];
        for (int i = 0; i < offset.length; i++) offset[i] = chunkIndex[i] * chunkShape[i];
        a.write(offset, block);
        return 1L;
    }

    @Override
    public String name() {
        return "write " + Arrays.toString(chunkIndex);
    }
}
