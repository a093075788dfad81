package frontier.spark.plan;

import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a task graph into steps for a cluster. A step on the cluster runs batches: each takes a
 * run of neighbouring source tasks (chunk reads, in the order the graph consumes them) plus every
 * task that depends only on them (the partial reductions and the lower levels of the reduction
 * tree), so a chunk is read, reduced and dropped in one place and only small partial results
 * travel. What joins batches (the upper levels of the tree, the final assembly) runs as the
 * driver's step, on results it already holds. The graph's own tasks and their input order are
 * kept, so results are bit-for-bit those of the thread scheduler.
 * <p>
 * Start tasks without inputs that several tasks share (opening an array) are copied into every
 * batch that needs them, so they never tie batches together.
 */
public final class GraphPlanner {
    /** Units (whole subtrees) a batch is cut from, at least: how finely batches can be balanced. */
    static final int UNITS_PER_BATCH = 4;

    private final TaskGraph graph;
    private final Map<TaskKey, List<TaskKey>> consumers;
    private final Set<TaskKey> shared = new HashSet<>();
    private final List<TaskKey> topological;
    private Set<TaskKey> done = Set.of();

    public GraphPlanner(TaskGraph graph) {
        this.graph = graph;
        this.consumers = graph.dependents();
        for (Task t : graph.tasks().values()) {
            if (t.deps().isEmpty() && consumers.get(t.key()).size() > 1 && !t.key().equals(graph.output())) shared.add(t.key());
        }
        this.topological = topologicalOrder(graph, consumers);
    }

    public TaskGraph graph() {
        return graph;
    }

    /** A start task copied into every batch that needs it (never run on its own, never done). */
    public boolean isShared(TaskKey k) {
        return shared.contains(k);
    }

    /** Tasks a run counts as done one by one (the shared start tasks are copies, not counted). */
    public int countedTasks() {
        return graph.size() - shared.size();
    }

    /**
     * The next step, or null when the output is done. done: the tasks run so far; known: the
     * results of those among them that later tasks still need. partitions is how many batches a
     * cluster step aims for (a few per core).
     */
    public Round next(Set<TaskKey> done, Map<TaskKey, Object> known, int partitions) {
        if (done.contains(graph.output())) return null;
        this.done = done;
        List<Task> driver = driverStep(known);
        if (!driver.isEmpty()) return new Round(List.of(), driver);
        List<Batch> batches = clusterStep(known, Math.max(1, partitions), true);
        if (batches.isEmpty()) batches = clusterStep(known, Math.max(1, partitions), false);
        if (batches.isEmpty()) throw new IllegalStateException("no task of the graph can run (" + graph.size() + " tasks, " + known.size() + " results known)");
        return new Round(batches, List.of());
    }

    private Task task(TaskKey k) {
        return graph.tasks().get(k);
    }

    // ---- the driver's step ----------------------------------------------------------------------

    /** Tasks that combine results the driver holds (and what follows from them alone). */
    private List<Task> driverStep(Map<TaskKey, Object> known) {
        Set<TaskKey> runnable = new LinkedHashSet<>();
        for (TaskKey k : topological) {
            if (done.contains(k) || shared.contains(k)) continue;
            Task t = task(k);
            if (t.deps().isEmpty()) continue;
            boolean ok = true;
            for (TaskKey d : t.deps()) {
                if (!done.contains(d) && !runnable.contains(d) && !shared.contains(d)) {
                    ok = false;
                    break;
                }
            }
            // at least one input must be a result the driver holds: a task fed only by shared
            // start tasks is cluster work (it reads data)
            if (ok && t.deps().stream().anyMatch(d -> !shared.contains(d) && (done.contains(d) || runnable.contains(d)))) runnable.add(k);
        }
        if (runnable.isEmpty()) return List.of();
        List<Task> out = new ArrayList<>();
        Set<TaskKey> copied = new HashSet<>();
        for (TaskKey k : runnable) {
            for (TaskKey d : task(k).deps()) {
                if (shared.contains(d) && copied.add(d)) out.add(task(d));
            }
        }
        for (TaskKey k : topological) if (runnable.contains(k)) out.add(task(k));
        return out;
    }

    // ---- a cluster step -------------------------------------------------------------------------

