package frontier.array.sched;

import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadPoolSchedulerTest {
    /** A constant. */
    record Const(int v) implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            return v;
        }
    }

    /** The sum of its inputs. */
    record Sum() implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            int s = 0;
            for (Object o : inputs) s += (Integer) o;
            return s;
        }
    }

    static TaskGraph sumOf(int n) {
        List<Task> tasks = new ArrayList<>();
        List<TaskKey> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TaskKey k = new TaskKey("c", i);
            tasks.add(new Task(k, new Const(i), List.of()));
            parts.add(k);
        }
        TaskKey out = new TaskKey("sum");
        tasks.add(new Task(out, new Sum(), parts));
        return new TaskGraph(tasks, out);
    }

    @Test
    void withoutProgressBarsRunsTheSameGraphOnAsManyThreadsAndShowsNoBar() {
        List<String> bars = new CopyOnWriteArrayList<>();
        ProgressSink sink = (label, total, unit) -> {
            bars.add(label + " " + total + " " + unit);
            return Progress.NONE;
        };
        ThreadPoolScheduler shown = new ThreadPoolScheduler(3);
        ThreadPoolScheduler quiet = shown.withoutProgressBars();
        assertEquals(3, quiet.threads());
        assertSame(quiet, quiet.withoutProgressBars());
        try (ProgressSink.Scope scope = ProgressSink.use(sink)) {
            assertEquals(4950, quiet.run(sumOf(100)));
            assertEquals(List.of(), bars, "no bar from the quiet copy");
            assertEquals(4950, shown.run(sumOf(100)));
        }
        assertEquals(List.of("compute 101 tasks"), bars);
        assertTrue(bars.size() == 1);
    }

    /** Sums its inputs concurrently; records which inputs it ran itself through addFrom. */
    static final class RunningSum implements frontier.array.graph.Fold {
        final transient java.util.Set<Integer> ranInside = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public Order order() {
            return Order.CONCURRENT;
        }

        @Override
        public Object begin(int n) {
            return new java.util.concurrent.atomic.AtomicLong();
        }

        @Override
        public Object add(Object acc, int i, Object input) {
            ((java.util.concurrent.atomic.AtomicLong) acc).addAndGet((Integer) input);
            return acc;
        }

        @Override
        public Object addFrom(Object acc, int i, Op op, List<Object> opInputs) throws Exception {
            if (op instanceof Const c) {
                ranInside.add(i);
                ((java.util.concurrent.atomic.AtomicLong) acc).addAndGet(c.v());
                return acc;
            }
            return frontier.array.graph.Fold.super.addFrom(acc, i, op, opInputs);
        }

        @Override
        public Object end(Object acc) {
            return ((java.util.concurrent.atomic.AtomicLong) acc).get();
        }
    }

    /** A concurrent fold is handed the ops of the tasks it alone consumes, to run into its accumulator once it is made (Fold.addFrom). */
    @Test
    void aConcurrentFoldRunsTheOpsOfItsOnlyInputsItself() throws Exception {
        List<Task> tasks = new ArrayList<>();
        List<TaskKey> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TaskKey k = new TaskKey("c", i);
            tasks.add(new Task(k, new Const(i), List.of()));
            parts.add(k);
        }
        TaskKey shared = new TaskKey("shared");
        tasks.add(new Task(shared, new Const(1000), List.of()));
        parts.add(shared);
        TaskKey other = new TaskKey("other"); // a second consumer of "shared": that one is run and kept as usual
        tasks.add(new Task(other, new Sum(), List.of(shared)));
        RunningSum fold = new RunningSum();
        TaskKey total = new TaskKey("total");
        tasks.add(new Task(total, fold, parts));
        TaskKey out = new TaskKey("out");
        tasks.add(new Task(out, new Pair(), List.of(total, other)));
        Object r = new ThreadPoolScheduler(2).withoutProgressBars().run(new TaskGraph(tasks, out));
        assertEquals(List.of(40L * 39 / 2 + 1000, 1000), r);
        // each of the 2 threads may run its first input the usual way while the accumulator is still being made
        assertTrue(fold.ranInside.size() >= 38, "the 40 inputs only the fold takes: " + fold.ranInside);
        assertTrue(!fold.ranInside.contains(40), "the shared input is run once and added");
    }

    /** Its two inputs as a list. */
    record Pair() implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            return List.of(inputs.get(0), inputs.get(1));
        }
    }

    /** Waits until all the parties of a barrier wait (every task of a round runs at once), then gives 1. */
    record Meet(java.util.concurrent.CyclicBarrier barrier, boolean blocking) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            ThreadPoolScheduler.IOSupplier<Object> meet = () -> {
                try {
                    barrier.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new java.io.IOException("not all tasks of the round ran at once: " + e, e);
                }
                return 1;
            };
            return blocking ? ThreadPoolScheduler.blocking(meet) : meet.get();
        }
    }

    /** Gives 0 after a pause, long enough for the other workers to find nothing to do and wait. */
    record Gate() implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            Thread.sleep(300);
            return 0;
        }
    }

    /** One task first, then n tasks after it that meet at a barrier of parties, then their sum. */
    static TaskGraph gateThen(int n, java.util.concurrent.CyclicBarrier barrier, boolean blocking) {
        List<Task> tasks = new ArrayList<>();
        TaskKey gate = new TaskKey("gate");
        tasks.add(new Task(gate, new Gate(), List.of()));
        List<TaskKey> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TaskKey k = new TaskKey("meet", i);
            tasks.add(new Task(k, new Meet(barrier, blocking), List.of(gate)));
            parts.add(k);
        }
        TaskKey out = new TaskKey("sum");
        tasks.add(new Task(out, new Sum(), parts));
        return new TaskGraph(tasks, out);
    }

    @Test
    void tasksThatBecomeReadyTogetherRunOnEveryIdleWorker() {
        // The workers idle while the gate runs; its n consumers then wake them one after the other,
        // each woken worker waking the next, until all 4 compute at once (else the barrier breaks).
        assertEquals(12, new ThreadPoolScheduler(4).withoutProgressBars().run(gateThen(12, new java.util.concurrent.CyclicBarrier(4), false)));
    }

    @Test
    void tasksWaitingOnIoLetMoreWorkersStartThanThreads() {
        // 2 threads, 6 tasks blocked on I/O at once: 4 more workers start while they wait.
        assertEquals(6, new ThreadPoolScheduler(2).withoutProgressBars().run(gateThen(6, new java.util.concurrent.CyclicBarrier(6), true)));
    }
}
