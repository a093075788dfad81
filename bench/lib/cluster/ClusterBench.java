import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.ipfs.Ipfs;
import frontier.ipfs.AddOptions;
import frontier.spark.ClusterStatus;
import frontier.spark.SparkScheduler;
import frontier.zarr.Zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Times Frontier's Spark scheduler on local-cluster[2,1,1024] (run by bench/cluster):
 *   java OPENS -Dfrontier.ipfs.path=STORE -cp SPARK_CP bench/lib/cluster/ClusterBench.java DIST WARM_DIR mip|mean DIR [mip|mean DIR ...]
 * Every DIR (a Zarr array folder) is added to the kernel's embedded IPFS node (not timed), then read by
 * the executors from ipfs://CID/NAME through their own IPFS nodes: each block fetched over HTTP from the
 * kernel's gateway or from the other executor's, checked against its CID, kept in the executor's block
 * store. One warm-up (mip and mean) on WARM_DIR, then each DIR once, in the order given. Prints one line
 * per timed run, "<what> seconds=<s> result=<checksum or mean>", and '#' lines: start-up, where the blocks
 * came from, and Spark's per-task overhead.
 */
public class ClusterBench {
    public static void main(String[] args) throws Exception {
        String dist = args[0];
        String store = System.getProperty("frontier.ipfs.path");
        long t0 = System.nanoTime();
        SparkScheduler spark = SparkScheduler.start("local-cluster[2,1,1024]", Map.of(
                "dist", dist, "ipfs.kernelStore", store, "ipfs.daemon", "off", "ipfs.gateways", ""));
        System.out.printf("# start-up of local-cluster[2,1,1024] with its IPFS nodes: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            String warm = add(Path.of(args[1]));
            t0 = System.nanoTime();
            run(spark, "mip", warm);
            System.out.printf("# first job (warm-up mip, loading classes on the executors): %.2f s%n", (System.nanoTime() - t0) / 1e9);
            run(spark, "mean", warm);
            List<String[]> jobs = new ArrayList<>();
            for (int i = 2; i < args.length; i += 2) jobs.add(new String[]{args[i], add(Path.of(args[i + 1]))});
            long before = fromEachOther(spark);
            for (String[] j : jobs) {
                long s = System.nanoTime();
                Object result = run(spark, j[0], j[1]);
                System.out.println(j[0] + " seconds=" + (System.nanoTime() - s) / 1e9 + " result=" + result);
            }
            ClusterStatus st = (ClusterStatus) spark.status();
            long fromKernel = st.transfers().stream().filter(t -> t.from().equals("the kernel")).mapToLong(ClusterStatus.Transfer::blocks).sum();
            System.out.println("# blocks the executors fetched in all: " + fromKernel + " from the kernel's node, "
                    + fromEachOther(spark) + " from each other (" + (fromEachOther(spark) - before) + " during the timed runs), "
                    + st.executors().stream().mapToLong(r -> r.counts() == null ? 0 : r.counts().refused()).sum() + " refused");
            overhead(spark);
        } finally {
            spark.close();
        }
    }

    /** Adds an array folder with the tutorial's flags; its location on IPFS. */
    static String add(Path dir) throws Exception {
        AddOptions flags = AddOptions.defaults().recursive().hidden().chunker("size-1000000").rawLeaves(true).cidVersion(1).wrapWithDirectory();
        return "ipfs://" + Ipfs.embedded().add(dir, flags).root() + "/" + dir.getFileName();
    }

    /** Opening the array is part of the work, as da.from_zarr(zarr.open_array(url)) is on the Dask side. */
    static Object run(SparkScheduler spark, String what, String location) throws Exception {
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(location));
        if (what.equals("mip")) {
            NdArray v = a.get(0, 1).maxProjection(0).compute(spark);
            return IntStream.range(0, v.size()).mapToLong(v::getLong).sum();
        }
        return a.mean().compute(spark).getDouble(0);
    }

    static long fromEachOther(SparkScheduler spark) {
        return ((ClusterStatus) spark.status()).transfers().stream().filter(t -> t.from().startsWith("executor ")).mapToLong(ClusterStatus.Transfer::blocks).sum();
    }

    /**
     * Spark's own cost per task: count() over 600 partitions of nothing against 6 (Spark's scheduling,
     * serialization and RPC, no Frontier code); then a compute() of trivial tasks through our scheduler.
     */
    static void overhead(SparkScheduler spark) {
        var jsc = spark.context();
        List<Integer> none = new ArrayList<>();
        for (int i = 0; i < 600; i++) none.add(i);
        double[] small = new double[5], large = new double[5];
        for (int r = 0; r < 5; r++) {
            long s = System.nanoTime();
            jsc.parallelize(none.subList(0, 6), 6).count();
            small[r] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            jsc.parallelize(none, 600).count();
            large[r] = (System.nanoTime() - s) / 1e6;
        }
        double t6 = median(small), t600 = median(large);
        System.out.printf("# spark per-task overhead: %.2f ms per task (count() of 600 empty partitions %.0f ms, of 6 %.0f ms; medians of 5)%n",
                (t600 - t6) / 594, t600, t6);
        ChunkedArray trivial = ChunkedArray.fromArray(NdArray.zeros(DType.INT64, 600), 1).add(1).sum();
        double[] onSpark = new double[5], onThreads = new double[5];
        ThreadPoolScheduler threads = new ThreadPoolScheduler(2);
        for (int r = 0; r < 5; r++) {
            long s = System.nanoTime();
            trivial.compute(spark);
            onSpark[r] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            trivial.compute(threads);
            onThreads[r] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("# a compute() of %d trivial graph tasks (one step: 6 Spark tasks of batched chunks, 3 per core) takes %.0f ms on Spark, %.1f ms on threads (medians of 5)%n",
                trivial.graph().fuseLinearChains().size(), median(onSpark), median(onThreads));
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
