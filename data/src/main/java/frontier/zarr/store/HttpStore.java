package frontier.zarr.store;

import frontier.store.Store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read-only store over HTTP(S): key K of a store at URL U is fetched from U/K.
 * <p>
 * HTTP/1.1 with keep-alive, a bounded number of requests in flight (callers may start many
 * with {@link #getAsync}), a timeout per attempt, and bounded retries with exponential backoff
 * and jitter on 429, 5xx, timeouts and connection errors (Retry-After honoured, capped).
 * A 404 (or 410) is a missing key (null); any other 4xx is an IOException naming the URL and
 * the status. HTTP cannot list, so {@link #isListable()} is false.
 */
public final class HttpStore implements Store {

    /** Tunables; the defaults suit a loopback server as well as a public S3 bucket. */
    public record Options(int maxInFlight, Duration connectTimeout, Duration requestTimeout,
                          int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        public static Options defaults() {
            return new Options(Integer.getInteger("frontier.http.maxInFlight", 32), Duration.ofSeconds(10), Duration.ofSeconds(30), 4,
                    Duration.ofMillis(100), Duration.ofSeconds(5));
        }

        public Options withRequestTimeout(Duration t) {
            return new Options(maxInFlight, connectTimeout, t, maxRetries, initialBackoff, maxBackoff);
        }

        public Options withRetries(int n, Duration initial) {
            return new Options(maxInFlight, connectTimeout, requestTimeout, n, initial, maxBackoff);
        }

        public Options withMaxInFlight(int n) {
            return new Options(n, connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
        }
    }

    /** Daemon threads: a store someone forgot to close never keeps the JVM (or kernel) alive. */
    private static final ExecutorService SHARED_EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-store");
        t.setDaemon(true);
        return t;
    });

    private final String base;
    private final Options options;
    private final ExecutorService executor;
    private final java.util.ArrayDeque<CompletableFuture<Void>> waiters = new java.util.ArrayDeque<>();
    private int free;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public HttpStore(String url) {
        this(url, Options.defaults());
    }

    public HttpStore(String url, Options options) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        this.base = url.endsWith("/") ? url : url + "/";
        this.options = options;
        this.executor = SHARED_EXECUTOR;
        this.free = Math.max(1, options.maxInFlight());
    }

    /** The store's URL, ending in '/'. */
    public String url() {
        return base;
    }

    /** HTTP requests sent so far (retries included): for tests and benchmarks. */
    public long requestCount() {
        return requests.get();
    }

    /** Body bytes received so far. */
    public long bytesReceived() {
        return bytes.get();
    }

    public Options options() {
        return options;
    }

    @Override
    public byte[] get(String key) throws IOException {
        return join(getAsync(key));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) throws IOException {
        if (length <= 0) return new byte[0];
        return join(getRangeAsync(key, offset, length));
    }

    /** One request with "Range: bytes=-N" (a shard index at the end of its shard). */
    @Override
    public byte[] getSuffix(String key, int length) throws IOException {
        if (length <= 0) return new byte[0];
        return join(fetch(key, "bytes=-" + length, 0).thenApply(b -> {
            // A server that ignores Range answers 200 with the whole body: keep its end.
            if (b == null || b.length <= length) return b;
            return java.util.Arrays.copyOfRange(b, b.length - length, b.length);
        }));
    }

    /** Fetches a key without blocking; completes with null when the key is missing. */
    public CompletableFuture<byte[]> getAsync(String key) {
        return fetch(key, null, 0);
    }

    public CompletableFuture<byte[]> getRangeAsync(String key, long offset, int length) {
        return fetch(key, "bytes=" + offset + "-" + (offset + length - 1), 0).thenApply(b -> {
            // A server that ignores Range answers 200 with the whole body: cut it here.
            if (b == null || b.length <= length) return b;
            int from = (int) Math.min(offset, b.length);
            return java.util.Arrays.copyOfRange(b, from, (int) Math.min((long) from + length, b.length));
        });
    }

    @Override
    public String locate(String key) {
        return base + key;
    }

    @Override
    public String describe() {
        return base;
    }

    /** Requests still queued for a slot are failed; the shared client and its threads live on. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> queued;
        synchronized (waiters) {
            queued = new java.util.ArrayList<>(waiters);
            waiters.clear();
        }
        for (CompletableFuture<Void> w : queued) w.completeExceptionally(new IOException("store " + base + " closed"));
    }

    private URI uri(String key) {
        if (key.startsWith("/")) throw new IllegalArgumentException("key must not start with '/': " + key);
        try {
            return URI.create(base + encodePath(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad key for " + base + ": " + key, e);
        }
    }

    /** Percent-encodes what a URI path cannot hold as is (spaces, say); '/' stays a separator. */
    private static String encodePath(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private CompletableFuture<byte[]> fetch(String key, String range, int attempt) {
        URI uri = uri(key);
        return acquire().thenCompose(ignored -> {
            requests.incrementAndGet();
            Exchange exchange = new Exchange(uri, range, options);
            CompletableFuture<frontier.http.PlainHttpClient.Response> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return exchange.run();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, executor);
            // The read timeout covers each read; this budget also covers a body that trickles.
            long budget = options.requestTimeout().toMillis() + 1000;
            return sent.orTimeout(budget, TimeUnit.MILLISECONDS)
                    .whenComplete((r, e) -> {
                        release();
                        if (e != null) exchange.abort(); // unblocks a worker stuck on a dead socket
                    });
        }).handle((response, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (isTransient(cause) && attempt < options.maxRetries()) {
                    return retryLater(key, range, attempt, null);
                }
                return CompletableFuture.<byte[]>failedFuture(failure(uri, cause, attempt));
            }
            int status = response.status();
            if (status == 200 || status == 206) {
                bytes.addAndGet(response.body().length);
                return CompletableFuture.completedFuture(response.body());
            }
            if (status == 404 || status == 410) return CompletableFuture.<byte[]>completedFuture(null);
            if (status == 416) return CompletableFuture.completedFuture(new byte[0]);
            if ((status == 429 || status >= 500) && attempt < options.maxRetries()) {
                return retryLater(key, range, attempt, response.retryAfter());
            }
            String what = status == 429 || status >= 500
                    ? " after " + (attempt + 1) + " attempts" : "";
            return CompletableFuture.<byte[]>failedFuture(
                    new IOException("HTTP " + status + " for " + uri + what));
        }).thenCompose(f -> f);
    }

    /** Waits for a free slot without tying up a thread: waiters queue and are handed released slots. */
    private CompletableFuture<Void> acquire() {
        synchronized (waiters) {
            if (free > 0) {
                free--;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> w = new CompletableFuture<>();
            waiters.add(w);
            return w;
        }
    }

    private void release() {
        CompletableFuture<Void> next;
        synchronized (waiters) {
            next = waiters.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        // Start the next request off this thread (we may be inside the HTTP client's callback).
        executor.execute(() -> next.complete(null));
    }

    private CompletableFuture<byte[]> retryLater(String key, String range, int attempt, String retryAfterHeader) {
        long delay = backoffMillis(attempt);
        if (retryAfterHeader != null) {
            long retryAfter = retryAfterMillis(retryAfterHeader);
            if (retryAfter >= 0) delay = Math.min(Math.max(delay, retryAfter), options.maxBackoff().toMillis() * 4);
        }
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor);
        return CompletableFuture.supplyAsync(() -> null, later).thenCompose(x -> fetch(key, range, attempt + 1));
    }

    /** initial * 2^attempt, capped, with full jitter on the upper half so that many clients spread out. */
    private long backoffMillis(int attempt) {
        long max = options.maxBackoff().toMillis();
        long d = Math.min(max, options.initialBackoff().toMillis() << Math.min(attempt, 20));
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }

    static long retryAfterMillis(String v) {
        if (v == null) return -1;
        try {
            return Math.max(0, Long.parseLong(v.trim()) * 1000);
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(v.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(java.time.ZonedDateTime.now(), when).toMillis());
            } catch (RuntimeException e2) {
                return -1;
            }
        }
    }

    private static boolean isTransient(Throwable t) {
        // Timeouts, refused/reset connections and truncated bodies are worth another try.
        return t instanceof IOException || t instanceof TimeoutException;
    }

    private IOException failure(URI uri, Throwable cause, int attempt) {
        String tries = attempt > 0 ? " after " + (attempt + 1) + " attempts" : "";
        String what;
        if (cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException) {
            what = "timed out (" + options.requestTimeout().toMillis() + " ms per request)";
        } else if (cause instanceof ConnectException) {
            what = "cannot connect" + (cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
        } else {
            what = cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
        }
        return new IOException("GET " + uri + " failed" + tries + ": " + what, cause);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static byte[] join(CompletableFuture<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = unwrap(e);
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            throw new IOException(c);
        }
    }
}
