package frontier.zarr.tools;

import frontier.array.ChunkedArray;
import frontier.store.FileStore;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.nio.file.Path;
import java.util.List;

/**
 * Copies one Zarr array into a new sharded Zarr v3 array with the same chunks (for bench/zarr3-read).
 * usage: ShardedCopy SRC_STORE ARRAY_PATH DST_STORE SHARD_SHAPE (comma-separated, e.g. 1,1,236,275,271);
 * chunks inside the shards are compressed with blosc lz4 + shuffle (what zarrita decodes too).
 */
public final class ShardedCopy {
    private ShardedCopy() {
    }

    public static void main(String[] args) throws Exception {
        ZarrArray src = Zarr.openArray(args[0], args[1]);
        String[] parts = args[3].split(",");
        int[] shards = new int[parts.length];
        for (int i = 0; i < parts.length; i++) shards[i] = Integer.parseInt(parts[i].trim());
        ArrayMetadataV3 md = ArrayMetadataV3.builder(src.dtype(), src.shape(), src.chunks()).shards(shards)
                .compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", src.dtype().itemSize()))).build();
        Zarr.createGroup(new FileStore(Path.of(args[2])), "", 3);
        ChunkedArray.fromZarr(src).toZarr(new FileStore(Path.of(args[2])), args[1], md);
    }
}
