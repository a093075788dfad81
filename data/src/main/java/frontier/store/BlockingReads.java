package frontier.store;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where remote stores without a network client of their own (ipfs://, a user's store) run their
 * blocking reads when asked asynchronously: a few daemon threads shared by all of them, so that a
 * batch of reads overlaps while each waits on a daemon or a gateway.
 */
final class BlockingReads {
    private static final int THREADS = 16;
    private static final ThreadPoolExecutor POOL;

    static {
        AtomicInteger n = new AtomicInteger();
        POOL = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "store-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        POOL.allowCoreThreadTimeOut(true);
    }

    private BlockingReads() {
    }

    interface Read {
        byte[] get() throws IOException;
    }

    static CompletableFuture<byte[]> supply(Read read) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read.get();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, POOL);
    }
}
