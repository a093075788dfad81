package frontier.zarr.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Micro benchmark (a main, not a test): decodes every chunk file of a Zarr array directory with
 * BloscCodec on N threads, repeatedly, and prints the best throughput in MB/s of decoded bytes.
 * Compare with src/test/python/blosc_speed.py on the same directory.
 * <pre>java -cp data/target/classes:data/target/test-classes:AIRCOMPRESSOR_JAR frontier.zarr.codec.BloscDecodeBench DIR [threads] [rounds]</pre>
 */
public final class BloscDecodeBench {
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<byte[]> chunks = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                chunks.add(Files.readAllBytes(p));
            }
        }
        long raw = 0;
        long enc = 0;
        for (byte[] c : chunks) {
            raw += BloscCodec.decodeFrame(c).length;
            enc += c.length;
        }
        if (threads == 1) {
            // CPU time of this thread: robust when other processes share the cores
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            double bestCpu = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (byte[] c : chunks) {
                    BloscCodec.decodeFrame(c);
                }
                bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            System.out.printf("java BloscCodec: 1 thread CPU time: best %.1f ms = %.0f MB/s%n", bestCpu * 1e3, raw / 1e6 / bestCpu);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<Future<Long>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                fs.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = first; i < chunks.size(); i += threads) {
                        sum += BloscCodec.decodeFrame(chunks.get(i)).length;
                    }
                    return sum;
                }));
            }
            long total = 0;
            for (Future<Long> f : fs) {
                total += f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (total != raw) {
                throw new AssertionError("decoded " + total + " bytes, expected " + raw);
            }
            best = Math.min(best, secs);
        }
        pool.shutdown();
        System.out.printf("java BloscCodec: %d chunks, %.1f MB raw (%.1f MB encoded), %d thread(s): best %.1f ms = %.0f MB/s%n",
                chunks.size(), raw / 1e6, enc / 1e6, threads, best * 1e3, raw / 1e6 / best);
    }
}
