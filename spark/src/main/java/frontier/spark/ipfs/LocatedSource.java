package frontier.spark.ipfs;

import frontier.array.ChunkSource;
import frontier.array.DType;
import frontier.array.NdArray;

import java.io.IOException;

/** An array opened through this executor's node, registered under the exact location the graph's tasks name. */
record LocatedSource(String location, ChunkSource array) implements ChunkSource {
    @Override
    public long[] shape() {
        return array.shape();
    }

    @Override
    public int[] chunks() {
        return array.chunks();
    }

    @Override
    public DType dtype() {
        return array.dtype();
    }

    @Override
    public NdArray readChunk(long[] chunkIndex) throws IOException {
        return array.readChunk(chunkIndex);
    }

    @Override
    public String chunkKey(long[] chunkIndex) {
        return array.chunkKey(chunkIndex);
    }
}