    private List<Batch> clusterStep(Map<TaskKey, Object> known, int partitions, boolean prune) {
        Set<TaskKey> eligible = new HashSet<>();
        for (TaskKey k : topological) if (!done.contains(k) && !shared.contains(k)) eligible.add(k);
        Map<TaskKey, Long> leafCount = new HashMap<>();
        long leaves = 0;
        for (TaskKey k : topological) {
            if (!eligible.contains(k)) continue;
            long n = 0;
            for (TaskKey d : task(k).deps()) if (eligible.contains(d)) n = Math.min(Long.MAX_VALUE / 4, n + leafCount.get(d));
            if (n == 0) {
                n = 1;
                leaves++;
            }
            leafCount.put(k, n);
        }
        long size = Math.max(1, (leaves + partitions - 1) / partitions);
        // A unit is at most a quarter of a batch: batches are cut between units, so whole units of up
        // to a batch each would leave some batches twice the size of others (a mean over 472 chunks
        // in 6 batches of 64-chunk subtrees: 128, 64, 64, 64, 128, 24 chunks), and a step lasts as
        // long as its largest batches.
        long unitSize = Math.max(1, size / UNITS_PER_BATCH);

        // Units: the largest subtrees with at most `unitSize` leaves, in the order the output consumes them.
        List<TaskKey> units = new ArrayList<>();
        Set<TaskKey> visited = new HashSet<>();
        ArrayDeque<TaskKey> stack = new ArrayDeque<>();
        if (eligible.contains(graph.output())) stack.push(graph.output());
        while (!stack.isEmpty()) {
            TaskKey k = stack.pop();
            if (!visited.add(k)) continue;
            if (leafCount.get(k) <= unitSize) {
                units.add(k);
                continue;
            }
            List<TaskKey> deps = task(k).deps();
            for (int i = deps.size() - 1; i >= 0; i--) {
                TaskKey d = deps.get(i);
                if (eligible.contains(d) && !visited.contains(d)) stack.push(d);
            }
        }

        // Pack consecutive units into batches of about `size` leaves; each batch claims the units' subtrees.
        Map<TaskKey, Integer> owner = new HashMap<>();
        // A unit starting at leaf p goes to batch p * partitions / leaves: at most `partitions` batches.
        long before = 0;
        for (TaskKey u : units) {
            int batch = (int) Math.min(partitions - 1, before * partitions / Math.max(1, leaves));
            before += leafCount.get(u);
            claim(u, batch, eligible, owner);
        }
        // Tasks above the units run in a batch when all their inputs come from that batch.
        for (TaskKey k : topological) {
            if (!eligible.contains(k) || owner.containsKey(k)) continue;
            Integer common = commonOwner(k, eligible, owner);
            if (common != null) owner.put(k, common);
        }
        if (prune) pruneStranded(eligible, owner);

        // Build the batches.
        Map<Integer, List<TaskKey>> byBatch = new LinkedHashMap<>();
        for (TaskKey k : topological) {
            Integer b = owner.get(k);
            if (b != null) byBatch.computeIfAbsent(b, x -> new ArrayList<>()).add(k);
        }
        List<Batch> out = new ArrayList<>();
        for (List<TaskKey> keys : byBatch.values()) {
            int b = owner.get(keys.get(0));
            List<Task> tasks = new ArrayList<>();
            Set<TaskKey> copied = new HashSet<>();
            Map<TaskKey, Object> inputs = new LinkedHashMap<>();
            for (TaskKey k : keys) {
                for (TaskKey d : task(k).deps()) {
                    if (shared.contains(d) && copied.add(d)) tasks.add(task(d));
                    if (done.contains(d)) {
                        if (!known.containsKey(d)) throw new IllegalStateException("the result of " + d + " was dropped before " + k + " ran");
                        inputs.put(d, known.get(d));
                    }
                }
            }
            List<TaskKey> outputs = new ArrayList<>();
            for (TaskKey k : keys) {
                boolean leavesBatch = k.equals(graph.output());
                for (TaskKey c : consumers.get(k)) if (!Integer.valueOf(b).equals(owner.get(c))) leavesBatch = true;
                if (leavesBatch) outputs.add(k);
            }
            for (TaskKey k : depthFirst(outputs, new HashSet<>(keys))) tasks.add(task(k));
            out.add(new Batch(out.size(), tasks, inputs, outputs, keys.size()));
        }
        return out;
    }

