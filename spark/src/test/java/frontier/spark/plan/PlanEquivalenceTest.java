package frontier.spark.plan;

import frontier.array.ChunkedArray;
import frontier.array.graph.TaskGraph;
import frontier.array.sched.ComputeException;
import frontier.array.sched.Scheduler;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.progress.Progress;
import frontier.spark.ArrayCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan a cluster runs (batches serialized and run apart, the driver finishing the rest) gives
 * the thread scheduler's bytes for every ChunkedArray operation. Batches run here, in this
 * process, each from its own serialized copy: the Spark tests run the same plans on executors.
 */
class PlanEquivalenceTest {
    @TempDir
    static Path dir;
    static ArrayCases cases;

    /** Runs plans with batches serialized and run one by one in this process. */
    static final class InProcess implements Scheduler {
        final int partitions;
        final List<Integer> batchesPerStep = new ArrayList<>();

        InProcess(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public Object run(TaskGraph graph) {
            try {
                return PlanRunner.run(new GraphPlanner(graph), partitions, batches -> {
                    batchesPerStep.add(batches.size());
                    List<BatchResult> out = new ArrayList<>();
                    for (Batch b : batches) {
                        byte[] back = BatchRunner.run(Serial.toBytes(b));
                        out.add((BatchResult) Serial.fromBytes(back, getClass().getClassLoader()));
                    }
                    return out;
                }, Progress.NONE);
            } catch (InterruptedException e) {
                throw new ComputeException("interrupted", e);
            }
        }
    }

    @BeforeAll
    static void arrays() throws Exception {
        cases = new ArrayCases(dir);
    }

    static Stream<ArrayCases.Case> cases() {
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBytesAsTheThreadScheduler(ArrayCases.Case c) {
        byte[] threads = c.run().apply(new ThreadPoolScheduler(2));
        for (int partitions : new int[]{1, 3, 6, 40}) {
            assertArrayEquals(threads, c.run().apply(new InProcess(partitions)), c.name() + " with " + partitions + " partitions");
        }
    }

    @Test
    void aProjectionReadsReducesAndCombinesInBatchesAndTheDriverOnlyJoinsThem() throws Exception {
        ChunkedArray mip = cases.u16().maxProjection(0);
        TaskGraph g = mip.graph().fuseLinearChains();
        GraphPlanner planner = new GraphPlanner(g);
        Round first = planner.next(java.util.Set.of(), java.util.Map.of(), 3);
        assertTrue(!first.onDriver(), "the first step reads chunks on the cluster");
        int chunkReads = 0;
        for (Batch b : first.batches()) {
            for (var t : b.tasks()) if (t.op().name().contains("read ")) chunkReads++;
            assertTrue(b.inputs().isEmpty(), "nothing is shipped into the first step");
        }
        assertEquals((int) cases.u16().numChunks(), chunkReads, "every chunk is read once, inside a batch");
        assertEquals(3, first.batches().size());
        for (Batch b : first.batches()) {
            assertTrue(b.outputs().stream().allMatch(k -> k.layer().startsWith("max")), "a batch returns reduced blocks, not chunks: " + b.outputs());
        }
        Round second = planner.next(doneAfter(first), resultsOf(first), 3);
        assertTrue(second == null || second.onDriver(), "the driver joins the batches' results");
    }

    @Test
    void aFullReductionIsCutIntoBatchesOfAlmostEqualSize() {
        // 472 chunks in 6 batches: the tree's 64-chunk subtrees, packed whole, made batches of
        // 128, 64, 64, 64, 128 and 24 chunks; a step lasts as long as its largest batch
        ChunkedArray mean = ChunkedArray.fromArray(frontier.array.NdArray.zeros(frontier.array.DType.UINT16, 472, 3), 1, 3).mean();
        Round first = new GraphPlanner(mean.graph().fuseLinearChains()).next(java.util.Set.of(), java.util.Map.of(), 6);
        List<Integer> chunks = new ArrayList<>();
        for (Batch b : first.batches()) chunks.add((int) b.tasks().stream().filter(t -> t.key().layer().endsWith("-partial")).count());
        assertEquals(6, chunks.size(), chunks.toString());
        assertEquals(472, chunks.stream().mapToInt(Integer::intValue).sum(), chunks.toString());
        int most = chunks.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = chunks.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(most <= 80 && most - least <= 8, "chunks per batch: " + chunks);
    }

    private static java.util.Set<frontier.array.graph.TaskKey> doneAfter(Round r) {
        java.util.Set<frontier.array.graph.TaskKey> done = new java.util.HashSet<>();
        for (Batch b : r.batches()) for (var t : b.tasks()) if (!t.op().getClass().getSimpleName().equals("OpenSource")) done.add(t.key());
        return done;
    }

    private static java.util.Map<frontier.array.graph.TaskKey, Object> resultsOf(Round r) throws InterruptedException {
        java.util.Map<frontier.array.graph.TaskKey, Object> m = new java.util.HashMap<>();
        for (Batch b : r.batches()) m.putAll(BatchRunner.run(b).results());
        return m;
    }

    @Test
    void aFailingTaskIsNamedWithItsExecutor() {
        var bad = ChunkedArray.fromArray(frontier.array.NdArray.zeros(frontier.array.DType.UINT8, 4, 0), 2, 1).min();
        ComputeException e = assertThrows(ComputeException.class, () -> bad.compute(new InProcess(2)));
        assertTrue(e.getMessage().contains("zero-size array to reduction operation min"), e.getMessage());
    }

    @Test
    void progressCountsEachTaskOfTheGraphOnce() throws Exception {
        ChunkedArray x = cases.u16().sub(cases.u16().mean()).std(1);
        TaskGraph g = x.graph().fuseLinearChains();
        AtomicInteger advanced = new AtomicInteger();
        Progress p = new Progress() {
            @Override
            public void advance(long n) {
                advanced.addAndGet((int) n);
            }

            @Override
            public void close() {
            }
        };
        PlanRunner.run(new GraphPlanner(g), 4, batches -> {
            List<BatchResult> out = new ArrayList<>();
            for (Batch b : batches) {
                p.advance(b.counted());
                out.add(BatchRunner.run(b));
            }
            return out;
        }, p);
        assertEquals(new GraphPlanner(g).countedTasks(), advanced.get());
    }
}
