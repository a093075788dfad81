import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import frontier.zarr.Zarr;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/**
 * Times frontier.array on a local Zarr array (run by bench/mip and bench/mean):
 *   java -cp ... bench/lib/ArrayBench.java mip|mean ARRAY_DIR RUNS
 * One warm-up run, then RUNS timed runs; prints "seconds=<median>", the peak heap used while
 * computing (sampled every millisecond) and the result, for the script to compare with dask.
 */
public class ArrayBench {
    public static void main(String[] args) throws Exception {
        String what = args[0];
        String dir = args[1];
        int runs = Integer.parseInt(args[2]);
        double[] times = new double[runs];
        Object result = null;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long[] peak = {0};
        for (int r = -1; r < runs; r++) {
            System.gc();
            long base = mem.getHeapMemoryUsage().getUsed();
            boolean[] stop = {false};
            long[] runPeak = {0};
            Thread sampler = new Thread(() -> {
                while (!stop[0]) {
                    runPeak[0] = Math.max(runPeak[0], mem.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long t0 = System.nanoTime();
            // Opening the array is part of the work, as da.from_zarr(zarr.open(...)) is on the dask side.
            ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(dir));
            NdArray v = what.equals("mip") ? a.get(0, 1).maxProjection(0).compute() : a.mean().compute();
            long t1 = System.nanoTime();
            stop[0] = true;
            sampler.join();
            if (r >= 0) {
                times[r] = (t1 - t0) / 1e9;
                peak[0] = Math.max(peak[0], runPeak[0] - base);
            }
            result = what.equals("mip") ? checksum(v) : v.getDouble(0);
        }
        Arrays.sort(times);
        System.out.println("seconds=" + times[runs / 2]);
        System.out.println("peak_heap_mib=" + String.format("%.1f", peak[0] / 1048576.0));
        System.out.println("max_heap_mib=" + Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println("result=" + result);
    }

    /** Sum of the projection's values: compared with dask's to show both computed the same thing. */
    static long checksum(NdArray v) {
        long s = 0;
        for (int i = 0; i < v.size(); i++) s += v.getLong(i);
        return s;
    }
}
