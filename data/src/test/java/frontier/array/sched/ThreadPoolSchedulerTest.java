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
