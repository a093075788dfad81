package frontier.array;

import java.io.IOException;
import java.util.function.Function;

/**
 * Optional for a {@link ChunkSource}: what its chunks occupy in their store, for the per-chunk
 * table ({@link ChunkedArray#chunkTable()}). A Zarr array implements it from its store's file
 * sizes (a sharded v3 array from its shard indexes); an array on IPFS also names each chunk's CID.
 */
public interface StoredChunks {
    /** The chunk's size as stored (compressed), or -1 when the chunk is missing (all fill value). */
    long storedBytes(long[] chunkIndex) throws IOException;

    /** Maps a chunk key to the CID of its bytes, or null when the array is not content-addressed. */
    default Function<String, String> cidOf() {
        return null;
    }

    /** For a chunk stored inside a shard (Zarr v3 sharding): that shard; null when each chunk has a key of its own. */
    default Shard shardOf(long[] chunkIndex) throws IOException {
        return null;
    }

    /** A shard: its store key, its index in the shard grid, its shape inside the array and in full, its stored size (-1 when missing). */
    record Shard(String key, long[] index, int[] shape, int[] fullShape, long storedBytes) {
    }
}
