package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.DType;
import frontier.array.NdArray;

/** An in-memory array seen as a chunked array of one chunk, so one reader serves both. */
final class NdArrayChunkSource implements ChunkSource {
    private final NdArray array;

    NdArrayChunkSource(NdArray array) {
        this.array = array;
    }

    @Override
    public long[] shape() {
        return java.util.Arrays.stream(array.shape()).asLongStream().toArray();
    }

    @Override
    public int[] chunks() {
        return java.util.Arrays.stream(array.shape()).map(s -> Math.max(1, s)).toArray();
    }

    @Override
    public DType dtype() {
        return array.dtype();
    }

    @Override
    public NdArray readChunk(long[] chunkIndex) {
        return array;
    }

    @Override
    public String chunkKey(long[] chunkIndex) {
        return "(in memory)";
    }

    @Override
    public String location() {
        return null;
    }
}
