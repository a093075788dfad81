package frontier.zarr.store;

import frontier.http.ByteRange;
import frontier.http.Http;
import frontier.http.HttpTimeout;
import frontier.http.RetryPolicy;
import frontier.store.Store;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read-only store over HTTP(S): key K of a store at URL U is fetched from U/K with the one HTTP
 * client ({@link Http}): HTTP/2 where the server has it, its retry policy (429, 5xx, connection
 * errors and truncated bodies, with backoff) and one deadline per key ({@link HttpTimeout}).
 * Callers may start many fetches with {@link #getAsync}; at most {@code maxInFlight} are sent at
 * once. A 404 (or 410) is a missing key (null); any other 4xx is an IOException naming the URL
 * and the status. HTTP cannot list, so {@link #isListable()} is false.
 */
public final class HttpStore implements Store {

    /** Tunables; the defaults suit a loopback server as well as a public S3 bucket. */
    public record Options(int maxInFlight, RetryPolicy retry, Http client) {
        public static Options defaults() {
            return new Options(Integer.getInteger("frontier.http.maxInFlight", 32), RetryPolicy.defaults(), Http.shared());
        }

        /** The deadline of each key's fetch, retries included. */
        public Options withTimeout(Duration t) {
            return new Options(maxInFlight, retry.withDeadline(t), client);
        }

        /** n retries (n + 1 attempts), the first after about initial. */
        public Options withRetries(int n, Duration initial) {
            return new Options(maxInFlight, retry.withAttempts(n + 1, initial), client);
        }

        public Options withMaxInFlight(int n) {
            return new Options(n, retry, client);
        }

        /** Another client (one that trusts a test's self-signed certificate, say). */
        public Options withClient(Http c) {
            return new Options(maxInFlight, retry, c);
        }
    }

    private final String base;
    private final Options options;
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
        return join(fetch(key, "bytes=-" + length).thenApply(b -> {
            // A server that ignores Range answers 200 with the whole body: keep its end.
            if (b == null || b.length <= length) return b;
            return java.util.Arrays.copyOfRange(b, b.length - length, b.length);
        }));
    }

    /** Fetches a key without blocking; completes with null when the key is missing. */
    public CompletableFuture<byte[]> getAsync(String key) {
        return fetch(key, null);
    }

    public CompletableFuture<byte[]> getRangeAsync(String key, long offset, int length) {
        return fetch(key, ByteRange.header(offset, length)).thenApply(b -> {
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

    /** Requests still queued for a slot are failed; the shared client and its connections live on. */
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

    private CompletableFuture<byte[]> fetch(String key, String range) {
        URI uri = uri(key);
        Http.Get get = Http.Get.of(uri).withRange(range);
        return acquire().thenCompose(ignored -> options.client().getAsync(get, options.retry())
                .whenComplete((r, e) -> {
                    release();
                    requests.addAndGet(r != null ? r.attempts() : 1);
                })).thenApply(reply -> {
                    int status = reply.status();
                    if (status == 200 || status == 206) {
                        bytes.addAndGet(reply.body().length);
                        return reply.body();
                    }
                    if (status == 404 || status == 410) return null;
                    if (status == 416) return new byte[0];
                    throw new CompletionException(new IOException(reply.describe()));
                });
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
        next.complete(null); // the next request is handed to the client's pool from here
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
