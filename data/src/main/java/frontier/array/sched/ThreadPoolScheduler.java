package frontier.array.sched;

import frontier.array.graph.Fold;
import frontier.array.graph.Op;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a task graph on worker threads started for the run and joined before it returns, so that
 * no thread outlives a compute. This is the engine every chunk loop runs on (lazy arrays, region
 * reads, statistics, the viewer's reads), and it keeps memory bounded however large the array:
 * <ul>
 * <li>Tasks run in the order of a depth-first walk from the output (as Dask's {@code order}):
 * the inputs of one reduction group or one output block are made one after the other, so their
 * consumer can run and free them before more chunks are read.</li>
 * <li>A {@link Fold} consumer (assembling blocks, merging partial reductions) takes each input
 * right after it is made, in the thread that made it, instead of waiting for all of them; a
 * chunk read for it may then sit in a per-thread buffer ({@link Op#applyTransient}), so reading
 * a region allocates nothing per chunk.</li>
 * <li>At most {@code threads} tasks compute at once. A task that waits on a remote store says so
 * ({@link #blocking}), and another worker starts meanwhile (up to {@value #MAX_BLOCKED} more), so
 * that remote requests overlap beyond the core count.</li>
 * <li>A result is dropped as soon as its last consumer ran.</li>
 * </ul>
 * A graph run from inside a task of another run (a task that reads a region) runs in that task's
 * thread, one task after the other: the outer run already keeps every core busy.
 * Interrupting the calling thread cancels the run: running tasks are interrupted, and every worker
 * has ended when {@link ComputeException} is thrown.
 */
public final class ThreadPoolScheduler implements Scheduler {
    /** Workers that may wait on I/O at once beyond the computing ones. */
    static final int MAX_BLOCKED = 16;

    private final int threads;
    private final boolean progressBars;

    public ThreadPoolScheduler() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ThreadPoolScheduler(int threads) {
        this(threads, true);
    }

    private ThreadPoolScheduler(int threads, boolean progressBars) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.progressBars = progressBars;
    }

    /** One thread per core, without progress bars: for reads inside the library (a region, statistics, a view). */
    public static ThreadPoolScheduler quiet() {
        return new ThreadPoolScheduler(Runtime.getRuntime().availableProcessors(), false);
    }

    /** The same threads without progress bars: for a loop of the library that shows progress its own way. */
    public ThreadPoolScheduler withoutProgressBars() {
        return progressBars ? new ThreadPoolScheduler(threads, false) : this;
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
        Thread me = Thread.currentThread();
        boolean nested = me instanceof Worker;
        Run r = new Run(graph, progressBars && !nested, !nested);
        try {
            return nested || graph.size() <= 1 ? r.inline() : r.execute();
        } finally {
            lastPeakHeld = r.peakHeld;
        }
    }

    @Override
    public String toString() {
        return "ThreadPoolScheduler(" + threads + " threads)";
    }

    /** A read that may block (a request to a remote store). */
    public interface IOSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Runs a blocking read (an HTTP request) so that, when called from a task of a run, another
     * worker may compute meanwhile: decoding stays bounded by the cores, requests overlap. Called
     * from any other thread, it just runs the read.
     */
    public static <T> T blocking(IOSupplier<T> read) throws IOException {
        if (!(Thread.currentThread() instanceof Worker w)) return read.get();
        w.run.blocked(true);
        try {
            return read.get();
        } finally {
            w.run.blocked(false);
        }
    }

    /** A thread of a run. */
    private static final class Worker extends Thread {
        final Run run;

        Worker(Run run, Runnable body, String name) {
            super(body, name);
            this.run = run;
            setDaemon(true);
        }
    }

    /** An accumulating fold task: its accumulator and, in order, the next input position and the early ones. */
    private static final class FoldState {
        Object acc;
        boolean begun;
        int next;
        int added;
        Map<Integer, Object> early;
    }

    private final class Run {
        final TaskGraph graph;
        final int n;
        final int out;
        final int[][] deps;
        /** Consumer edges of task i: (task, input position) at cStart[i] .. cStart[i+1]-1. */
        final int[] cStart;
        final int[] cTask;
        final int[] cPos;
        final Fold[] folds;
        final FoldState[] foldStates;
        final int[] prio;
        final int[] waiting;
        final int[] usesLeft;
        final Object[] results;
        final IntHeap ready;
        final boolean showProgress;
        /**
         * Whether results may sit in thread buffers: not in a run nested in a task, whose inputs may
         * sit in this thread's buffers already.
         */
        final boolean transientResults;
        Progress progress = Progress.NONE;
        final List<Worker> workers = new ArrayList<>();
        int done;
        int computing;
        int idle;
        /**
         * Opened when every task ran or the run failed: the caller waits on it, not on this
         * object's monitor, so that the workers' hand-offs (one per task) never wake it.
         */
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        /** Results held for later consumers (and early inputs of in-order folds); its peak, for tests. */
        final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
        volatile int peakHeld;
        Throwable failure;
        int failedTask = -1;
        boolean cancelled;

        Run(TaskGraph graph, boolean showProgress, boolean transientResults) {
            this.graph = graph;
            this.showProgress = showProgress;
            this.transientResults = transientResults;
            n = graph.size();
            out = graph.indexOf(graph.output());
            deps = graph.depIndexes();
            folds = new Fold[n];
            foldStates = new FoldState[n];
            for (int i = 0; i < n; i++) {
                if (graph.task(i).op() instanceof Fold f) {
                    folds[i] = f;
                    foldStates[i] = new FoldState();
                }
            }
            cStart = new int[n + 1];
            for (int[] d : deps) for (int x : d) cStart[x + 1]++;
            for (int i = 0; i < n; i++) cStart[i + 1] += cStart[i];
            cTask = new int[cStart[n]];
            cPos = new int[cStart[n]];
            int[] fill = Arrays.copyOf(cStart, n);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < deps[i].length; p++) {
                    int e = fill[deps[i][p]]++;
                    cTask[e] = i;
                    cPos[e] = p;
                }
            }
            prio = order(deps, out, n);
            waiting = new int[n];
            usesLeft = new int[n];
            results = new Object[n];
            ready = new IntHeap(prio);
            for (int i = 0; i < n; i++) {
                for (int e = cStart[i]; e < cStart[i + 1]; e++) if (folds[cTask[e]] == null) usesLeft[i]++;
                if (folds[i] == null || deps[i].length == 0) {
                    waiting[i] = deps[i].length;
                    if (waiting[i] == 0) ready.add(i);
                }
            }
        }

        // ---- running ------------------------------------------------------------------------

        Object execute() {
            try (Progress p = showProgress ? ProgressSink.current().start("compute", n, "tasks") : Progress.NONE) {
                progress = p;
                synchronized (this) {
                    for (int i = 0; i < Math.min(threads, n); i++) startWorker();
                }
                boolean interrupted = false;
                try {
                    ended.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                synchronized (this) {
                    cancelled = true;
                    notifyAll();
                }
                // Cancel: stop workers (interrupting tasks blocked in I/O) and wait for every one of them.
                List<Worker> all;
                synchronized (this) {
                    all = new ArrayList<>(workers);
                }
                for (Worker w : all) if (w.isAlive()) w.interrupt();
                for (Worker w : all) {
                    while (true) {
                        try {
                            w.join();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                return outcome(interrupted);
            }
        }

        /** Runs every task in the calling thread, in order. */
        Object inline() {
            boolean interrupted = false;
            while (true) {
                int i;
                synchronized (this) {
                    if (done == n || failure != null) break;
                    if (Thread.interrupted()) {
                        interrupted = true;
                        break;
                    }
                    if (ready.isEmpty()) throw new IllegalStateException("no task of the graph can run (" + (n - done) + " of " + n + " left)");
                    i = ready.poll();
                    computing++;
                }
                runTask(i);
            }
            synchronized (this) {
                cancelled = true;
            }
            return outcome(interrupted || (failure != null && isInterruption(failure)));
        }

        private Object outcome(boolean interrupted) {
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new ComputeException("compute interrupted: " + done + " of " + n + " tasks done, the rest cancelled", null);
            }
            if (failure != null) {
                throw new ComputeException("task " + graph.task(failedTask).key() + " failed: " + message(failure)
                        + " (" + (n - done) + " remaining tasks cancelled)", failure);
            }
            return results[out];
        }

        private void startWorker() {
            Worker w = new Worker(this, this::work, "frontier-compute-" + workers.size());
            workers.add(w);
            w.start();
        }

        void work() {
            while (true) {
                int i;
                synchronized (this) {
                    while (!cancelled && done < n && (ready.isEmpty() || computing >= threads)) {
                        idle++;
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            if (cancelled) return; // else a task's own interrupt: not ours to act on
                        } finally {
                            idle--;
                        }
                    }
                    if (cancelled || done >= n) return;
                    i = ready.poll();
                    computing++;
                    wakeOne(); // more may run: the next idle worker goes on
                }
                if (!runTask(i)) return;
            }
        }

        /** Runs task i and hands its result on; false when the run failed or was cancelled. */
        boolean runTask(int i) {
            Op op = graph.task(i).op();
            List<Object> inputs;
            boolean transientOk;
            synchronized (this) {
                inputs = new ArrayList<>(deps[i].length);
                for (int d : deps[i]) inputs.add(results[d]);
                transientOk = consumedAtOnce(i);
            }
            try {
                if (transientOk && intoAccumulator(cTask[cStart[i]])) {
                    return finish(i, new Unrun(i, op, inputs)); // the fold runs op into its accumulator (Fold.addFrom)
                }
                Object v = transientOk ? op.applyTransient(inputs) : transientResults ? op.applyUsingScratch(inputs) : op.apply(inputs);
                inputs = null;
                return finish(i, v);
            } catch (Throwable e) {
                fail(i, e);
                return false;
            } finally {
                synchronized (this) {
                    computing--;
                    wakeOne();
                }
            }
        }

        /** Task task's op, not run yet, handed to the one concurrent fold that takes its result (see {@link Fold#addFrom}). */
        private record Unrun(int task, Op op, List<Object> inputs) {
        }

        /**
         * Whether fold c can be handed the op of an input (Unrun): a concurrent fold whose accumulator
         * is made. Until it is (a region's output being zeroed, 70 MB for zarr-read's), inputs are
         * made the usual way meanwhile, rather than wait for it.
         */
        private boolean intoAccumulator(int c) {
            if (folds[c].order() != Fold.Order.CONCURRENT) return false;
            FoldState s = foldStates[c];
            synchronized (s) {
                return s.begun;
            }
        }

        /** Whether task i's result goes at once into one fold, so that it may sit in a thread buffer. */
        private boolean consumedAtOnce(int i) {
            if (!transientResults || i == out || cStart[i + 1] - cStart[i] != 1) return false;
            int c = cTask[cStart[i]];
            Fold f = folds[c];
            if (f == null) return false;
            if (f.order() != Fold.Order.IN_ORDER) return true;
            FoldState s = foldStates[c];
            synchronized (s) {
                return s.next == cPos[cStart[i]];
            }
        }

        /**
         * Task i made v: adds it to the folds that take it (here, now), keeps it for the other
         * consumers, makes them ready, and frees inputs whose consumers all ran.
         */
        boolean finish(int i, Object v) throws Exception {
            for (int e = cStart[i]; e < cStart[i + 1]; e++) {
                int c = cTask[e];
                if (folds[c] != null && !foldInto(c, cPos[e], v)) return false;
            }
            synchronized (this) {
                if (cancelled) return false;
                if (i == out || usesLeft[i] > 0) {
                    results[i] = v;
                    hold(1);
                }
                for (int e = cStart[i]; e < cStart[i + 1]; e++) {
                    int c = cTask[e];
                    if (folds[c] == null && --waiting[c] == 0) ready.add(c);
                }
                if (folds[i] == null) for (int d : deps[i]) release(d);
                if (++done == n) {
                    ended.countDown();
                    notifyAll();
                } else {
                    wakeOne();
                }
            }
            progress.advance(1);
            return true;
        }

        private void release(int d) {
            if (--usesLeft[d] == 0 && d != out && results[d] != null) {
                results[d] = null;
                hold(-1);
            }
        }

        private void hold(int delta) {
            int h = held.addAndGet(delta);
            if (h > peakHeld) peakHeld = h;
        }

        /** Adds input number pos (v) to fold task c; when it was the last, finishes c. */
        private boolean foldInto(int c, int pos, Object v) throws Exception {
            Fold f = folds[c];
            FoldState s = foldStates[c];
            int total = deps[c].length;
            boolean last;
            try {
                if (f.order() == Fold.Order.CONCURRENT) {
                    synchronized (s) {
                        if (!s.begun) {
                            s.acc = f.begin(total);
                            s.begun = true;
                        }
                    }
                    if (v instanceof Unrun u) {
                        try {
                            f.addFrom(s.acc, pos, u.op(), u.inputs());
                        } catch (Throwable e) {
                            fail(u.task(), e); // the task's own failure (a chunk that cannot be read)
                            return false;
                        }
                    } else {
                        f.add(s.acc, pos, v);
                    }
                    synchronized (s) {
                        last = ++s.added == total;
                    }
                } else {
                    synchronized (s) {
                        if (!s.begun) {
                            s.acc = f.begin(total);
                            s.begun = true;
                        }
                        if (f.order() == Fold.Order.IN_ORDER && pos != s.next) {
                            if (s.early == null) s.early = new HashMap<>();
                            s.early.put(pos, v);
                            hold(1);
                            return true;
                        }
                        s.acc = f.add(s.acc, pos, v);
                        s.added++;
                        s.next++;
                        if (f.order() == Fold.Order.IN_ORDER && s.early != null) {
                            Object w;
                            while ((w = s.early.remove(s.next)) != null) {
                                hold(-1);
                                s.acc = f.add(s.acc, s.next, w);
                                s.added++;
                                s.next++;
                            }
                        }
                        last = s.added == total;
                    }
                }
            } catch (Throwable e) {
                fail(c, e);
                return false;
            }
            if (!last) return true;
            Object result;
            try {
                result = f.end(s.acc);
            } catch (Throwable e) {
                fail(c, e);
                return false;
            }
            s.acc = null;
            return finish(c, result);
        }

        synchronized void fail(int task, Throwable e) {
            if (failure == null && !cancelled) {
                failure = e;
                failedTask = task;
            }
            cancelled = true;
            ended.countDown();
            notifyAll();
        }

        /**
         * Wakes one idle worker when a task could start now. One is enough: a worker that takes a
         * task calls this again, so idle workers wake one after the other while tasks and free
         * slots remain, instead of all of them at every hand-off to find one task.
         */
        private void wakeOne() {
            if (idle > 0 && !ready.isEmpty() && computing < threads) notify();
        }

        /** A worker waits on I/O (or is back): another may compute meanwhile, up to MAX_BLOCKED extra. */
        synchronized void blocked(boolean now) {
            if (!now) {
                computing++;
                return;
            }
            computing--;
            if (!cancelled && idle == 0 && !ready.isEmpty() && workers.size() < threads + MAX_BLOCKED && !workers.isEmpty()) startWorker();
            wakeOne();
        }
    }

    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Each task's place in the run order: the position of a depth-first walk from the output that
     * visits a task's inputs in their order and places a task after them (tasks the output does not
     * need come after, in the same way).
     */
    static int[] order(int[][] deps, int out, int n) {
        int[] prio = new int[n];
        Arrays.fill(prio, -1);
        byte[] state = new byte[n];
        int[] stack = new int[Math.max(16, n)];
        int[] next = new int[Math.max(16, n)];
        int counter = 0;
        for (int root = -1; root < n; root++) {
            int start = root < 0 ? out : root;
            if (state[start] != 0) continue;
            int sp = 0;
            stack[sp] = start;
            next[sp] = 0;
            sp++;
            state[start] = 1;
            while (sp > 0) {
                int t = stack[sp - 1];
                int[] d = deps[t];
                if (next[sp - 1] < d.length) {
                    int x = d[next[sp - 1]++];
                    if (state[x] == 0) {
                        state[x] = 1;
                        stack[sp] = x;
                        next[sp] = 0;
                        sp++;
                    }
                } else {
                    sp--;
                    state[t] = 2;
                    prio[t] = counter++;
                }
            }
        }
        return prio;
    }

    /** A binary heap of task numbers, smallest priority first. */
    static final class IntHeap {
        private final int[] prio;
        private int[] heap = new int[64];
        private int size;

        IntHeap(int[] prio) {
            this.prio = prio;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int t) {
            if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (prio[heap[parent]] <= prio[t]) break;
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = t;
        }

        int poll() {
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) break;
                int r = l + 1;
                int c = r < size && prio[heap[r]] < prio[heap[l]] ? r : l;
                if (prio[heap[c]] >= prio[last]) break;
                heap[i] = heap[c];
                i = c;
            }
            if (size > 0) heap[i] = last;
            return top;
        }
    }

    /** For tests: the run order of a graph's tasks by key. */
    static Map<TaskKey, Integer> runOrder(TaskGraph g) {
        int[] p = order(g.depIndexes(), g.indexOf(g.output()), g.size());
        Map<TaskKey, Integer> m = new HashMap<>();
        for (int i = 0; i < g.size(); i++) m.put(g.task(i).key(), p[i]);
        return m;
    }
}
