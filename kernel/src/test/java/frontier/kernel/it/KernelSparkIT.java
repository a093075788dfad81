package frontier.kernel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * %spark in the installed kernel, driven by jupyter_client (src/test/python/spark_kernel.py): bad
 * masters (malformed, silent) and Spark's jars missing are one-line errors that leave the kernel
 * alive; the kernel loads Spark only when asked, runs compute() on a local cluster with a progress
 * bar following Spark's task events, links Spark's UI in the status, cancels the Spark job when the
 * cell is interrupted, and goes back to threads on stop. Spark comes from what the spark module's
 * package phase prepared in spark/target (the reactor builds it before the kernel).
 */
class KernelSparkIT {
    @TempDir
    Path dir;

    @Test
    void sparkFromTheKernel() throws Exception {
        Peers.requirePython("jupyter_client", "python3-jupyter-client");
        Path dist = Peers.sparkDist();
        Path slowOps = Peers.jarOf(dist.resolve("test-classes"), "frontier/sparktest", dir.resolve("sparktest.jar"));
        Peers.Result r = Peers.python("spark_kernel.py", Peers.target().resolve("it-spark-kernel.log"), 900,
                Map.of("FRONTIER_IPFS_PATH", dir.resolve("kernel-blocks").toString()), dir.toString(), slowOps.toString());
        System.out.println(r.output());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("OK: %spark in the kernel"), r.output());
    }
}
