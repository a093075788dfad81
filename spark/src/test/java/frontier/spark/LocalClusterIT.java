package frontier.spark;

import frontier.array.sched.ThreadPoolScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import frontier.array.sched.ComputeException;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import frontier.sparktest.SlowOps;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ChunkedArray operation on Spark's local-cluster[2,1,1024] (two executor JVMs, started once
 * for the class) gives the thread scheduler's bytes; progress follows Spark's task events, an
 * interrupt cancels the job, and a run survives an executor JVM killed in its middle.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    @TempDir
    static Path dir;
    static ArrayCases cases;
    static SparkScheduler spark;

    @BeforeAll
    static void start() throws Exception {
        cases = new ArrayCases(dir);
        long t0 = System.nanoTime();
        spark = SparkScheduler.start("local-cluster[2,1,1024]", Map.of("ipfs.kernelStore", dir.resolve("kernel-blocks").toString(),
                // the test's slow ops for the executors
                "jars", TestJars.of(Path.of("target/test-classes"), "frontier/sparktest", dir.resolve("sparktest.jar")).toString()));
        System.out.printf("local-cluster[2,1,1024] started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
    }

    static Stream<ArrayCases.Case> cases() {
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBytesAsTheThreadScheduler(ArrayCases.Case c) {
        byte[] threads = c.run().apply(new ThreadPoolScheduler(2));
        byte[] onSpark = c.run().apply(spark);
        assertArrayEquals(threads, onSpark, c.name());
    }

    @Test
    @Order(1)
    void twoExecutorJvmsEachWithAnEmbeddedNodeOnLoopback() {
        assertEquals(2, spark.executorCount());
        String status = spark.status().toString();
        long lines = status.lines().filter(l -> l.startsWith("executor ")).count();
        assertEquals(2, lines, status);
        for (String l : status.lines().filter(x -> x.startsWith("executor ")).toList()) {
            assertTrue(l.contains(" 127.0.0.1 ") && l.contains("embedded node, gateway http://127.0.0.1:"), l);
        }
        assertTrue(spark.uiUrl() == null || spark.uiUrl().startsWith("http://127.0.0.1:"), spark.uiUrl());
    }

    @Test
    @Order(1)
    void nothingListensBeyondLoopback() throws Exception {
        String app = spark.context().sc().applicationId();
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains(app)) pids.add(p.pid());
        });
        assertEquals(3, pids.size(), "this JVM (driver, master, workers) and two executors");
        List<String> listening = ListeningSockets.of(pids);
        System.out.println("listening: " + listening);
        // the driver's RPC, block managers, web UIs, master and workers, routing, gateways: many sockets, all on loopback
        assertTrue(listening.size() >= 8, listening.toString());
        for (String s : listening) assertTrue(ListeningSockets.loopback(s), "listens beyond loopback: " + s + " in " + listening);
    }

    /** Records a progress bar's total and every advance. */
    static final class Recorder implements ProgressSink {
        final AtomicLong total = new AtomicLong(), done = new AtomicLong(), calls = new AtomicLong();
        volatile boolean closed;

        @Override
        public Progress start(String label, long t, String unit) {
            total.set(t);
            return new Progress() {
                @Override
                public void advance(long n) {
                    done.addAndGet(n);
                    calls.incrementAndGet();
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    @Test
    @Order(2)
    void progressFollowsSparksTaskEvents() {
        Recorder r = new Recorder();
        try (ProgressSink.Scope scope = ProgressSink.use(r)) {
            cases.u16().maxProjection(0).compute(spark);
        }
        var g = cases.u16().maxProjection(0).graph().fuseLinearChains();
        assertEquals(new frontier.spark.plan.GraphPlanner(g).countedTasks(), r.total.get());
        assertEquals(r.total.get(), r.done.get(), "every task counted once");
        assertTrue(r.calls.get() >= 3, "advanced batch by batch as Spark's tasks ended, " + r.calls.get() + " times");
        assertTrue(r.closed);
    }

    static long activeJobs() {
        return spark.context().statusTracker().getActiveJobIds().length;
    }

    static void awaitRunningTasks() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var st = spark.context().statusTracker();
            for (int stage : st.getActiveStageIds()) {
                var info = st.getStageInfo(stage);
                if (info != null && info.numActiveTasks() > 0) return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no task started within 60 s");
    }

    @Test
    @Order(3)
    void interruptingTheCallerCancelsTheSparkJob() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                spark.run(SlowOps.graph(48, 2000));
            } catch (Throwable t) {
                thrown.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        awaitRunningTasks();
        caller.interrupt();
        caller.join(60_000);
        assertTrue(!caller.isAlive(), "the run returned after the interrupt");
        assertTrue(thrown.get() instanceof ComputeException && thrown.get().getMessage().contains("interrupted"), String.valueOf(thrown.get()));
        assertTrue(flag.get(), "the caller's interrupt flag is set again");
        for (int i = 0; i < 300 && activeJobs() > 0; i++) Thread.sleep(100);
        assertEquals(0, activeJobs(), "the Spark job was cancelled");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anExecutorKilledMidJobIsReplacedAndTheResultIsStillEqual() throws Exception {
        var graph = SlowOps.graph(24, 700);
        Object expected = new ThreadPoolScheduler(4).run(graph);
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                result.set(spark.run(graph));
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        caller.start();
        awaitRunningTasks();
        String app = spark.context().sc().applicationId();
        List<ProcessHandle> executors = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains(app)) executors.add(p);
        });
        assertEquals(2, executors.size(), "two executor JVMs of " + app);
        assertTrue(executors.get(0).destroyForcibly(), "killed " + executors.get(0).pid());
        caller.join(300_000);
        assertTrue(failed.get() == null, "the run survived: " + failed.get());
        assertEquals(expected, result.get());
        String status = spark.status().toString();
        System.out.println("after killing an executor:\n" + status);
        assertTrue(status.contains("(lost"), status);
    }
}
