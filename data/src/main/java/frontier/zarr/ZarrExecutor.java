package frontier.zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    /** Runs task on every item, in parallel on the shared pool; the first failure is rethrown (others are suppressed). */
    public static <T> void forEach(List<T> items, IOTask<T> task) throws IOException {
        if (items.isEmpty()) return;
        if (items.size() == 1) {
            task.run(items.get(0));
            return;
        }
        RecursiveAction all = new RecursiveAction() {
            @Override
            protected void compute() {
                List<ForkJoinTask<?>> tasks = new ArrayList<>(items.size());
                for (T item : items) {
                    tasks.add(new RecursiveAction() {
                        @Override
                        protected void compute() {
                            try {
                                task.run(item);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                }
                invokeAll(tasks);
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
