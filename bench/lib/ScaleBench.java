import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import frontier.zarr.Zarr;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * One side of bench/scale: java -Xmx1g -cp CLASSES:... ScaleBench mip|mean ARRAY_DIR (bench/scale compiles it once)
 * Computes the z-projection (max over axis 0) or the mean of a large Zarr array with the default
 * thread scheduler, once, and prints seconds=, the result (the projection's sum and the sha256 of its
 * little-endian bytes, or the mean), this process's CPU time (all threads, start-up included) and its peak resident memory (VmHWM) in MiB.
 */
public class ScaleBench {
    public static void main(String[] args) throws Exception {
        String what = args[0];
        long t0 = System.nanoTime();
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(args[1]));
        NdArray v = what.equals("mip") ? a.maxProjection(0).compute() : a.mean().compute();
        long t1 = System.nanoTime();
        System.out.println("seconds=" + (t1 - t0) / 1e9);
        System.out.println("cpu_seconds=" + ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        if (what.equals("mip")) {
            long sum = 0;
            for (int i = 0; i < v.size(); i++) sum += v.getLong(i);
            String sha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.toBytes(ByteOrder.LITTLE_ENDIAN)));
            System.out.println("result=" + sum + " " + sha);
        } else {
            System.out.println("result=" + v.getDouble(0));
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) System.out.println("rss_mib=" + Long.parseLong(line.replaceAll("\\D", "")) / 1024);
        }
        System.out.println("max_heap_mib=" + Runtime.getRuntime().maxMemory() / 1048576);
    }
}
