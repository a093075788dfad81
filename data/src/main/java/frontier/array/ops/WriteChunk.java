package frontier.array.ops;

import frontier.array.ChunkSources;
import frontier.array.NdArray;
import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/**
 * Writes one block as a chunk of the Zarr array at a location (padded to the full chunk shape
 * with zeros, the fill value toZarr sets). Returns the number of chunks written (1).
 */
public record WriteChunk(String location, long[] chunkIndex, int[] chunkShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        NdArray block = (NdArray) inputs.get(0);
        NdArray full = block;
        if (!Arrays.equals(block.shape(), chunkShape)) {
            full = NdArray.zeros(block.dtype(), chunkShape);
            int[] zeros = new int[chunkShape.length], ones = new int[chunkShape.length];
            Arrays.fill(ones, 1);
            Blocks.copy(block, zeros, ones, full, zeros, block.shape());
        }
        Object target = ChunkSources.open(location);
        if (!(target instanceof frontier.zarr.ZarrArray)) throw new IllegalStateException(location + " is not a writable Zarr array");
        ((frontier.zarr.ZarrArray) target).writeChunk(chunkIndex, full);
        return 1L;
    }

    @Override
    public String name() {
        return "write " + Arrays.toString(chunkIndex);
    }
}
