package frontier.zarr.tools;

import frontier.array.NdArray;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.util.Arrays;

/**
 * Times reading a whole Zarr array into memory in a warm JVM (bench/zarr-read runs it beside
 * zarr-python). usage: ReadBenchmark STORE ARRAY_PATH [ITERATIONS] [WARMUP]; prints
 * "median=<seconds> min=<seconds> nbytes=<n> sum=<checksum>".
 * <p>
 * Warm means the JIT is done: after WARMUP reads (bench/zarr-read passes 40) it keeps reading
 * while the JIT's finished-compilation time still grows (5 ms or more over the last three reads;
 * at most 150 reads). With 10 warm-up reads the timed reads were still inside compilation on a
 * busy 2-core machine, the JIT's thread alone taking 40-90 ms of CPU per read.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String path = args.length > 1 ? args[1] : "";
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ZarrArray a = Zarr.openArray(store, path);
        long sum = 0;
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        java.util.ArrayDeque<Long> compiled = new java.util.ArrayDeque<>();
        int reads = 0;
        while (reads < 150) {
            sum += checksum(a.read());
            reads++;
            if (!timed) {
                if (reads >= warmup) break;
                continue;
            }
            compiled.addLast(jit.getTotalCompilationTime());
            if (compiled.size() > 4) compiled.removeFirst();
            if (reads >= warmup && compiled.size() == 4 && compiled.getLast() - compiled.getFirst() < 5) break;
        }
        System.err.println("warm-up reads: " + reads);
        double[] t = new double[iterations];
        long nbytes = 0;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            NdArray v = a.read();
            t[i] = (System.nanoTime() - t0) / 1e9;
            nbytes = (long) v.size() * v.dtype().itemSize();
            if (i == 0) sum = checksum(v);
        }
        double cpuPerRead = (os.getProcessCpuTime() - cpu0) / 1e9 / iterations;
        StringBuilder all = new StringBuilder();
        for (double x : t) all.append(all.length() == 0 ? "" : ",").append(String.format("%.6f", x));
        Arrays.sort(t);
        System.out.printf("median=%.6f min=%.6f cpu=%.6f nbytes=%d sum=%d times=%s%n", t[iterations / 2], t[0], cpuPerRead, nbytes, sum, all);
    }

    /** Sum of the elements, so the read cannot be optimised away and both sides can be compared. */
    static long checksum(NdArray v) {
        long s = 0;
        for (int i = 0; i < v.size(); i++) s += v.getLong(i);
        return s;
    }
}
