package frontier.array;

import java.io.IOException;
import java.util.Arrays;

/** A test ChunkSource over an in-memory array: full-size chunks (edge chunks padded with zeros), counts reads. */
class ArraySource implements ChunkSource {
    final NdArray array;
    final int[] chunks;
    final java.util.concurrent.ConcurrentHashMap<String, Integer> reads = new java.util.concurrent.ConcurrentHashMap<>();
    volatile String failOn;
    long[] metadataShape;
    DType metadataType;

    ArraySource(NdArray array, int... chunks) {
        this.array = array;
        this.chunks = chunks;
    }

    /** Metadata only: reading a chunk fails. */
    static ArraySource metadata(DType t, long[] shape, int... chunks) {
        ArraySource s = new ArraySource(null, chunks);
        s.metadataShape = shape;
        s.metadataType = t;
        return s;
    }

    @Override
    public long[] shape() {
        if (array == null) return metadataShape.clone();
        return Arrays.stream(array.shape()).asLongStream().toArray();
    }

    @Override
    public int[] chunks() {
        return chunks.clone();
    }

    @Override
    public DType dtype() {
        return array == null ? metadataType : array.dtype();
    }

    @Override
    public NdArray readChunk(long[] idx) throws IOException {
        String key = chunkKey(idx);
        reads.merge(key, 1, Integer::sum);
        if (array == null || key.equals(failOn)) throw new IOException("simulated failure reading " + key);
        int nd = chunks.length;
        NdArray out = NdArray.zeros(array.dtype(), chunks);
        int[] start = new int[nd], count = new int[nd], ones = new int[nd];
        int[] shape = array.shape();
        for (int i = 0; i < nd; i++) {
            start[i] = (int) idx[i] * chunks[i];
            count[i] = Math.min(chunks[i], shape[i] - start[i]);
            ones[i] = 1;
        }
        Blocks.copy(array, start, ones, out, new int[nd], count);
        return out;
    }

    @Override
    public String chunkKey(long[] idx) {
        StringBuilder b = new StringBuilder();
        for (long i : idx) b.append(b.length() > 0 ? "." : "").append(i);
        return b.toString();
    }

    @Override
    public String location() {
        return null;
    }
}
