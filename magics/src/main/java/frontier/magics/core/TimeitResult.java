package frontier.magics.core;

import java.util.List;

/** What %timeit measures: per-loop times of each run, printed as IPython's TimeitResult. */
public final class TimeitResult {
    private final int loops;
    private final int repeat;
    private final List<Double> timings; // seconds per loop, one per run
    private final int precision;

    public TimeitResult(int loops, int repeat, List<Double> runTotals, int precision) {
        this.loops = loops;
        this.repeat = repeat;
        this.timings = runTotals.stream().map(t -> t / loops).toList();
        this.precision = precision;
    }

    public int loops() {
        return loops;
    }

    public int repeat() {
        return repeat;
    }

    /** Seconds per loop of each run. */
    public List<Double> timings() {
        return timings;
    }

    public double average() {
        return timings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Population standard deviation, as IPython computes it. */
    public double stdev() {
        double mean = average();
        return Math.sqrt(timings.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / timings.size());
    }

    public double best() {
        return timings.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double worst() {
        return timings.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    @Override
    public String toString() {
        return TimeFormat.format(average(), precision) + " \u00b1 " + TimeFormat.format(stdev(), precision)
                + " per loop (mean \u00b1 std. dev. of " + repeat + " run" + (repeat == 1 ? "" : "s") + ", "
                + String.format("%,d", loops) + " loop" + (loops == 1 ? "" : "s") + " each)";
    }
}
