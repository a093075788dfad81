package frontier.zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared, bounded pool that decodes chunks: one thread per core, daemon threads. A
 * fork-join pool so that a chunk read started from inside a pool task (a lazy array's task
 * reading a region, say) helps instead of deadlocking.
 */
public final class ZarrExecutor {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Extra threads the pool may add while workers wait on a remote store (see {@link #blocking}). */
    private static final int MAX_BLOCKED = 16;
    private static final ForkJoinPool POOL = new ForkJoinPool(
            CORES,
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("zarr-chunks-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, null, false, 0, CORES + MAX_BLOCKED, 1, pool -> true, 30, java.util.concurrent.TimeUnit.SECONDS);

    private ZarrExecutor() {
    }

    public static ForkJoinPool pool() {
        return POOL;
    }

    /** A store read that may block. */
    public interface IOSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Runs a blocking read (an HTTP request) so that the pool may start a spare thread meanwhile
     * (up to 16): decoding stays bounded by the cores, remote requests overlap.
     */
    public static <T> T blocking(IOSupplier<T> read) throws IOException {
        if (!(Thread.currentThread() instanceof ForkJoinWorkerThread)
                || ((ForkJoinWorkerThread) Thread.currentThread()).getPool() != POOL) {
            return read.get();
        }
        class Blocker implements ForkJoinPool.ManagedBlocker {
            T value;
            IOException error;
            boolean done;

            @Override
            public boolean block() {
                try {
                    value = read.get();
                } catch (IOException e) {
                    error = e;
                }
                done = true;
                return true;
            }

            @Override
            public boolean isReleasable() {
                return done;
            }
        }
        Blocker b = new Blocker();
        try {
            ForkJoinPool.managedBlock(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        }
        if (b.error != null) throw b.error;
        return b.value;
    }

    /** Work on one item that may fail with an IOException. */
    public interface IOTask<T> {
        void run(T item) throws IOException;
    }

    /** Tasks forked and not yet joined at once: bounds the memory of a loop over millions of chunks. */
    private static final int WINDOW = Math.max(64, 8 * CORES);

    /**
     * Runs task on every item, in parallel on the shared pool; the first failure is rethrown (others are
     * suppressed) and no new item is started after it. Items are taken from the iterable as tasks finish,
     * at most a window of them in flight, so that an iterable generated on the fly (the chunks of a huge
     * region) is never materialised.
     */
    public static <T> void forEach(Iterable<T> items, IOTask<T> task) throws IOException {
        Iterator<T> it = items.iterator();
        if (!it.hasNext()) return;
        T first = it.next();
        if (!it.hasNext()) {
            task.run(first);
            return;
        }
        RecursiveAction all = new RecursiveAction() {
            @Override
            protected void compute() {
                ArrayDeque<ForkJoinTask<?>> inFlight = new ArrayDeque<>();
                Throwable failure = null;
                T item = first;
                boolean more = true;
                while (more) {
                    T current = item;
                    inFlight.add(new RecursiveAction() {
                        @Override
                        protected void compute() {
                            try {
                                task.run(current);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }.fork());
                    more = it.hasNext();
                    if (more) item = it.next();
                    // join the oldest (helping with queued work meanwhile); after a failure, drain and stop
                    while (!inFlight.isEmpty() && (inFlight.size() >= WINDOW || !more)) {
                        try {
                            inFlight.poll().join();
                        } catch (RuntimeException | Error e) {
                            if (failure == null) failure = e;
                            else failure.addSuppressed(e);
                            more = false;
                        }
                    }
                }
                if (failure instanceof Error e) throw e;
                if (failure != null) throw (RuntimeException) failure;
            }
        };
        try {
            if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == POOL) all.invoke();
            else POOL.invoke(all);
        } catch (UncheckedIOException e) {
            throw rethrow(e.getCause());
        } catch (RuntimeException | Error e) {
            Throwable c = e;
            while (c.getCause() != null && c != c.getCause()) {
                if (c instanceof UncheckedIOException) throw rethrow((IOException) c.getCause());
                c = c.getCause();
            }
            throw e;
        }
    }

    private static IOException rethrow(IOException e) {
        return e;
    }
}
