package frontier.spark.plan;

import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ComputeException;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's loop over a planned graph: cluster steps run batches somewhere else (Spark), driver
 * steps run on a thread pool here, until the output is known. Only the results later steps need
 * are kept.
 */
public final class PlanRunner {
    /** Runs a cluster step's batches and returns their results (advancing progress as batches finish). */
    @FunctionalInterface
    public interface ClusterStep {
        List<BatchResult> run(List<Batch> batches) throws InterruptedException;
    }

    private PlanRunner() {
    }

    public static Object run(GraphPlanner planner, int partitions, ClusterStep cluster, Progress progress) throws InterruptedException {
        TaskGraph graph = planner.graph();
        Map<TaskKey, List<TaskKey>> consumers = graph.dependents();
        Map<TaskKey, Object> known = new HashMap<>();
        Set<TaskKey> done = new HashSet<>();
        Round round;
        while ((round = planner.next(done, known, partitions)) != null) {
            if (round.onDriver()) {
                Map<TaskKey, Object> got = runOnDriver(graph, round.driverTasks(), known, consumers);
                known.putAll(got);
                for (Task t : round.driverTasks()) if (!planner.isShared(t.key())) done.add(t.key());
                int counted = 0;
                for (Task t : round.driverTasks()) if (!planner.isShared(t.key())) counted++;
                progress.advance(counted);
            } else {
                for (BatchResult r : cluster.run(round.batches())) {
                    if (r.failed()) {
                        throw new ComputeException("task " + r.failedTask() + " (" + r.failedOp() + ") failed on " + r.executor() + ": " + r.failure(), null);
                    }
                    known.putAll(r.results());
                }
                for (Batch b : round.batches()) for (Task t : b.tasks()) if (!planner.isShared(t.key())) done.add(t.key());
            }
            forgetUsed(known, done, graph, consumers);
        }
        return known.get(graph.output());
    }

    /** Drops results whose every consumer is known too (they are needed no more). */
    private static void forgetUsed(Map<TaskKey, Object> known, Set<TaskKey> done, TaskGraph graph, Map<TaskKey, List<TaskKey>> consumers) {
        List<TaskKey> used = new ArrayList<>();
        for (TaskKey k : known.keySet()) {
            if (k.equals(graph.output())) continue;
            boolean needed = false;
            for (TaskKey c : consumers.get(k)) if (!done.contains(c)) needed = true;
            if (!needed) used.add(k);
        }
        used.forEach(known::remove);
    }

    /** Runs the tasks on threads here, their known inputs given as values, and returns the results later steps need. */
    private static Map<TaskKey, Object> runOnDriver(TaskGraph graph, List<Task> tasks, Map<TaskKey, Object> known,
                                                    Map<TaskKey, List<TaskKey>> consumers) {
        Set<TaskKey> here = new HashSet<>();
        for (Task t : tasks) here.add(t.key());
        List<Task> sub = new ArrayList<>();
        Set<TaskKey> given = new HashSet<>();
        for (Task t : tasks) {
            for (TaskKey d : t.deps()) {
                if (!here.contains(d) && given.add(d)) sub.add(new Task(d, new Given(known.get(d)), List.of()));
            }
            sub.add(t);
        }
        List<TaskKey> needed = new ArrayList<>();
        for (Task t : tasks) {
            boolean later = t.key().equals(graph.output());
            for (TaskKey c : consumers.get(t.key())) if (!here.contains(c)) later = true;
            if (later) needed.add(t.key());
        }
        TaskKey collect = new TaskKey("driver-step-results");
        sub.add(new Task(collect, new Collect(), needed));
        Object[] values;
        try (ProgressSink.Scope none = ProgressSink.use(ProgressSink.NONE)) { // the run's own bar counts these tasks
            values = (Object[]) new ThreadPoolScheduler().run(new TaskGraph(sub, collect));
        }
        Map<TaskKey, Object> out = new HashMap<>();
        for (int i = 0; i < needed.size(); i++) out.put(needed.get(i), values[i]);
        return out;
    }

    /** A result the driver already holds, as a task without inputs. */
    record Given(Object value) implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            return value;
        }
    }

    /** Gathers a driver step's needed results into one value. */
    record Collect() implements Op {
        @Override
        public Object apply(List<Object> inputs) {
            return inputs.toArray();
        }
    }
}
