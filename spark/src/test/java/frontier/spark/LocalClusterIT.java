package frontier.spark;

import frontier.array.sched.ThreadPoolScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ChunkedArray operation on Spark's local-cluster[2,1,1024] (two executor JVMs, started once
 * for the class) gives the thread scheduler's bytes.
 */
class LocalClusterIT {
    @TempDir
    static Path dir;
    static ArrayCases cases;
    static SparkScheduler spark;

    @BeforeAll
    static void start() throws Exception {
        cases = new ArrayCases(dir);
        long t0 = System.nanoTime();
        spark = SparkScheduler.start("local-cluster[2,1,1024]", Map.of("ipfs.kernelStore", dir.resolve("kernel-blocks").toString()));
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
}
