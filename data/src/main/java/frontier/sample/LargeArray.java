package frontier.sample;

import frontier.array.ChunkSource;
import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.sched.Scheduler;
import frontier.store.Stores;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A large synthetic uint16 array for out-of-core work: written chunk by chunk (one write task per
 * chunk on a scheduler, so memory stays a few chunks however large the array), with zarr-python's
 * default compressor (Blosc lz4 + shuffle, as the tutorial's image). Every element is a smooth
 * gradient plus hashed noise, a function of its position only: the same bytes on every run, every
 * chunk different, none all fill value, compressing about as real images do (the high bytes well,
 * the noisy low bytes hardly).
 * <pre>
 * java -cp ... frontier.sample.LargeArray OUT_DIR 64,1024,1024,64 1,256,256,64
 * </pre>
 */
public final class LargeArray {
    private LargeArray() {
    }

    /** Writes the array into dir (created; must not hold a Zarr array yet) on the given scheduler. */
    public static ZarrArray write(Path dir, long[] shape, int[] chunks, Scheduler scheduler) throws IOException {
        Files.createDirectories(dir);
        return Zarr.write(ChunkedArray.fromZarr(new Pattern(shape, chunks)), Stores.directory(dir), "", scheduler);
    }

    /** The value at a position (what every chunk holds there). */
    public static int value(long[] shape, long[] position) {
        long flat = 0;
        for (int i = 0; i < shape.length; i++) flat = flat * shape[i] + position[i];
        long gradient = 0;
        for (int i = 0; i < position.length; i++) gradient += position[i] * (i + 1);
        return value(flat, gradient);
    }

    private static int value(long flat, long gradient) {
        long h = flat * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) ((((gradient >>> 4) & 0xFF) << 8) | (h & 0xFF));
    }

    /** The array's chunks, computed when read (never stored). */
    static final class Pattern implements ChunkSource {
        private final long[] shape;
        private final int[] chunks;

        Pattern(long[] shape, int[] chunks) {
            if (shape.length != chunks.length || shape.length == 0) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks));
            this.shape = shape.clone();
            this.chunks = chunks.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public int[] chunks() {
            return chunks.clone();
        }

        @Override
        public DType dtype() {
            return DType.UINT16;
        }

        @Override
        public NdArray readChunk(long[] chunkIndex) {
            int nd = shape.length;
            NdArray out = NdArray.zeros(DType.UINT16, chunks);
            short[] data = (short[]) out.data();
            int row = chunks[nd - 1];
            long[] origin = new long[nd];
            for (int i = 0; i < nd; i++) origin[i] = chunkIndex[i] * chunks[i];
            int[] pos = new int[nd - 1];
            for (int o = 0; o < data.length; o += row) {
                long flat = 0, gradient = 0;
                boolean inside = true;
                for (int i = 0; i < nd - 1; i++) {
                    long p = origin[i] + pos[i];
                    inside &= p < shape[i];
                    flat = flat * shape[i] + p;
                    gradient += p * (i + 1);
                }
                long x0 = origin[nd - 1];
                flat = flat * shape[nd - 1] + x0;
                gradient += x0 * nd;
                for (int x = 0; x < row && inside && x0 + x < shape[nd - 1]; x++) {
                    data[o + x] = (short) value(flat + x, gradient + (long) x * nd);
                }
                for (int i = nd - 2; i >= 0; i--) {
                    if (++pos[i] < chunks[i]) break;
                    pos[i] = 0;
                }
            }
            return out;
        }

        @Override
        public String chunkKey(long[] chunkIndex) {
            StringBuilder b = new StringBuilder();
            for (long i : chunkIndex) b.append(b.length() == 0 ? "" : ".").append(i);
            return b.toString();
        }

        @Override
        public String location() {
            return null;
        }
    }

    /** Command line: LargeArray OUT_DIR SHAPE CHUNKS (comma lists), e.g. 64,1024,1024,64 1,256,256,64. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LargeArray OUT_DIR SHAPE CHUNKS   (e.g. big.zarr 64,1024,1024,64 1,256,256,64)");
            System.exit(2);
        }
        long[] shape = Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray();
        int[] chunks = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        long t0 = System.nanoTime();
        ZarrArray a = write(Path.of(args[0]), shape, chunks, Scheduler.current());
        System.out.printf("%s %s written in %.1f s%n", Path.of(args[0]).toAbsolutePath(), a, (System.nanoTime() - t0) / 1e9);
    }
}
