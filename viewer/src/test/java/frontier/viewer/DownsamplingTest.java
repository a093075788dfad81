package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.DType;
import frontier.array.NdArray;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class DownsamplingTest {

    @Test
    void factorIsTheSmallestThatFitsTheBudget() {
        assertArrayEquals(new int[]{1, 1, 1}, DownsamplePlan.factors(2, 64, 64, 64, 8L << 20));
        // 2 x 236 x 275 x 271 = 35 MB: f=2 gives 2*118*138*136 = 4.4 MB, f=1 does not fit
        assertArrayEquals(new int[]{2, 2, 2}, DownsamplePlan.factors(2, 236, 275, 271, 8L << 20));
        for (long budget : new long[]{1, 7, 1000, 123457, 8L << 20}) {
            int[] f = DownsamplePlan.factors(3, 500, 300, 700, budget);
            long fits = DownsamplePlan.voxels(3, 500, 300, 700, f[0]);
            assertTrue(fits <= Math.max(budget, 3), "budget " + budget + " factor " + f[0]);
            if (f[0] > 1) assertTrue(DownsamplePlan.voxels(3, 500, 300, 700, f[0] - 1) > budget, "not the smallest factor for " + budget);
        }
        // no side beyond the 3D texture limit even when the budget would allow it
        assertEquals(3, DownsamplePlan.factors(1, 1, 1, 5000, 1L << 40)[2]);
    }

    /** 4 x 4 x 4 with value = flat index; mean of 2x2x2 blocks computed by hand. */
    @Test
    void meanPoolingAveragesBlocksAndShortEdges() {
        NdArray a = NdArray.zeros(DType.FLOAT64, 3, 4, 5);
        for (int i = 0; i < a.size(); i++) a.setDouble(i, i);
        Volume v = new VolumeReader(new NdArrayChunkSource(a), Layout.byRank(new long[]{3, 4, 5})).read(new int[]{2, 2, 2}, Pooling.MEAN, 0);
        assertEquals(2, v.nz);
        assertEquals(2, v.ny);
        assertEquals(3, v.nx);
        // block (0,0,0): z 0-1, y 0-1, x 0-1 -> indices z*20 + y*5 + x
        double b000 = (0 + 1 + 5 + 6 + 20 + 21 + 25 + 26) / 8.0;
        assertEquals(b000, v.data[0][0], 1e-4);
        // far edge block (1,1,2): z 2, y 2-3, x 4 -> 54, 59
        assertEquals((54 + 59) / 2.0, v.data[0][(1 * 2 + 1) * 3 + 2], 1e-4);
    }

    @Test
    void strideKeepsEveryFthVoxel() {
        NdArray a = NdArray.zeros(DType.INT32, 5, 5, 5);
        for (int i = 0; i < a.size(); i++) a.setDouble(i, i);
        Volume v = new VolumeReader(new NdArrayChunkSource(a), Layout.byRank(new long[]{5, 5, 5})).read(new int[]{2, 2, 2}, Pooling.STRIDE, 0);
        assertEquals(3, v.nz);
        assertEquals(a.getDoubleAt(4, 2, 4), v.data[0][(2 * 3 + 1) * 3 + 2], 0);
        assertEquals(a.getDoubleAt(2, 4, 0), v.data[0][(1 * 3 + 2) * 3], 0);
    }

    @Test
    void nanIsIgnoredByTheMean() {
        NdArray a = NdArray.wrap(DType.FLOAT32, new float[]{1, Float.NaN, 3, 5, Float.NaN, Float.NaN, Float.NaN, Float.NaN}, 1, 2, 4);
        Volume v = new VolumeReader(new NdArrayChunkSource(a), Layout.byRank(new long[]{1, 2, 4})).read(new int[]{1, 2, 2}, Pooling.MEAN, 0);
        assertEquals(1.0, v.data[0][0], 1e-6);      // block x 0-1: 1 and three NaN
        assertEquals(4.0, v.data[0][1], 1e-6);      // block x 2-3: 3, 5 and two NaN
    }

    /** A chunk source generated on the fly: value = z + y + x. Counts chunk reads. */
    static final class Generated implements ChunkSource {
        final long n;
        final int chunk;
        final AtomicLong reads = new AtomicLong();

        Generated(long n, int chunk) {
            this.n = n;
            this.chunk = chunk;
        }

        public long[] shape() { return new long[]{n, n, n}; }
        public int[] chunks() { return new int[]{chunk, chunk, chunk}; }
        public DType dtype() { return DType.UINT16; }
        public String chunkKey(long[] c) { return c[0] + "." + c[1] + "." + c[2]; }
        public String location() { return "generated://" + n; }

        public NdArray readChunk(long[] c) {
            reads.incrementAndGet();
            NdArray a = NdArray.zeros(DType.UINT16, chunk, chunk, chunk);
            int i = 0;
            for (int z = 0; z < chunk; z++)
                for (int y = 0; y < chunk; y++)
                    for (int x = 0; x < chunk; x++)
                        a.setDouble(i++, (c[0] * chunk + z) + (c[1] * chunk + y) + (c[2] * chunk + x));
            return a;
        }
    }

    @Test
    void chunkedReadMatchesInMemoryRead() {
        Generated g = new Generated(20, 6);                  // edge chunks stick out past 20
        NdArray whole = NdArray.zeros(DType.UINT16, 20, 20, 20);
        for (int z = 0; z < 20; z++) for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) whole.setDouble(whole.flatIndex(z, y, x), z + y + x);
        for (Pooling p : Pooling.values()) {
            Volume a = new VolumeReader(g, Layout.byRank(g.shape())).read(new int[]{3, 3, 3}, p, 0);
            Volume b = new VolumeReader(new NdArrayChunkSource(whole), Layout.byRank(g.shape())).read(new int[]{3, 3, 3}, p, 0);
            assertArrayEquals(b.data[0], a.data[0], 1e-3f, p.name());
        }
    }

    @Test
    void hugeVolumeIsReducedWithBoundedMemoryAndStrideSkipsChunks() {
        Generated g = new Generated(512, 8);                 // 134 M voxels, never held at once
        VolumeView v = View.view(g, new ViewOptions().budgetBytes(64_000).pooling(Pooling.STRIDE).embedBundle(false));
        assertNotNull(v.png(), v.text());
        assertTrue(v.text().contains("downsampled by (z 13, y 13, x 13) with stride pooling"), v.text());
        long all = 64L * 64 * 64;
        assertTrue(g.reads.get() < all / 2, "read " + g.reads.get() + " of " + all + " chunks");
    }
}
