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
}
