package frontier.array;

import frontier.array.sched.Scheduler;
import frontier.sample.LargeArray;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory bound at small scale: a JVM with a 64 MB heap computes the z-projection and the mean
 * of a 256 MiB uint16 Zarr array (four times its heap), and zarr-python with numpy (Debian
 * python3-zarr, python3-numpy under /usr/bin/python3) reads the same array and gets the same values.
 */
class OutOfCoreTest {
    static final long[] SHAPE = {16, 1024, 1024, 8};
    static final int[] CHUNKS = {1, 256, 256, 8};
    static final int HEAP_MIB = 64;

    @Test
    void aTinyHeapReducesAnArrayFourTimesItsSize(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(DaskOracle.pythonHasDask(), "needs /usr/bin/python3 with Debian python3-zarr python3-numpy");
        Path array = dir.resolve("large.zarr");
        LargeArray.write(array, SHAPE, CHUNKS, Scheduler.current());
        long bytes = 2;
        for (long s : SHAPE) bytes *= s;
        assertTrue(bytes >= 4L * HEAP_MIB << 20, "the array is " + bytes + " bytes");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> ours = run(List.of(java, "-Xmx" + HEAP_MIB + "m", "-cp", System.getProperty("java.class.path"),
                Reduce.class.getName(), array.toString()));
        Map<String, String> numpy = run(List.of("/usr/bin/python3", "-c", String.join("\n",
                "import hashlib, sys, numpy, zarr",
                "a = zarr.open(sys.argv[1], mode='r')[...]",
                "m = a.max(axis=0)",
                "print('mip_sum=%d' % int(m.sum(dtype=numpy.int64)))",
                "print('mip_sha256=' + hashlib.sha256(m.astype('<u2').tobytes()).hexdigest())",
                "print('mean=%r' % (int(a.sum(dtype=numpy.int64)) / a.size))"), array.toString()));

        assertTrue(Long.parseLong(ours.get("max_heap_mib")) <= HEAP_MIB, "the forked JVM's heap: " + ours);
        assertEquals(numpy.get("mip_sha256"), ours.get("mip_sha256"), "z-projection bytes");
        assertEquals(numpy.get("mip_sum"), ours.get("mip_sum"), "z-projection sum");
        assertEquals(Double.parseDouble(numpy.get("mean")), Double.parseDouble(ours.get("mean")), "mean");
    }

    /** Runs a process to its end and returns its key=value lines; fails with its output when it fails. */
    static Map<String, String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " failed:\n" + out);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return values;
    }

    /** The forked side: java -Xmx64m ... OutOfCoreTest$Reduce ARRAY_DIR, on the default thread scheduler. */
    public static final class Reduce {
        public static void main(String[] args) throws Exception {
            ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(args[0]));
            NdArray m = a.maxProjection(0).compute();
            long sum = 0;
            for (int i = 0; i < m.size(); i++) sum += m.getLong(i);
            System.out.println("max_heap_mib=" + Runtime.getRuntime().maxMemory() / (1 << 20));
            System.out.println("mip_sum=" + sum);
            System.out.println("mip_sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(m.toBytes(ByteOrder.LITTLE_ENDIAN))));
            System.out.println("mean=" + a.mean().compute().getDouble(0));
        }
    }
}