    /** Gives the unit's not yet owned subtree to batch b, where every input of a task is in b (or known). */
    private void claim(TaskKey unit, int b, Set<TaskKey> eligible, Map<TaskKey, Integer> owner) {
        Set<TaskKey> subtree = new HashSet<>();
        ArrayDeque<TaskKey> stack = new ArrayDeque<>();
        stack.push(unit);
        while (!stack.isEmpty()) {
            TaskKey k = stack.pop();
            if (!eligible.contains(k) || owner.containsKey(k) || !subtree.add(k)) continue;
            for (TaskKey d : task(k).deps()) stack.push(d);
        }
        for (TaskKey k : topological) {
            if (!subtree.contains(k)) continue;
            boolean leaf = true;
            boolean ok = true;
            for (TaskKey d : task(k).deps()) {
                if (!eligible.contains(d)) continue;
                leaf = false;
                if (!Integer.valueOf(b).equals(owner.get(d))) {
                    ok = false;
                    break;
                }
            }
            if (leaf || ok) owner.put(k, b);
        }
    }

    private Integer commonOwner(TaskKey k, Set<TaskKey> eligible, Map<TaskKey, Integer> owner) {
        Integer common = null;
        for (TaskKey d : task(k).deps()) {
            if (!eligible.contains(d)) continue;
            Integer o = owner.get(d);
            if (o == null || (common != null && !common.equals(o))) return null;
            common = o;
        }
        return common;
    }

    /**
     * A start task whose every consumer must wait for something this step does not compute
     * (e.g. a chunk of {@code a - a.mean()} before the mean is known) waits too: run now, its
     * result would only travel to the driver and back.
     */
    private void pruneStranded(Set<TaskKey> eligible, Map<TaskKey, Integer> owner) {
        for (TaskKey k : topological) {
            Integer b = owner.get(k);
            if (b == null || k.equals(graph.output())) continue;
            boolean start = true;
            for (TaskKey d : task(k).deps()) if (eligible.contains(d)) start = false;
            if (!start) continue;
            boolean usedHere = false;
            boolean stranded = false;
            for (TaskKey c : consumers.get(k)) {
                if (b.equals(owner.get(c))) usedHere = true;
                for (TaskKey d : task(c).deps()) {
                    if (!d.equals(k) && eligible.contains(d) && !owner.containsKey(d)) stranded = true;
                }
            }
            if (!usedHere && stranded) owner.remove(k);
        }
    }

    /**
     * The batch's tasks in depth-first post-order from its outputs: each partial reduction runs
     * right after its chunk is read, and each combine as soon as its group is complete, so a
     * batch holds few chunks at once.
     */
    private List<TaskKey> depthFirst(List<TaskKey> roots, Set<TaskKey> members) {
        List<TaskKey> order = new ArrayList<>(members.size());
        Set<TaskKey> seen = new HashSet<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        for (TaskKey r : roots) {
            if (!seen.add(r)) continue;
            stack.push(new Object[]{r, 0});
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                TaskKey k = (TaskKey) top[0];
                List<TaskKey> deps = task(k).deps();
                int i = (Integer) top[1];
                while (i < deps.size() && (!members.contains(deps.get(i)) || seen.contains(deps.get(i)))) i++;
                if (i < deps.size()) {
                    top[1] = i + 1;
                    seen.add(deps.get(i));
                    stack.push(new Object[]{deps.get(i), 0});
                } else {
                    stack.pop();
                    order.add(k);
                }
            }
        }
        return order;
    }

    /** Kahn's order, ties broken by the graph's own order (which follows the chunk grid). */
    static List<TaskKey> topologicalOrder(TaskGraph graph, Map<TaskKey, List<TaskKey>> consumers) {
        Map<TaskKey, Integer> waiting = new HashMap<>();
        ArrayDeque<TaskKey> ready = new ArrayDeque<>();
        for (Task t : graph.tasks().values()) {
            waiting.put(t.key(), t.deps().size());
            if (t.deps().isEmpty()) ready.add(t.key());
        }
        List<TaskKey> out = new ArrayList<>(graph.size());
        while (!ready.isEmpty()) {
            TaskKey k = ready.poll();
            out.add(k);
            for (TaskKey c : consumers.get(k)) {
                if (waiting.merge(c, -1, Integer::sum) == 0) ready.add(c);
            }
        }
        if (out.size() != graph.size()) throw new IllegalArgumentException("the task graph has a cycle");
        return Collections.unmodifiableList(out);
    }
}
