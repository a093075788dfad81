package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * An IPFS trustless gateway: {@code GET BASE/ipfs/CID?format=raw} with
 * {@code Accept: application/vnd.ipld.raw}. 404/410 mean "not here"; 429, 5xx and connection
 * errors are retried a bounded number of times with backoff; a request that does not finish
 * (headers and body) within the timeout is given up, not retried (a hanging gateway must not
 * hold the reader for long). The bytes returned are NOT verified here: {@link BlockFetcher} does that.
 */
public final class GatewaySource implements BlockSource, AutoCloseable {
    /** Larger than any block Kubo makes or accepts (2 MiB for bitswap); a bigger body is refused. */
    static final int MAX_BLOCK = 4 << 20;

    private final String base;
    private final Duration timeout;
    private final int retries;
    private final HttpClient client;
    private final ExecutorService executor;

    public GatewaySource(String url, Duration timeout, int retries) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) gateway URL: " + url);
        }
        String b = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (b.endsWith("/ipfs")) b = b.substring(0, b.length() - 5); // "https://host/ipfs/" given as the gateway
        this.base = b;
        this.timeout = timeout;
        this.retries = retries;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ipfs-gateway-client");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).executor(executor).build();
    }

    @Override
    public String name() {
        return "gateway " + base;
    }

    public String url() {
        return base;
    }

    @Override
    public byte[] fetch(Cid cid) throws IOException {
        URI uri = URI.create(base + "/ipfs/" + cid + "?format=raw");
        HttpRequest req = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("Accept", "application/vnd.ipld.raw").build();
        IOException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) sleep(attempt);
            HttpResponse<byte[]> r;
            try {
                // The request timeout covers the headers; orTimeout also bounds a body that stalls.
                var sent = client.sendAsync(req, limited());
                try {
                    r = sent.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    sent.cancel(true);
                    throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) throw io;
                    throw new IOException(c.getMessage(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sent.cancel(true);
                    throw new IOException("interrupted fetching " + cid + " from " + name());
                }
            } catch (HttpTimeoutException e) {
                throw new BlockTimeoutException(cid, name(), e.getMessage());
            } catch (IOException e) {
                last = new IOException(name() + " failed for block " + cid + ": " + describe(e), e);
                continue; // connection refused / reset / truncated body: retry, bounded
            }
            int status = r.statusCode();
            if (status == 200) {
                if (r.body().length > MAX_BLOCK) throw new IOException(name() + " sent more than " + MAX_BLOCK + " bytes for block " + cid + " (no block is that large)");
                return r.body();
            }
            if (status == 404 || status == 410) return null;
            if (status == 429 || status >= 500) {
                last = new IOException(name() + " answered HTTP " + status + " for block " + cid);
                continue;
            }
            throw new IOException(name() + " answered HTTP " + status + " for block " + cid);
        }
        throw new IOException(last.getMessage() + " (after " + (retries + 1) + " attempts)", last.getCause() != null ? last.getCause() : last);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Reads the body; a declared length beyond MAX_BLOCK is refused before reading (no block is that big). */
    private static HttpResponse.BodyHandler<byte[]> limited() {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > MAX_BLOCK) {
                return HttpResponse.BodySubscribers.replacing(new byte[MAX_BLOCK + 1]);
            }
            return HttpResponse.BodySubscribers.ofByteArray();
        };
    }

    private static void sleep(int attempt) {
        long ms = Math.min(2000, 50L << Math.min(attempt, 6));
        try {
            Thread.sleep(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return name();
    }
}
