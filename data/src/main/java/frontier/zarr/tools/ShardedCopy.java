package frontier.zarr.tools;

import frontier.array.ChunkedArray;
import frontier.store.Store;
import frontier.store.Stores;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Copies one Zarr array into a new sharded Zarr v3 array with the same chunks (for bench/zarr3-read).
 * usage: ShardedCopy SRC_STORE ARRAY_PATH DST_STORE SHARD_SHAPE (comma-separated, e.g. 1,1,236,275,271) [--reencode]
 * <p>
 * A v2 source compressed with blosc (no filters, C order) keeps its chunks' blosc frames as they are (its byte
 * order becomes the bytes codec's endian): the shards are assembled from them, so that reading the copy and the original decodes the same
 * frames. Otherwise, or with --reencode, the values are re-encoded with blosc lz4 + shuffle (which zarrita decodes).
 */
public final class ShardedCopy {
    private ShardedCopy() {
    }

    public static void main(String[] args) throws Exception {
        ZarrArray src = Zarr.openArray(args[0], args[1]);
        String[] parts = args[3].split(",");
        int[] shards = new int[parts.length];
        for (int i = 0; i < parts.length; i++) shards[i] = Integer.parseInt(parts[i].trim());
        boolean reencode = args.length > 4 && args[4].equals("--reencode");
        Store dst = Stores.directory(Path.of(args[2]));
        Zarr.createGroup(dst, "", 3);
        Map<String, Object> blosc = src.metadata() instanceof ArrayMetadata v2 ? v2.compressor() : null;
        boolean frames = !reencode && blosc != null && "blosc".equals(blosc.get("id")) && ((ArrayMetadata) src.metadata()).filters() == null
                && ((ArrayMetadata) src.metadata()).order() == 'C';
        if (!frames) {
            ArrayMetadataV3 md = ArrayMetadataV3.builder(src.dtype(), src.shape(), src.chunks()).shards(shards)
                    .compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", src.dtype().itemSize()))).build();
            Zarr.write(ChunkedArray.fromZarr(src), dst, args[1], md);
            System.err.println("re-encoded with blosc lz4 + shuffle");
            return;
        }
        Object sh = blosc.get("shuffle");
        int s = sh instanceof Number n ? n.intValue() : 1;
        String shuffle = s == 0 ? "noshuffle" : s == 2 ? "bitshuffle" : "shuffle";
        ArrayMetadataV3 md = ArrayMetadataV3.builder(src.dtype(), src.shape(), src.chunks()).shards(shards)
                .endian(src.metadata().byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little")
                .compressors(List.of(ArrayMetadataV3.blosc(String.valueOf(blosc.get("cname")), ((Number) blosc.get("clevel")).intValue(),
                        shuffle, src.dtype().itemSize()))).build();
        ZarrArray out = Zarr.createArray(dst, args[1], md);
        int[] chunks = src.chunks();
        long[] grid = md.grid();
        int n = shards.length;
        int[] per = new int[n];
        int count = 1;
        for (int i = 0; i < n; i++) {
            per[i] = shards[i] / chunks[i];
            count *= per[i];
        }
        long[] shard = new long[n];
        while (true) {
            byte[][] inner = new byte[count][];
            int[] pos = new int[n];
            for (int k = 0; k < count; k++) {
                long[] idx = new long[n];
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    idx[i] = shard[i] * per[i] + pos[i];
                    inside &= idx[i] < src.chunkGrid()[i];
                }
                if (inside) inner[k] = src.readChunkBytes(idx);
                for (int d = n - 1; d >= 0; d--) {
                    if (++pos[d] < per[d]) break;
                    pos[d] = 0;
                }
            }
            out.writeEncodedShard(shard, inner);
            int d = n - 1;
            while (d >= 0 && ++shard[d] == grid[d]) shard[d--] = 0;
            if (d < 0) break;
        }
        System.err.println("shards assembled from the source's blosc frames");
    }
}
