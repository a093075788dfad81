package frontier.sparktest;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Test ops that take their time (to interrupt a run, or kill an executor while it runs), in a
 * package of their own so that a Spark class loader which shares frontier.* but not frontier.spark
 * still finds them. Executors load them from the test classes (spark.executor.extraClassPath).
 */
public final class SlowOps {
    private SlowOps() {
    }

    /** After sleeping, a block of int64 values from a seed. */
    public record Slow(long seed, long millis) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            Thread.sleep(millis);
            NdArray a = NdArray.zeros(DType.INT64, 64);
            for (int i = 0; i < 64; i++) a.setLong(i, seed * 1_000_003L + i * i);
            return a;
        }
    }

    /** The element-wise sum of its inputs, in their order. */
    public record Sum() implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            NdArray out = NdArray.zeros(DType.INT64, 64);
            for (Object o : inputs) {
                NdArray a = (NdArray) o;
                for (int i = 0; i < 64; i++) out.setLong(i, out.getLong(i) + a.getLong(i));
            }
            return out;
        }
    }

    /** n slow leaves summed in groups of 4, then all together. */
    public static TaskGraph graph(int n, long millis) {
        List<Task> tasks = new ArrayList<>();
        List<TaskKey> groups = new ArrayList<>();
        for (int g = 0; g * 4 < n; g++) {
            List<TaskKey> leaves = new ArrayList<>();
            for (int i = g * 4; i < Math.min(n, g * 4 + 4); i++) {
                TaskKey k = new TaskKey("slow", i);
                tasks.add(new Task(k, new Slow(i, millis), List.of()));
                leaves.add(k);
            }
            TaskKey gk = new TaskKey("group", g);
            tasks.add(new Task(gk, new Sum(), leaves));
            groups.add(gk);
        }
        TaskKey out = new TaskKey("total");
        tasks.add(new Task(out, new Sum(), groups));
        return new TaskGraph(tasks, out);
    }
}
