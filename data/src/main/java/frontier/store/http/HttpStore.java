package frontier.store.http;

import frontier.http.Http;
import frontier.http.HttpTimeout;
import frontier.http.RetryPolicy;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.StoreStats;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A read-only store over HTTP(S): key K of a store at URL U is fetched from U/K with the one HTTP
 * client ({@link Http}): HTTP/2 where the server has it, its retry policy (429, 5xx, connection
 * errors and truncated bodies, with backoff) and one deadline per key ({@link HttpTimeout}).
 * Reads are asynchronous ({@link #getAsync}, {@link #getMany}); at most {@code maxInFlight}
 * requests are sent at once and the rest wait in a queue, not on a thread ({@link Http#lane}). Parts of a value are
 * read with Range requests (a suffix in one request). A 404 (or 410) is a missing key (null); any
 * other 4xx is an IOException naming the URL and the status. HTTP cannot list, so
 * {@link #isListable()} is false.
 * <p>
 * Subclasses (S3) change how replies and failures are read, and add listing.
 */
public class HttpStore implements Store {

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
    private final Http.Lane lane;
    private final StoreStats stats = new StoreStats();

    public HttpStore(String url) {
        this(url, Options.defaults());
    }

    public HttpStore(String url, Options options) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        this.base = url.endsWith("/") ? url : url + "/";
        this.options = options;
        this.lane = options.client().lane(options.maxInFlight());
    }

    /** The store's URL, ending in '/'. */
    public String url() {
        return base;
    }

    public Options options() {
        return options;
    }

    @Override
    public byte[] get(String key) throws IOException {
        return get(key, null);
    }

    /** Sent from the calling thread when the lane has room ({@link Http.Lane#getHere}), else queued and awaited. */
    @Override
    public byte[] get(String key, ByteRequest bytes) throws IOException {
        if (bytes != null && bytes.isEmpty()) return new byte[0];
        Http.Get get = Http.Get.of(uri(key)).withRange(bytes == null ? null : bytes.header());
        Http.Reply reply;
        try {
            reply = lane.getHere(get, options.retry());
        } catch (IOException e) {
            stats.countRequests(1);
            throw failure(key, e);
        }
        if (reply == null) return Store.await(getAsync(key, bytes));
        return answer(key, bytes, counted(reply));
    }

    /** Fetches a key, or some of its bytes, without blocking; completes with null when the key is missing. */
    @Override
    public CompletableFuture<byte[]> getAsync(String key, ByteRequest bytes) {
        if (bytes != null && bytes.isEmpty()) return CompletableFuture.completedFuture(new byte[0]);
        return exchange(key, bytes == null ? null : bytes.header()).thenApply(reply -> {
            try {
                return answer(key, bytes, reply);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * The size from one request for the first byte: Content-Range carries the total, so no body
     * is read (a server that ignores Range sends the whole value, which then is its size).
     */
    @Override
    public long size(String key) throws IOException {
        Http.Reply r = Store.await(exchange(key, "bytes=0-0"));
        if (r.status() == 206 || r.status() == 416) {
            long total = totalSize(r.header("Content-Range"));
            if (total >= 0) return total;
            if (r.status() == 416) return 0;
        }
        byte[] b = answer(key, null, r);
        return b == null ? -1 : b.length;
    }

    /** "bytes 0-0/1234" or "bytes *&#47;1234": 1234; -1 when absent or unknown ("/*"). */
    static long totalSize(String contentRange) {
        if (contentRange == null) return -1;
        int slash = contentRange.lastIndexOf('/');
        if (slash < 0) return -1;
        try {
            return Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public String locate(String key) {
        return base + key;
    }

    @Override
    public String address(String key) {
        return base + key;
    }

    @Override
    public String describe() {
        return base;
    }

    /** Requests still queued are failed; the shared client and its connections live on. */
    @Override
    public void close() {
        lane.close();
    }

    // ---- what subclasses change ----

    /**
     * The bytes a reply carries for a read: the body of a 200 or 206 (cut to the range asked for
     * when a server ignored Range), null for 404 and 410, no bytes for 416 (a range past the end);
     * an IOException naming the URL otherwise.
     */
    protected byte[] answer(String key, ByteRequest bytes, Http.Reply reply) throws IOException {
        int status = reply.status();
        if (status == 200) return bytes == null ? reply.body() : bytes.slice(reply.body());
        if (status == 206) return reply.body();
        if (status == 404 || status == 410) return null;
        if (status == 416) return new byte[0];
        throw new IOException(reply.describe());
    }

    /** A request that failed without a reply (no connection, a timeout): the default keeps the client's message, which names the URL. */
    protected IOException failure(String key, IOException e) {
        return e;
    }

    /** A reply body as text, for error messages. */
    protected static String text(Http.Reply reply) {
        return reply.body() == null ? "" : new String(reply.body(), StandardCharsets.UTF_8);
    }

    /** The URL of a key: the store's URL and the key, percent-encoded where a path cannot hold it. */
    protected URI uri(String key) {
        if (key.startsWith("/")) throw new IllegalArgumentException("key must not start with '/': " + key);
        try {
            return URI.create(base + encodePath(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad key for " + describe() + ": " + key, e);
        }
    }

    /** Percent-encodes what a URI path cannot hold as is (spaces, say); '/' stays a separator. */
    protected static String encodePath(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
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

    /** One GET of a URL, in the store's lane, counted. */
    protected CompletableFuture<Http.Reply> exchange(URI uri, String key, String range) {
        Http.Get get = Http.Get.of(uri).withRange(range);
        return lane.getAsync(get, options.retry()).handle((r, e) -> {
            if (e != null) {
                stats.countRequests(1);
                Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new CompletionException(c instanceof IOException io ? failure(key, io) : c);
            }
            return counted(r);
        });
    }

    private Http.Reply counted(Http.Reply r) {
        stats.countRequests(r.attempts());
        if (r.isSuccess()) stats.countBytes(r.body().length);
        return r;
    }

    private CompletableFuture<Http.Reply> exchange(String key, String range) {
        URI uri;
        try {
            uri = uri(key);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange(uri, key, range);
    }
}
