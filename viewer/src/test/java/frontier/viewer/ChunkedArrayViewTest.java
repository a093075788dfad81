package frontier.viewer;

import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** view() of the array helper's lazy ChunkedArray: sliced with a step, then computed. */
class ChunkedArrayViewTest {

    @Test
    void smallLazyArrayIsComputedWhole() {
        NdArray a = Volumes.balls(8, 8, 8, 2, 100, new int[]{4, 4, 4});
        VolumeView v = View.view(ChunkedArray.fromArray(a, 1, 4, 4, 4), new ViewOptions().embedBundle(false));
        assertTrue(v.text().contains("lazy uint16 chunked array (1, 8, 8, 8) (computed)"), v.text());
        assertTrue(v.text().contains("shown as (c 1, z 8, y 8, x 8)"), v.text());
    }

    @Test
    void bigLazyArrayIsSlicedWithAStepBeforeComputing() {
        NdArray a = Volumes.balls(40, 40, 40, 6, 100, new int[]{20, 10, 30});
        ChunkedArray lazy = ChunkedArray.fromArray(a, 1, 8, 8, 8);
        VolumeView v = View.view(lazy, new ViewOptions().budgetBytes(10_000).embedBundle(false));
        // 40^3 over 10,000 bytes: step 2 gives 20^3 = 8,000
        assertTrue(v.text().contains("sliced with step (z 2, y 2, x 2) before computing"), v.text());
        assertTrue(v.text().contains("shown as (c 1, z 20, y 20, x 20)"), v.text());
        assertNotNull(v.png());
    }

    @Test
    void lazyTimeSeriesShowsTheChosenTimePoint() {
        NdArray a = NdArray.zeros(frontier.array.DType.UINT8, 3, 1, 4, 4, 4);
        a.setDouble(a.flatIndex(1, 0, 2, 2, 2), 9);
        VolumeView v = View.view(ChunkedArray.fromArray(a), new ViewOptions().t(1).embedBundle(false));
        assertTrue(v.text().contains("t=1 of 3"), v.text());
        assertFalse(v.text().contains("constant"), "t=1 holds a bright voxel: " + v.text());
    }
}
