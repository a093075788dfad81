package frontier.ipfs.fetch;

import frontier.http.BodyTooLargeException;
import frontier.http.Http;
import frontier.http.RetryPolicy;
import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An IPFS trustless gateway: {@code GET BASE/ipfs/CID?format=raw} with
 * {@code Accept: application/vnd.ipld.raw}, through the one HTTP client ({@link Http}). 404/410
 * mean "not here"; 429, 5xx and connection errors are retried a bounded number of times with
 * backoff, all within the timeout (a hanging gateway must not hold the reader for long). A body
 * is read only up to {@link #MAX_BLOCK} bytes: a gateway sending more is cut off there. The bytes
 * returned are NOT verified here: {@link BlockFetcher} does that.
 */
public final class GatewaySource implements BlockSource, AutoCloseable {
    /** Larger than any block Kubo makes or accepts (2 MiB for bitswap); a bigger body is refused. */
    static final int MAX_BLOCK = 4 << 20;

    private final String base;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final Http http;

    public GatewaySource(String url, Duration timeout, int retries) {
        this(url, timeout, retries, Http.shared());
    }

    public GatewaySource(String url, Duration timeout, int retries, Http http) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) gateway URL: " + url);
        }
        String b = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (b.endsWith("/ipfs")) b = b.substring(0, b.length() - 5); // "https://host/ipfs/" given as the gateway
        this.base = b;
        this.timeout = timeout;
        this.policy = new RetryPolicy(retries + 1, Duration.ofMillis(50), Duration.ofSeconds(2), timeout);
        this.http = http;
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
        Http.Reply r;
        try {
            r = http.get(Http.Get.of(uri).withAccept("application/vnd.ipld.raw").withMaxBody(MAX_BLOCK), policy);
        } catch (HttpTimeoutException e) {
            throw new BlockTimeoutException(cid, name(), e.getMessage());
        } catch (BodyTooLargeException e) {
            throw new IOException(name() + " sent more than " + MAX_BLOCK + " bytes for block " + cid
                    + " (no block is that large; stopped reading at the limit)", e);
        } catch (IOException e) {
            throw new IOException(name() + " failed for block " + cid + ": " + e.getMessage(), e);
        }
        int status = r.status();
        if (status == 200) return r.body();
        if (status == 404 || status == 410) return null;
        throw new IOException(name() + " answered " + r.describe() + " (block " + cid + ")");
    }

    /** The timeout of one block's fetch, retries included. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        // the shared client's connections outlive a source
    }

    @Override
    public String toString() {
        return name();
    }
}
