package frontier.zarr.store;

import frontier.http.PlainHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * One blocking HTTP GET for {@link HttpStore}: plain {@code http://} over {@link PlainHttpClient}
 * (the least CPU per request), HTTPS and proxied requests over the JDK's HttpURLConnection.
 * {@code -Dfrontier.http.client=jdk} sends everything through the JDK.
 * <p>
 * Why not java.net.http.HttpClient: for thousands of small chunk responses it spent about three
 * times the CPU per request (2,871 fetches of an OME-Zarr image: 2.2-2.9 s of CPU against
 * 0.6-1.2 s), which on a 2-core laptop is the download's whole budget. HttpURLConnection keeps
 * connections alive in the JDK's keep-alive cache, sized here for the store's concurrency.
 * <p>
 * Redirects are followed here (at most {@value #MAX_REDIRECTS}, never from https to http) because
 * HttpURLConnection alone will not follow one that changes the scheme. A body shorter than its
 * Content-Length is an IOException (HttpURLConnection may report it as a clean end of stream).
 */
final class Exchange {
    static final int MAX_REDIRECTS = 5;

    static {
        // The JDK keeps at most 5 idle connections per server unless told otherwise; the store
        // runs up to 32 requests at once by default, so the rest would reconnect every time.
        if (System.getProperty("http.maxConnections") == null) System.setProperty("http.maxConnections", "64");
    }

    /** Plain http goes through our client unless a proxy is configured or the JDK's client is asked for. */
    private static final boolean PLAIN = !"jdk".equals(System.getProperty("frontier.http.client"))
            && System.getProperty("http.proxyHost") == null;

    private final URI uri;
    private final String range;
    private final int connectMillis;
    private final int readMillis;
    private volatile HttpURLConnection connection;
    private volatile PlainHttpClient.Call call;
    private volatile boolean aborted;

    Exchange(URI uri, String range, HttpStore.Options options) {
        this.uri = uri;
        this.range = range;
        this.connectMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        this.readMillis = (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis());
    }

    /** The final response (redirects followed): a body for 200/206 only, Retry-After for the store's retries. */
    PlainHttpClient.Response run() throws IOException {
        URI at = uri;
        for (int hop = 0; ; hop++) {
            PlainHttpClient.Response r = PLAIN && "http".equalsIgnoreCase(at.getScheme()) ? plain(at) : jdk(at);
            int status = r.status();
            if (status >= 300 && status < 400 && status != 304 && r.location() != null) {
                URI next = redirect(at, r.location());
                if (hop >= MAX_REDIRECTS) throw new IOException("too many redirects (last to " + next + ")");
                if (at.getScheme().equals("https") && !next.getScheme().equals("https")) {
                    throw new IOException("refusing a redirect from https to " + next);
                }
                at = next;
                continue;
            }
            return r;
        }
    }

    private PlainHttpClient.Response plain(URI at) throws IOException {
        if (aborted) throw new IOException("aborted");
        PlainHttpClient.Call c = PlainHttpClient.shared().newCall(at, range, connectMillis, readMillis);
        call = c;
        if (aborted) c.abort();
        return c.execute();
    }

    private PlainHttpClient.Response jdk(URI at) throws IOException {
        HttpURLConnection c = open(at);
        int status = c.getResponseCode();
        if (status == 200 || status == 206) return new PlainHttpClient.Response(status, body(c), null, null);
        String location = c.getHeaderField("Location");
        String retryAfter = c.getHeaderField("Retry-After");
        drain(c);
        return new PlainHttpClient.Response(status, null, location, retryAfter);
    }

    /** Closes the connection under a worker blocked on it (timeout or cancel). */
    void abort() {
        aborted = true;
        HttpURLConnection c = connection;
        if (c != null) c.disconnect();
        PlainHttpClient.Call p = call;
        if (p != null) p.abort();
    }

    private HttpURLConnection open(URI at) throws IOException {
        if (aborted) throw new IOException("aborted");
        URL url = at.toURL();
        if (!(url.openConnection() instanceof HttpURLConnection c)) throw new IOException("not an http(s) URL: " + at);
        c.setConnectTimeout(connectMillis);
        c.setReadTimeout(readMillis);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        if (range != null) c.setRequestProperty("Range", range);
        connection = c;
        if (aborted) c.disconnect();
        return c;
    }

    private static byte[] body(HttpURLConnection c) throws IOException {
        long expected = c.getContentLengthLong();
        try (InputStream in = c.getInputStream()) {
            if (expected > Integer.MAX_VALUE - 8) throw new IOException("response too large for one key: " + expected + " bytes");
            if (expected < 0) return in.readAllBytes();
            byte[] b = in.readNBytes((int) expected);
            if (b.length < expected) {
                throw new IOException("truncated body: " + b.length + " of " + expected + " bytes");
            }
            return b;
        }
    }

    /** Reads what is left of an error or redirect body so that the connection can be reused. */
    private static void drain(HttpURLConnection c) {
        try (InputStream in = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) in.skip(1 << 16);
        } catch (IOException ignored) {
            // a body we did not want; the connection is simply not reused
        }
    }

    private static URI redirect(URI from, String location) throws IOException {
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("bad redirect Location '" + location + "' from " + from, e);
        }
    }
}
