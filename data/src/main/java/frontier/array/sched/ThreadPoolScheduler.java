package frontier.array.sched;

import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a task graph on a bounded set of worker threads started for this run and joined before
 * it returns, so no thread outlives a compute. Memory stays bounded: a result is dropped as
 * soon as its last consumer ran, and ready tasks run deepest first (combine before reading more
 * chunks), in key order otherwise (neighbouring chunks complete a tree-reduction group together).
 */
public final class ThreadPoolScheduler implements Scheduler {
    private final int threads;

    public ThreadPoolScheduler() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ThreadPoolScheduler(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    private volatile int lastPeakHeld;

    /** The most task results held in memory at once during the last run (intermediates awaiting their consumers). */
    public int lastPeakHeld() {
        return lastPeakHeld;
    }

    @Override
    public Object run(TaskGraph graph) {
        return new Run(graph).execute();
    }

    @Override
    public String toString() {
        return "ThreadPoolScheduler(" + threads + " threads)";
    }

    private final class Run {
        final TaskGraph graph;
        final Map<TaskKey, List<TaskKey>> dependents;
        final Map<TaskKey, Integer> waitingOn = new HashMap<>();
        final Map<TaskKey, Integer> consumersLeft = new HashMap<>();
        final Map<TaskKey, Integer> depth = new HashMap<>();
        final Map<TaskKey, Object> results = new HashMap<>();
        final PriorityQueue<Task> ready;
        int done;
        int running;
        int peakHeld;
        Throwable failure;
        TaskKey failedKey;
        boolean cancelled;

        Run(TaskGraph graph) {
            this.graph = graph;
            this.dependents = graph.dependents();
            for (Task t : graph.tasks().values()) depthOf(t.key());
            ready = new PriorityQueue<>((a, b) -> {
                int c = Integer.compare(depth.get(b.key()), depth.get(a.key()));
                return c != 0 ? c : a.key().compareTo(b.key());
            });
            for (Task t : graph.tasks().values()) {
                waitingOn.put(t.key(), t.deps().size());
                consumersLeft.put(t.key(), dependents.get(t.key()).size());
                if (t.deps().isEmpty()) ready.add(t);
            }
        }

        /** Longest path from a source (iterative: graphs can be deep). */
        int depthOf(TaskKey root) {
            Integer known = depth.get(root);
            if (known != null) return known;
            java.util.ArrayDeque<TaskKey> stack = new java.util.ArrayDeque<>();
            stack.push(root);
            while (!stack.isEmpty()) {
                TaskKey k = stack.peek();
                if (depth.containsKey(k)) {
                    stack.pop();
                    continue;
                }
                int d = 0;
                boolean pending = false;
                for (TaskKey dep : graph.tasks().get(k).deps()) {
                    Integer dd = depth.get(dep);
                    if (dd == null) {
                        stack.push(dep);
                        pending = true;
                    } else {
                        d = Math.max(d, dd + 1);
                    }
                }
                if (!pending) {
                    depth.put(k, d);
                    stack.pop();
                }
            }
            return depth.get(root);
        }

        Object execute() {
            int total = graph.size();
            List<Thread> workers = new ArrayList<>();
            try (Progress progress = ProgressSink.current().start("compute", total, "tasks")) {
                int n = Math.min(threads, total);
                for (int i = 0; i < n; i++) {
                    Thread w = new Thread(() -> work(progress), "frontier-compute-" + i);
                    w.setDaemon(true);
                    workers.add(w);
                }
                for (Thread w : workers) w.start();
                boolean interrupted = false;
                synchronized (this) {
                    while (done < total && failure == null) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                            break;
                        }
                    }
                    cancelled = true;
                    notifyAll();
                }
                // Cancel: stop workers (interrupting tasks blocked in I/O) and wait for every one of them.
                for (Thread w : workers) if (w.isAlive()) w.interrupt();
                for (Thread w : workers) {
                    while (true) {
                        try {
                            w.join();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                lastPeakHeld = peakHeld;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ComputeException("compute interrupted: " + done + " of " + total + " tasks done, the rest cancelled", null);
                }
                if (failure != null) {
                    throw new ComputeException("task " + failedKey + " failed: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage())
                            + " (" + (total - done) + " remaining tasks cancelled)", failure);
                }
                return results.get(graph.output());
            }
        }

        void work(Progress progress) {
            while (true) {
                Task task;
                List<Object> inputs;
                synchronized (this) {
                    while (!cancelled && ready.isEmpty()) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (cancelled) return;
                    task = ready.poll();
                    running++;
                    inputs = new ArrayList<>(task.deps().size());
                    for (TaskKey d : task.deps()) inputs.add(results.get(d));
                }
                Object result;
                try {
                    result = task.op().apply(inputs);
                } catch (Throwable e) {
                    synchronized (this) {
                        running--;
                        if (failure == null && !cancelled) {
                            failure = e;
                            failedKey = task.key();
                        }
                        cancelled = true;
                        notifyAll();
                    }
                    return;
                }
                inputs = null;
                synchronized (this) {
                    running--;
                    if (cancelled) return;
                    results.put(task.key(), result);
                    if (results.size() > peakHeld) peakHeld = results.size();
                    // Free inputs whose consumers have all run.
                    for (TaskKey d : task.deps()) {
                        int left = consumersLeft.merge(d, -1, Integer::sum);
                        if (left == 0 && !d.equals(graph.output())) results.remove(d);
                    }
                    for (TaskKey c : dependents.get(task.key())) {
                        if (waitingOn.merge(c, -1, Integer::sum) == 0) ready.add(graph.tasks().get(c));
                    }
                    done++;
                    notifyAll();
                }
                progress.advance(1);
            }
        }
    }
}
