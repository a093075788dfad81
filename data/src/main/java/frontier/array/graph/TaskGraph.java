package frontier.array.graph;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A task graph: tasks by key and the key whose result is wanted. Plain serializable values,
 * so that another engine (Spark) can run the same graph. Built by {@code ChunkedArray} and by
 * the readers of stored arrays.
 * <p>
 * Compact, since a graph holds a task per chunk and arrays may have millions of chunks: the tasks
 * sit in one array in the order they were added, found by key through an open-addressing table of
 * positions (no map entry per task); schedulers work on positions ({@link #indexOf},
 * {@link #depIndexes}).
 */
public final class TaskGraph implements Serializable {
    private static final long serialVersionUID = 2L;

    private final Task[] tasks;
    private final TaskKey output;
    private transient int[] table;

    public TaskGraph(Collection<Task> tasks, TaskKey output) {
        this(dedupe(tasks), output, true);
    }

    private TaskGraph(Task[] tasks, TaskKey output, boolean check) {
        this.tasks = tasks;
        this.output = output;
        this.table = indexTable(tasks);
        if (indexOf(output) < 0) throw new IllegalArgumentException("output " + output + " is not a task of the graph");
        if (check) {
            for (Task t : tasks) {
                for (TaskKey d : t.deps()) {
                    if (indexOf(d) < 0) throw new IllegalArgumentException("task " + t.key() + " depends on missing task " + d);
                }
            }
        }
    }

    private static Task[] dedupe(Collection<Task> tasks) {
        Builder b = new Builder();
        for (Task t : tasks) b.put(t);
        return b.array();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        table = indexTable(tasks);
    }

    /** The tasks by key, in the order they were added (a view; the graph does not change). */
    public Map<TaskKey, Task> tasks() {
        return new AbstractMap<>() {
            @Override
            public Task get(Object key) {
                if (!(key instanceof TaskKey k)) return null;
                int i = indexOf(k);
                return i < 0 ? null : tasks[i];
            }

            @Override
            public boolean containsKey(Object key) {
                return key instanceof TaskKey k && indexOf(k) >= 0;
            }

            @Override
            public int size() {
                return tasks.length;
            }

            @Override
            public Collection<Task> values() {
                return Arrays.asList(tasks);
            }

            @Override
            public Set<Entry<TaskKey, Task>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<TaskKey, Task>> iterator() {
                        return new Iterator<>() {
                            int i;

                            @Override
                            public boolean hasNext() {
                                return i < tasks.length;
                            }

                            @Override
                            public Entry<TaskKey, Task> next() {
                                if (i >= tasks.length) throw new NoSuchElementException();
                                Task t = tasks[i++];
                                return new SimpleImmutableEntry<>(t.key(), t);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return tasks.length;
                    }
                };
            }
        };
    }

    public TaskKey output() {
        return output;
    }

    public int size() {
        return tasks.length;
    }

    /** The task at a position (0 .. size()-1, in the order tasks were added). */
    public Task task(int i) {
        return tasks[i];
    }

    /** The position of the task with this key, or -1. */
    public int indexOf(TaskKey key) {
        return find(table, tasks, key);
    }

    /** For each task (by position), the positions of its inputs, in their order. */
    public int[][] depIndexes() {
        int[][] out = new int[tasks.length][];
        int[] none = new int[0];
        for (int i = 0; i < tasks.length; i++) {
            List<TaskKey> deps = tasks[i].deps();
            if (deps.isEmpty()) {
                out[i] = none;
                continue;
            }
            int[] d = new int[deps.size()];
            for (int j = 0; j < d.length; j++) d[j] = indexOf(deps.get(j));
            out[i] = d;
        }
        return out;
    }

    /** For each key, the keys of the tasks that take its result (a task taking it twice is listed twice). */
    public Map<TaskKey, List<TaskKey>> dependents() {
        Map<TaskKey, List<TaskKey>> out = new HashMap<>();
        for (Task t : tasks) out.putIfAbsent(t.key(), new ArrayList<>());
        for (Task t : tasks) {
            for (TaskKey d : t.deps()) out.get(d).add(t.key());
        }
        return out;
    }

    /**
     * Fuses linear chains: a task whose only consumer takes only its result is merged into
     * that consumer (the consumer keeps its key, takes over the producer's inputs). This keeps
     * read -> op -> partial-reduce per chunk in one task, so no chunk waits in memory between steps.
     * A {@link Fold} is never merged into (it takes its inputs as they arrive) nor merged.
     */
    public TaskGraph fuseLinearChains() {
        int n = tasks.length;
        int[][] deps = depIndexes();
        int[] consumers = new int[n];
        for (int[] d : deps) for (int x : d) consumers[x]++;
        int out = indexOf(output);
        Task[] current = tasks.clone();
        boolean[] gone = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Task t = current[i];
            if (gone[i] || t.op() instanceof Fold) continue;
            List<Op> chain = new ArrayList<>();
            chain.add(t.op());
            int[] d = deps[i];
            List<TaskKey> dk = t.deps();
            boolean fused = false;
            while (d.length == 1) {
                int p = d[0];
                Task producer = current[p];
                if (gone[p] || p == out || consumers[p] != 1 || producer.op() instanceof Fold) break;
                if (producer.op() instanceof FusedOp f) chain.addAll(0, f.chain());
                else chain.add(0, producer.op());
                gone[p] = true;
                d = deps[p];
                dk = producer.deps();
                fused = true;
            }
            if (fused) {
                current[i] = new Task(t.key(), new FusedOp(chain), dk);
                deps[i] = d;
                any = true;
            }
        }
        if (!any) return this;
        int kept = 0;
        for (int i = 0; i < n; i++) if (!gone[i]) kept++;
        Task[] result = new Task[kept];
        int k = 0;
        for (int i = 0; i < n; i++) if (!gone[i]) result[k++] = current[i];
        return new TaskGraph(result, output, false);
    }

    // ---- the key table ----------------------------------------------------------------------

    private static int[] indexTable(Task[] tasks) {
        int cap = Integer.highestOneBit(Math.max(4, tasks.length * 2 - 1)) << 1;
        int[] table = new int[cap];
        for (int i = 0; i < tasks.length; i++) {
            int slot = slot(table, tasks, tasks[i].key());
            if (table[slot] != 0) throw new IllegalArgumentException("task " + tasks[i].key() + " appears twice");
            table[slot] = i + 1;
        }
        return table;
    }

    /** The slot holding key, or the empty slot where it would go. */
    private static int slot(int[] table, Task[] tasks, TaskKey key) {
        int mask = table.length - 1;
        int s = mix(key.hashCode()) & mask;
        while (true) {
            int v = table[s];
            if (v == 0 || tasks[v - 1].key().equals(key)) return s;
            s = (s + 1) & mask;
        }
    }

    private static int find(int[] table, Task[] tasks, TaskKey key) {
        int v = table[slot(table, tasks, key)];
        return v - 1;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * Collects tasks while a graph is made, each key once (the first task added under a key
     * stays), in the order added; {@link #build} makes the graph without copying them again.
     */
    public static final class Builder {
        private Task[] tasks = new Task[16];
        private int size;
        private int[] table = new int[32];

        public boolean has(TaskKey key) {
            return find(table, tasks, key) >= 0;
        }

        /** Adds the task unless one with its key is there; returns its key. */
        public TaskKey put(Task t) {
            int s = slot(table, tasks, t.key());
            if (table[s] != 0) return t.key();
            if (size == tasks.length) tasks = Arrays.copyOf(tasks, size * 2);
            tasks[size++] = t;
            table[s] = size;
            if (size * 2 > table.length) {
                table = new int[table.length * 2];
                for (int i = 0; i < size; i++) table[slot(table, tasks, tasks[i].key())] = i + 1;
            }
            return t.key();
        }

        public int size() {
            return size;
        }

        Task[] array() {
            return size == tasks.length ? tasks : Arrays.copyOf(tasks, size);
        }

        /** The graph of the tasks added so far, wanting output's result; checks every input is a task. */
        public TaskGraph build(TaskKey output) {
            return new TaskGraph(array(), output, true);
        }
    }
}
