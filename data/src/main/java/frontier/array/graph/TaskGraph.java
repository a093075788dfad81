package frontier.array.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task graph: tasks by key and the key whose result is wanted. Plain serializable values,
 * so that another engine (Spark) can run the same graph. Built by {@code ChunkedArray}.
 */
public final class TaskGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<TaskKey, Task> tasks;
    private final TaskKey output;

    public TaskGraph(Collection<Task> tasks, TaskKey output) {
        this.tasks = new LinkedHashMap<>();
        for (Task t : tasks) this.tasks.put(t.key(), t);
        this.output = output;
        if (!this.tasks.containsKey(output)) throw new IllegalArgumentException("output " + output + " is not a task of the graph");
        for (Task t : tasks) {
            for (TaskKey d : t.deps()) {
                if (!this.tasks.containsKey(d)) throw new IllegalArgumentException("task " + t.key() + " depends on missing task " + d);
            }
        }
    }

    public Map<TaskKey, Task> tasks() {
        return java.util.Collections.unmodifiableMap(tasks);
    }

    public TaskKey output() {
        return output;
    }

    public int size() {
        return tasks.size();
    }

    /** For each key, the keys of the tasks that take its result. */
    public Map<TaskKey, List<TaskKey>> dependents() {
        Map<TaskKey, List<TaskKey>> out = new HashMap<>();
        for (Task t : tasks.values()) out.putIfAbsent(t.key(), new ArrayList<>());
        for (Task t : tasks.values()) {
            for (TaskKey d : t.deps()) out.get(d).add(t.key());
        }
        return out;
    }

    /**
     * Fuses linear chains: a task whose only consumer takes only its result is merged into
     * that consumer (the consumer keeps its key, takes over the producer's inputs). This keeps
     * read -> op -> partial-reduce per chunk in one task, so no chunk waits in memory between steps.
     */
    public TaskGraph fuseLinearChains() {
        Map<TaskKey, List<TaskKey>> dependents = dependents();
        Map<TaskKey, Task> current = new LinkedHashMap<>(tasks);
        // Walk consumers; pull a producer into its consumer while the chain is linear.
        for (TaskKey key : new ArrayList<>(tasks.keySet())) {
            Task t = current.get(key);
            if (t == null) continue;
            List<Op> chain = new ArrayList<>();
            chain.add(t.op());
            List<TaskKey> deps = t.deps();
            boolean fused = false;
            while (deps.size() == 1) {
                TaskKey p = deps.get(0);
                Task producer = current.get(p);
                if (producer == null || p.equals(output) || dependents.get(p).size() != 1) break;
                if (producer.op() instanceof FusedOp) chain.addAll(0, ((FusedOp) producer.op()).chain());
                else chain.add(0, producer.op());
                current.remove(p);
                deps = producer.deps();
                fused = true;
            }
            if (fused) current.put(key, new Task(key, new FusedOp(chain), deps));
        }
        return new TaskGraph(current.values(), output);
    }
}
