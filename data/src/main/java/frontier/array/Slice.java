package frontier.array;

/**
 * A Python-style slice {@code start:stop:step} for {@link ChunkedArray#get}; null start/stop
 * mean "from the beginning/to the end" in the step's direction; negative values count from the end.
 */
public final class Slice {
    final Integer start;
    final Integer stop;
    final int step;

    Slice(Integer start, Integer stop, int step) {
        if (step == 0) throw new IllegalArgumentException("slice step cannot be zero");
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /** Python's slice.indices(n): [start, step, count] for an axis of length n. */
    int[] indices(int n) {
        int s, e;
        if (step > 0) {
            s = start == null ? 0 : clamp(start < 0 ? start + n : start, 0, n);
            e = stop == null ? n : clamp(stop < 0 ? stop + n : stop, 0, n);
        } else {
            s = start == null ? n - 1 : clamp(start < 0 ? start + n : start, -1, n - 1);
            e = stop == null ? -1 : clamp(stop < 0 ? stop + n : stop, -1, n - 1);
        }
        int count;
        if (step > 0) count = e > s ? (e - s + step - 1) / step : 0;
        else count = s > e ? (s - e - step - 1) / -step : 0;
        return new int[]{s, step, count};
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == 1 ? "" : ":" + step);
    }
}
