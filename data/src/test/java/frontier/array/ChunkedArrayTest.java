package frontier.array;

import frontier.array.graph.FusedOp;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.ops.ReadChunk;
import frontier.array.sched.ComputeException;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Laziness, reads per chunk, failures, cancellation, progress and the graph's serializability. */
class ChunkedArrayTest {
    static NdArray ramp(int... shape) {
        NdArray a = NdArray.zeros(DType.UINT16, shape);
        for (int i = 0; i < a.size(); i++) a.setLong(i, i % 60000);
        return a;
    }

    @AfterEach
    void noComputeThreadLeft() throws InterruptedException {
        for (int i = 0; i < 50 && computeThreads() > 0; i++) Thread.sleep(10);
        assertEquals(0, computeThreads(), "compute threads left running");
    }

    static long computeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("frontier-compute-") && t.isAlive()).count();
    }

    @Test
    void nothingIsReadBeforeComputeAndASliceReadsOnlyItsChunksOnce() {
        ArraySource src = new ArraySource(ramp(1, 2, 6, 10, 9), 1, 1, 1, 10, 9);
        ChunkedArray a = ChunkedArray.fromZarr(src);
        ChunkedArray s = a.get(0, 1, ChunkedArray.ALL, ChunkedArray.ALL, ChunkedArray.ALL);
        ChunkedArray m = s.maxProjection(0).add(1).mean();
        assertEquals(0, src.reads.size(), "read before compute");
        assertEquals("frontier.array<shape=(6, 10, 9), dtype=uint16, chunksize=(1, 10, 9)>", s.toString());
        NdArray v = s.compute();
        assertEquals(6, src.reads.size());
        src.reads.forEach((k, n) -> {
            assertTrue(k.startsWith("0.1."), k);
            assertEquals(1, n, "chunk " + k + " read more than once");
        });
        assertEquals(ramp(1, 2, 6, 10, 9).getLong(540 + 5), v.getLong(5));
        src.reads.clear();
        NdArray mean = m.compute();
        assertEquals(0, mean.ndim());
        assertEquals(DType.FLOAT64, mean.dtype());
        assertEquals(6, src.reads.size());
    }

    @Test
    void aFailingChunkNamesItsKeyAndCancelsTheRest() {
        ArraySource src = new ArraySource(ramp(1, 2, 40, 10, 9), 1, 1, 1, 10, 9);
        src.failOn = "0.1.3.0.0";
        ChunkedArray a = ChunkedArray.fromZarr(src);
        ComputeException e = assertThrows(ComputeException.class, () -> a.sum().compute(new ThreadPoolScheduler(2)));
        assertTrue(e.getMessage().contains("0.1.3.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        // still usable afterwards
        src.failOn = null;
        assertEquals(DType.UINT64, a.sum().compute().dtype());
    }

    @Test
    void interruptingTheCallerCancelsRemainingTasks() throws Exception {
        ArraySource slow = new ArraySource(ramp(200, 4, 4), 1, 4, 4) {
            @Override
            public NdArray readChunk(long[] idx) throws IOException {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("interrupted");
                }
                return super.readChunk(idx);
            }
        };
        ChunkedArray a = ChunkedArray.fromZarr(slow);
        Throwable[] thrown = new Throwable[1];
        boolean[] flag = new boolean[1];
        Thread caller = new Thread(() -> {
            try {
                a.max().compute(new ThreadPoolScheduler(2));
            } catch (Throwable t) {
                thrown[0] = t;
                flag[0] = Thread.currentThread().isInterrupted();
            }
        });
        caller.start();
        Thread.sleep(150);
        caller.interrupt();
        caller.join(5000);
        assertFalse(caller.isAlive(), "compute did not stop");
        assertTrue(thrown[0] instanceof ComputeException, String.valueOf(thrown[0]));
        assertTrue(thrown[0].getMessage().contains("interrupted"), thrown[0].getMessage());
        assertTrue(flag[0], "interrupt flag restored");
        assertTrue(slow.reads.size() < 200, "all chunks were read: " + slow.reads.size());
    }

    @Test
    void progressCountsEveryTask() {
        AtomicLong total = new AtomicLong(), done = new AtomicLong();
        try (ProgressSink.Scope scope = ProgressSink.use((label, t, unit) -> {
            total.set(t);
            return new Progress() {
                @Override
                public void advance(long n) {
                    done.addAndGet(n);
                }

                @Override
                public void close() {
                }
            };
        })) {
            ChunkedArray a = ChunkedArray.fromArray(ramp(20, 30), 3, 7);
            a.std(0).compute();
            assertTrue(total.get() > 1);
            assertEquals(total.get(), done.get());
        }
    }

    @Test
    void theGraphIsPlainSerializableValuesAndChunkReadsAreFused() throws Exception {
        ArraySource src = new ArraySource(ramp(1, 2, 12, 10, 9), 1, 1, 1, 10, 9);
        ChunkedArray m = ChunkedArray.fromZarr(src).get(0, 1).maxProjection(0);
        TaskGraph g = m.graph().fuseLinearChains();
        for (Task t : g.tasks().values()) {
            assertFalse(t.op() instanceof ReadChunk, "unfused read " + t.key());
        }
        assertTrue(g.tasks().values().stream().anyMatch(t -> t.op() instanceof FusedOp && ((FusedOp) t.op()).chain().get(0) instanceof ReadChunk));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(g);
        }
        TaskGraph back = (TaskGraph) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(m.compute(), new ThreadPoolScheduler(1).run(back));
    }

    @Test
    void intermediateResultsAreFreedAsSoonAsTheirConsumersRan() {
        ArraySource src = new ArraySource(ramp(1, 2, 300, 8, 8), 1, 1, 1, 8, 8);
        ThreadPoolScheduler s = new ThreadPoolScheduler(2);
        ChunkedArray a = ChunkedArray.fromZarr(src);
        a.mean().compute(s);
        // 600 chunk reads, but only a tree group per thread and per tree level waits at any time
        // (reads are fused with their partial reduction, so no chunk waits)
        int bound = (2 + 4) * ChunkedArray.SPLIT_EVERY + 1;
        assertTrue(s.lastPeakHeld() <= bound, "held " + s.lastPeakHeld() + " results at once");
        a.get(0, 1).maxProjection(0).compute(s);
        assertTrue(s.lastPeakHeld() <= bound, "held " + s.lastPeakHeld() + " results at once");
    }

    @Test
    void theTutorialsArray() {
        ChunkedArray a = ChunkedArray.fromZarr(ArraySource.metadata(DType.UINT16, new long[]{1, 2, 236, 275, 271}, 1, 1, 1, 275, 271));
        assertEquals("frontier.array<shape=(1, 2, 236, 275, 271), dtype=uint16, chunksize=(1, 1, 1, 275, 271)>", a.toString());
        assertEquals(473, a.taskCount());
        assertEquals(472, a.numChunks());
        ChunkedArray c1 = a.get(0, 1, ChunkedArray.ALL, ChunkedArray.ALL, ChunkedArray.ALL);
        assertEquals(709, c1.taskCount());
    }

    @Test
    void badIndicesAndShapesGiveClearErrors() {
        ChunkedArray a = ChunkedArray.fromArray(ramp(4, 5), 2, 2);
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> a.get(4)).getMessage().contains("index 4 is out of bounds for axis 0 with size 4"));
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> a.get(0, -6)).getMessage().contains("axis 1"));
        assertThrows(IllegalArgumentException.class, () -> a.get("x"));
        assertThrows(IllegalArgumentException.class, () -> a.get(ChunkedArray.range(0, 3, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(ChunkedArray.fromArray(ramp(5, 4))));
        assertTrue(e.getMessage().contains("(4, 5) (5, 4)"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> a.sum(2));
        assertThrows(IllegalArgumentException.class, () -> a.rechunk(2));
    }
}
