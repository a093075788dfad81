package frontier.spark.ipfs;

import frontier.http.ServerExchange;
import frontier.http.WebServer;
import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's Delegated Routing V1 HTTP API (specs.ipfs.tech/routing/http-routing-v1), content
 * routing only: {@code GET /routing/v1/providers/{cid}} answers 200 with
 * {@code {"Providers": [{"Schema": "peer", "ID", "Addrs", "Protocols"}, ...]}} (or ndjson when
 * asked with {@code Accept: application/x-ndjson}), 404 when no one holds the block, 400 for a
 * malformed CID. {@code ?filter-protocols=} keeps providers speaking one of the given protocols.
 * Bound to the driver's address, on Frontier's one HTTP server (each answer in one write: executors
 * ask once per block, so a response held back ~40 ms by delayed ACKs would cost them most of a run).
 */
public final class RoutingServer implements AutoCloseable {
    static final String PREFIX = "/routing/v1/providers/";

    private final ProviderIndex index;
    private final WebServer server;
    private final AtomicLong lookups = new AtomicLong();

    public RoutingServer(ProviderIndex index, InetAddress bind, int port) throws IOException {
        this.index = index;
        this.server = WebServer.builder(this::handle).bind(bind).port(port).name("frontier-routing").start();
    }

    /** http://HOST:PORT (the routing API is under /routing/v1). */
    public String url() {
        return server.url();
    }

    public long lookups() {
        return lookups.get();
    }

    private void handle(ServerExchange ex) {
        ex.header("Access-Control-Allow-Origin", "*");
        ex.header("Access-Control-Allow-Methods", "GET, OPTIONS");
        String method = ex.method();
        if (method.equals("OPTIONS")) {
            ex.respond(204, null, new byte[0]);
            return;
        }
        String path = ex.rawPath();
        if (!path.startsWith(PREFIX)) {
            boolean known = path.startsWith("/routing/v1/peers/") || path.startsWith("/routing/v1/ipns/");
            send(ex, known ? 501 : 400, "text/plain", known ? "only content routing (/routing/v1/providers/{cid}) is served here\n"
                    : "unknown path " + path + "\n");
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(ex, 501, "text/plain", "only GET is supported\n");
            return;
        }
        lookups.incrementAndGet();
        String text = URLDecoder.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
        Cid cid;
        try {
            cid = Cid.parse(text);
        } catch (IllegalArgumentException e) {
            send(ex, 400, "text/plain", "not a CID: '" + text + "' (" + e.getMessage() + ")\n");
            return;
        }
        List<Provider> found = filter(index.providers(cid), query(ex.rawQuery(), "filter-protocols"));
        ex.header("Cache-Control", "no-cache"); // holders change as executors fetch
        if (found.isEmpty()) {
            send(ex, 404, "application/json", "{\"Providers\":[]}\n");
            return;
        }
        String accept = ex.requestHeader("Accept");
        if (accept != null && accept.contains("application/x-ndjson")) {
            StringBuilder b = new StringBuilder();
            for (Provider p : found) b.append(json(p)).append('\n');
            send(ex, 200, "application/x-ndjson", b.toString());
            return;
        }
        StringBuilder b = new StringBuilder("{\"Providers\":[");
        for (int i = 0; i < found.size() && i < 100; i++) b.append(i > 0 ? "," : "").append(json(found.get(i)));
        send(ex, 200, "application/json", b.append("]}\n").toString());
    }

    private static List<Provider> filter(List<Provider> providers, String protocols) {
        if (protocols == null || protocols.isBlank()) return providers;
        List<String> wanted = Arrays.asList(protocols.split(","));
        List<Provider> out = new ArrayList<>();
        for (Provider p : providers) {
            for (String w : wanted) {
                if (p.protocols().contains(w) || (w.equals("unknown") && p.protocols().isEmpty())) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    static String json(Provider p) {
        StringBuilder b = new StringBuilder("{\"Schema\":\"peer\",\"ID\":").append(str(p.id())).append(",\"Addrs\":[");
        for (int i = 0; i < p.addrs().size(); i++) b.append(i > 0 ? "," : "").append(str(p.addrs().get(i)));
        b.append("],\"Protocols\":[");
        for (int i = 0; i < p.protocols().size(); i++) b.append(i > 0 ? "," : "").append(str(p.protocols().get(i)));
        b.append(']');
        // an extra field, which the spec lets servers add and clients ignore: who the peer is, for messages
        if (p.name() != null) b.append(",\"FrontierName\":").append(str(p.name()));
        return b.append('}').toString();
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static String query(String raw, String name) {
        if (raw == null) return null;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            if (k.equals(name)) return eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static void send(ServerExchange ex, int status, String type, String body) {
        ex.respond(status, type, body.getBytes(StandardCharsets.UTF_8)); // HEAD: the headers only
    }

    @Override
    public void close() {
        server.close();
    }
}
