package frontier.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway that lies, for teaching verifiability: it forwards every request to a real gateway
 * on 127.0.0.1 and flips one bit in the middle of each body it returns. A reader that trusts
 * its gateways gets wrong data silently; one that checks every block against its CID stops.
 */
public final class TamperingGateway implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String upstream;
    private final AtomicLong tampered = new AtomicLong();

    private TamperingGateway(String upstream) throws IOException {
        this.upstream = upstream.replaceAll("/+$", "");
        if (!URI.create(this.upstream).getHost().equals("127.0.0.1") && !URI.create(this.upstream).getHost().equals("localhost")) {
            throw new IllegalArgumentException("the tampering gateway only forwards to loopback, not " + upstream);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "tampering-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts a lying gateway in front of upstream (a gateway URL on 127.0.0.1). */
    public static TamperingGateway start(String upstream) throws IOException {
        return new TamperingGateway(upstream);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many responses had a bit flipped. */
    public long tamperedResponses() {
        return tampered.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(upstream + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(30)).method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            String accept = ex.getRequestHeaders().getFirst("Accept");
            if (accept != null) req.header("Accept", accept);
            HttpResponse<byte[]> r;
            try {
                r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            byte[] body = r.body();
            if (r.statusCode() == 200 && body.length > 0) {
                body[body.length / 2] ^= 0x01;
                tampered.incrementAndGet();
            }
            r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(r.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "TamperingGateway " + url() + " -> " + upstream;
    }
}
