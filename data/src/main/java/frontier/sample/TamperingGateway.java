package frontier.sample;

import frontier.http.Http;
import frontier.http.RetryPolicy;
import frontier.http.ServerExchange;
import frontier.http.WebServer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway that lies, for teaching verifiability: it forwards every GET to a real gateway on
 * 127.0.0.1 and flips one bit in the middle of each body it returns. A reader that trusts its
 * gateways gets wrong data silently; one that checks every block against its CID stops.
 */
public final class TamperingGateway implements AutoCloseable {
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));

    private final WebServer server;
    private final String upstream;
    private final AtomicLong tampered = new AtomicLong();

    private TamperingGateway(String upstream) throws IOException {
        this.upstream = upstream.replaceAll("/+$", "");
        String host = URI.create(this.upstream).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the tampering gateway only forwards to loopback, not " + upstream);
        }
        server = WebServer.builder(this::handle).name("tampering-gateway").start();
    }

    /** Starts a lying gateway in front of upstream (a gateway URL on 127.0.0.1). */
    public static TamperingGateway start(String upstream) throws IOException {
        return new TamperingGateway(upstream);
    }

    public String url() {
        return server.url();
    }

    /** How many responses had a bit flipped. */
    public long tamperedResponses() {
        return tampered.get();
    }

    private void handle(ServerExchange ex) throws IOException {
        if (!ex.method().equals("GET")) {
            ex.respondText(405, "only GET is forwarded");
            return;
        }
        String target = upstream + ex.rawPath() + (ex.rawQuery() == null ? "" : "?" + ex.rawQuery());
        Http.Reply r = Http.shared().get(Http.Get.of(URI.create(target)).withAccept(ex.requestHeader("Accept")), ONCE);
        byte[] body = r.body();
        if (r.status() == 200 && body.length > 0) {
            body[body.length / 2] ^= 0x01;
            tampered.incrementAndGet();
        }
        ex.respond(r.status(), r.header("Content-Type"), body);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TamperingGateway " + url() + " -> " + upstream;
    }
}
