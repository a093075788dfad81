package frontier.spark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * %spark in the real kernel, driven by jupyter_client (src/test/python/spark_kernel.py): the kernel
 * jar loads Spark only now, runs compute() on a local cluster with a progress bar, and an interrupt
 * cancels the Spark job. Needs the kernel jar of this build (the reactor builds the kernel before
 * this module; with -pl spark -am it is not built and the test says so).
 */
class KernelSparkIT {
    @TempDir
    Path dir;

    @Test
    void sparkFromTheKernel() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean client = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import jupyter_client").start().waitFor() == 0;
        if (!client) System.err.println("SKIPPED: needs /usr/bin/python3 with jupyter_client (Debian python3-jupyter-client)");
        Assumptions.assumeTrue(client, "needs Debian python3-jupyter-client");
        Path kernelTarget = Path.of("../kernel/target").toAbsolutePath().normalize();
        Path jar = null;
        if (Files.isDirectory(kernelTarget)) {
            try (Stream<Path> s = Files.list(kernelTarget)) {
                jar = s.filter(p -> p.getFileName().toString().matches("frontier-kernel-[^-]+(-SNAPSHOT)?\\.jar")).findFirst().orElse(null);
            }
        }
        if (jar == null) System.err.println("SKIPPED: no kernel jar in " + kernelTarget + " (build the whole reactor: mvn verify)");
        Assumptions.assumeTrue(jar != null, "needs the kernel jar of this build");
        Path slow = TestJars.of(Path.of("target/test-classes"), "frontier/sparktest", dir.resolve("sparktest.jar"));
        Path log = Path.of("target/it-spark-kernel.log").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(python.toString(), Path.of("src/test/python/spark_kernel.py").toAbsolutePath().toString(),
                jar.toString(), dir.toString(), slow.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("FRONTIER_SPARK_DIST", Path.of("target").toAbsolutePath().toString());
        pb.environment().put("FRONTIER_IPFS_PATH", dir.resolve("kernel-blocks").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        boolean done = p.waitFor(900, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(done, "timed out:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK: %spark in the kernel"), out);
    }
}
