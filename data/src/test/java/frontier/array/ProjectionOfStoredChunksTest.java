package frontier.array;

import frontier.array.sched.ThreadPoolScheduler;
import frontier.store.FileStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.codec.BloscCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Min and max over axes along which every chunk has length 1 (a z-projection), where the folds
 * take 2-byte chunks straight from their blosc byte planes: the same values as plain loops over
 * the whole array as read (whose decoding the zarr-python tests check), for both 2-byte dtypes and
 * byte orders, edge chunks, a missing chunk, a chunk of other blosc blocks, codecs that cannot be
 * folded that way, and any number of threads.
 */
class ProjectionOfStoredChunksTest {
    static final long[] SHAPE = {11, 37, 50};
    static final int[] CHUNKS = {1, 16, 24};

    static Map<String, Object> blosc(int shuffle) {
        return Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", shuffle, "blocksize", 0);
    }

    /** Smooth high bytes, noisy low bytes, and the dtype's extremes here and there. */
    static NdArray values(DType t, long seed) {
        Random rnd = new Random(seed);
        NdArray a = NdArray.zeros(t, Math.toIntExact(SHAPE[0]), Math.toIntExact(SHAPE[1]), Math.toIntExact(SHAPE[2]));
        long lo = t == DType.INT16 ? Short.MIN_VALUE : 0, hi = t == DType.INT16 ? Short.MAX_VALUE : 65535;
        for (int i = 0; i < a.size(); i++) {
            long v = lo + ((i / 7) % 256) * 256 + rnd.nextInt(256);
            int r = rnd.nextInt(100);
            if (r == 0) v = lo;
            if (r == 1) v = hi;
            a.setLong(i, v);
        }
        return a;
    }

    /** numpy's a.max(axis=axes) / a.min(...) by plain loops over a 3-d array. */
    static NdArray expected(NdArray a, boolean max, boolean[] reduced) {
        int[] s = a.shape();
        int[] os = new int[3];
        for (int d = 0; d < 3; d++) os[d] = reduced[d] ? 1 : s[d];
        long[] acc = new long[os[0] * os[1] * os[2]];
        java.util.Arrays.fill(acc, max ? Long.MIN_VALUE : Long.MAX_VALUE);
        for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
                for (int k = 0; k < s[2]; k++) {
                    int o = ((reduced[0] ? 0 : i) * os[1] + (reduced[1] ? 0 : j)) * os[2] + (reduced[2] ? 0 : k);
                    long v = a.getLong((i * s[1] + j) * s[2] + k);
                    acc[o] = max ? Math.max(acc[o], v) : Math.min(acc[o], v);
                }
            }
        }
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int d = 0; d < 3; d++) if (!reduced[d]) kept.add(s[d]);
        NdArray r = NdArray.zeros(a.dtype(), kept.stream().mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < acc.length; i++) r.setLong(i, acc[i]);
        return r;
    }

    /** The first 4 z-slices of a. */
    static NdArray z4(NdArray a) {
        int[] s = a.shape();
        NdArray r = NdArray.zeros(a.dtype(), 4, s[1], s[2]);
        for (int i = 0; i < r.size(); i++) r.setLong(i, a.getLong(i));
        return r;
    }

    @Test
    void projectionsEqualPlainLoopsOverTheArray(@TempDir Path dir) throws Exception {
        int n = 0;
        for (DType t : new DType[]{DType.UINT16, DType.INT16}) {
            for (ByteOrder order : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (Map<String, Object> compressor : new Map[]{blosc(1), blosc(0), Map.of("id", "zlib", "level", 1)}) {
                    Path where = dir.resolve("a" + n++);
                    ZarrArray z = Zarr.createArray(new FileStore(where), "", ArrayMetadata.builder(t, SHAPE, CHUNKS)
                            .byteOrder(order).compressor(compressor).fillValue(7).build());
                    z.write(values(t, n));
                    // a chunk of other blosc blocks (256 bytes: the folds' first layout may be either),
                    // and a missing chunk (all fill value)
                    NdArray c = z.readChunk(new long[]{2, 0, 1});
                    byte[] other = new BloscCodec("lz4", 5, BloscCodec.SHUFFLE, 256).encode(c.toBytes(order), 2);
                    if (compressor.get("id").equals("blosc")) Files.write(where.resolve(z.chunkKey(new long[]{2, 0, 1})), other);
                    Files.delete(where.resolve(z.chunkKey(new long[]{3, 1, 0})));
                    NdArray all = z.read();
                    ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(where.toString()));
                    String what = t + " " + order + " " + compressor;
                    for (int threads : new int[]{1, 2, 4}) {
                        ThreadPoolScheduler s = new ThreadPoolScheduler(threads);
                        assertEquals(expected(all, true, new boolean[]{true, false, false}), a.maxProjection(0).compute(s), what + " max over z, " + threads + " threads");
                        assertEquals(expected(all, false, new boolean[]{true, false, false}), a.min(0).compute(s), what + " min over z");
                        assertEquals(expected(all, true, new boolean[]{true, true, false}), a.max(0, 1).compute(s), what + " max over z and y");
                        // fewer z-slices than a merge takes (one fold) besides more (a tree of folds, SHAPE[0] > 8)
                        assertEquals(expected(z4(all), true, new boolean[]{true, false, false}), a.get(ChunkedArray.range(0, 4, 1)).maxProjection(0).compute(s), what + " 4 z-slices");
                    }
                }
            }
        }
    }
}
