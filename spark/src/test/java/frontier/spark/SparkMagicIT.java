package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.sched.ClusterScheduler;
import frontier.array.sched.Scheduler;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.progress.ProgressSink;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code %spark} as a notebook runs it: Spark loaded from what the build prepared (spark/target),
 * in a class loader that shares only frontier.* with the host, bad masters and missing jars turned
 * into one-line errors, local and local-cluster masters running compute(), then back to threads.
 */
class SparkMagicIT {
    @TempDir
    static Path dir;
    static MagicRegistry magics;

    /** The notebook as the magic sees it: streams, no progress display, no JShell. */
    static final class Notebook implements MagicContext {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Object> shown = new ArrayList<>();

        @Override
        public Path cwd() {
            return dir;
        }

        @Override
        public PrintStream out() {
            return new PrintStream(out, true);
        }

        @Override
        public PrintStream err() {
            return new PrintStream(out, true);
        }

        @Override
        public ProgressSink progress() {
            return ProgressSink.NONE;
        }

        @Override
        public void display(Object value) {
            shown.add(value);
        }

        @Override
        public boolean isNotebook() {
            return true;
        }
    }

    static Object spark(String args) {
        return magics.runLine("spark", args, new Notebook());
    }

    @BeforeAll
    static void load() {
        magics = MagicRegistry.load();
        assertTrue(magics.contains("spark"), magics.listing());
        System.setProperty("frontier.ipfs.path", dir.resolve("kernel-blocks").toString());
    }

    @AfterAll
    static void back() {
        if (Scheduler.current() instanceof ClusterScheduler c) c.close();
        frontier.array.sched.SchedulerContext.current().use(null);
        System.clearProperty("frontier.ipfs.path");
    }

    @Test
    void malformedMastersAreRefusedWithTheFormsThatWork() {
        for (String bad : List.of("yarn", "local-cluster[2,1]", "spark://nohost", "local[0]", "mesos://x:5050", "local-cluster[1,1,100]")) {
            MagicException e = assertThrows(MagicException.class, () -> spark(bad), bad);
            assertTrue(e.getMessage().startsWith("%spark: ") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("local-cluster[WORKERS,CORES,MB]"), e.getMessage());
        }
        assertTrue(Scheduler.current() instanceof ThreadPoolScheduler, "still on threads");
    }

    @Test
    void aMasterThatDoesNotAnswerIsAnErrorWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        MagicException e = assertThrows(MagicException.class, () -> spark("spark://127.0.0.1:" + port));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("a master that does not answer: error after %.1f s: %s%n", secs, e.getMessage());
        assertTrue(e.getMessage().contains("no Spark master answers at spark://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("bin/spark-cluster start"), e.getMessage());
        // the probe answers, not the 30 s wait for executors
        assertTrue(secs < 25, "took " + secs + " s");
    }

    @Test
    void sparksJarsMissingOfflineSayHowToGetThem() throws Exception {
        Path fake = dir.resolve("fake-dist");
        Files.createDirectories(fake.resolve("spark-home/jars"));
        Files.write(fake.resolve("frontier-spark-0.1.0-SNAPSHOT.jar"), new byte[0]);
        Files.createSymbolicLink(fake.resolve("spark-home/jars/spark-core_2.13-4.0.1.jar"),
                dir.resolve("m2/repository/org/apache/spark/spark-core_2.13/4.0.1/spark-core_2.13-4.0.1.jar"));
        String before = System.getProperty("frontier.spark.dist");
        System.setProperty("frontier.spark.dist", fake.toString());
        try {
            MagicException e = assertThrows(MagicException.class, () -> spark("local[2]"));
            assertTrue(e.getMessage().contains("Spark's jars are not in the local Maven repository"), e.getMessage());
            assertTrue(e.getMessage().contains("spark-core_2.13-4.0.1.jar") && e.getMessage().contains("./setup.sh"), e.getMessage());
        } finally {
            System.setProperty("frontier.spark.dist", before);
        }
    }

    @Test
    void localThenLocalClusterThenBackToThreads() throws Exception {
        assertTrue(spark("status").toString().contains("Spark is not running"));
        String local = spark("local[2]").toString();
        assertTrue(local.startsWith("spark local[2]") && local.contains("executor driver"), local);
        Scheduler s = Scheduler.current();
        assertTrue(s instanceof ClusterScheduler, String.valueOf(s));
        assertNotSame(SparkScheduler.class, s.getClass(), "Spark runs in its own class loader, not the host's");
        ArrayCases cases = new ArrayCases(dir.resolve("local"));
        ChunkedArray mip = cases.u16().maxProjection(0);
        assertArrayEquals(ArrayCases.bytes(mip.compute(new ThreadPoolScheduler(2))), ArrayCases.bytes(mip.compute()));

        String location = IpfsFixture.add(IpfsFixture.planes(11), dir, "magic", dir.resolve("kernel-blocks"));
        String cluster = spark("local-cluster[2,1,1024]").toString();
        System.out.println(cluster);
        assertEquals(2, cluster.lines().filter(l -> l.startsWith("executor ")).count(), cluster);
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(location));
        for (ChunkedArray x : List.of(a.get(1).maxProjection(0), a.mean(), mip)) {
            assertArrayEquals(ArrayCases.bytes(x.compute(new ThreadPoolScheduler(2))), ArrayCases.bytes(x.compute()));
        }
        Object status = spark("status");
        String text = status.toString();
        System.out.println(text);
        for (String l : text.lines().filter(x -> x.startsWith("executor ")).toList()) {
            assertTrue(l.matches("executor \\d+  127\\.0\\.0\\.1  pid \\d+  embedded node, gateway http://127\\.0\\.0\\.1:\\d+  holds [1-9]\\d* blocks, served \\d+, "
                    + "fetched \\d+ from peers and 0 from gateways"), l);
        }
        String html = (String) ((frontier.display.Displayable) status).mimeBundle().get("text/html");
        assertTrue(html.contains("<a href=\"http://127.0.0.1:") && html.contains("Spark UI"), html);

        String stopped = spark("stop").toString();
        assertTrue(stopped.contains("compute() runs on threads again"), stopped);
        assertTrue(Scheduler.current() instanceof ThreadPoolScheduler);
        assertArrayEquals(ArrayCases.bytes(mip.compute(new ThreadPoolScheduler(2))), ArrayCases.bytes(mip.compute()));
    }
}
