package frontier.ipfs.gateway;

import frontier.http.ByteRange;
import frontier.http.ContentTypes;
import frontier.http.ServerExchange;
import frontier.http.WebServer;
import frontier.ipfs.car.Car;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockNotFoundException;
import frontier.ipfs.fetch.BlockTimeoutException;
import frontier.ipfs.fetch.BlockVerificationException;
import frontier.ipfs.fetch.IpfsFetchException;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.InvalidIpfsPathException;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.IpfsPathNotFoundException;
import frontier.ipfs.resolve.UnixfsNode;
import frontier.ipfs.resolve.UnixfsReader;

import java.io.IOException;
import java.net.InetAddress;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static frontier.text.Html.escape;

/**
 * The embedded node's HTTP gateway on 127.0.0.1: a trustless gateway
 * ({@code /ipfs/CID?format=raw} or {@code Accept: application/vnd.ipld.raw} for one block,
 * {@code ?format=car} / {@code application/vnd.ipld.car} for the DAG as CAR v1) and a path
 * gateway ({@code /ipfs/CID/path}: file bytes with a guessed Content-Type and single byte
 * ranges, directories as a simple HTML listing). Errors: 400 for a malformed CID or path, 404
 * for what does not exist, 502 when a block failed verification upstream, 504 on a timeout.
 */
public final class GatewayServer implements AutoCloseable {
    private final UnixfsReader reader;
    private final WebServer server;

    private GatewayServer(UnixfsReader reader, InetAddress bind, int port) throws IOException {
        this.reader = reader;
        this.server = WebServer.builder(this::handle).bind(bind).port(port).name("ipfs-gateway-server").start();
    }

    /** Starts a gateway on 127.0.0.1:port (0 = any free port) serving what reader reads (a node's blocks, verified). */
    public static GatewayServer start(UnixfsReader reader, int port) throws IOException {
        return start(reader, InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts a gateway bound to one address (a cluster executor serves its blocks to its peers on
     * the executor's host); loopback unless the caller names another address.
     */
    public static GatewayServer start(UnixfsReader reader, InetAddress bind, int port) throws IOException {
        return new GatewayServer(reader, bind, port);
    }

    /** http://ADDRESS:PORT (no trailing slash): http://127.0.0.1:PORT unless bound elsewhere. */
    public String url() {
        return server.url();
    }

    public long requestCount() {
        return server.requestCount();
    }

    private void handle(ServerExchange ex) throws IOException {
        try {
            String method = ex.method();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "method not allowed\n");
                return;
            }
            String rawPath = ex.rawPath();
            if (!rawPath.startsWith("/ipfs/")) {
                send(ex, 404, "text/plain", "only /ipfs/CID paths are served here\n");
                return;
            }
            String decoded = ex.path();
            String format = queryParam(ex.rawQuery(), "format");
            String accept = ex.requestHeader("Accept");
            if (format == null && accept != null) {
                if (accept.contains("application/vnd.ipld.raw")) format = "raw";
                else if (accept.contains("application/vnd.ipld.car")) format = "car";
            }
            IpfsPath path;
            try {
                path = IpfsPath.parse(decoded);
            } catch (InvalidIpfsPathException e) {
                send(ex, 400, "text/plain", e.getMessage() + "\n");
                return;
            }
            try {
                serve(ex, path, format);
            } catch (IpfsPathNotFoundException | BlockNotFoundException e) {
                send(ex, 404, "text/plain", e.getMessage() + "\n");
            } catch (BlockVerificationException e) {
                send(ex, 502, "text/plain", e.getMessage() + "\n");
            } catch (BlockTimeoutException e) {
                send(ex, 504, "text/plain", e.getMessage() + "\n");
            } catch (IpfsFetchException e) {
                send(ex, 502, "text/plain", e.getMessage() + "\n");
            }
        } catch (IOException e) {
            // the client went away mid-response: nothing to tell it (anything else: WebServer answers 500)
        }
    }

    private void serve(ServerExchange ex, IpfsPath path, String format) throws IOException {
        Cid cid = reader.resolve(path);
        ex.header("X-Ipfs-Path", path.toPathString());
        ex.header("X-Ipfs-Roots", cid.toString());
        ex.header("Cache-Control", "public, max-age=29030400, immutable");
        if ("raw".equals(format)) {
            byte[] b = reader.fetcher().get(cid);
            ex.header("Etag", "\"" + cid + ".raw\"");
            ex.header("X-Content-Type-Options", "nosniff");
            ex.respond(200, "application/vnd.ipld.raw", b);
            return;
        }
        if ("car".equals(format)) {
            ex.header("Etag", "\"" + cid + ".car\"");
            ex.header("Content-Type", "application/vnd.ipld.car; version=1");
            ex.header("X-Content-Type-Options", "nosniff");
            if (ex.isHead()) {
                ex.sendResponseHeaders(200, 0);
                return;
            }
            ex.sendResponseHeaders(200, 0); // chunked: the DAG is streamed as it is walked
            try (OutputStream out = ex.body()) {
                Car.export(reader.fetcher()::get, List.of(cid), out);
            }
            return;
        }
        if (format != null && !format.isEmpty()) {
            send(ex, 400, "text/plain", "unsupported format '" + format + "' (raw, car, or none)\n");
            return;
        }
        ex.header("Etag", "\"" + cid + "\"");
        UnixfsNode n = cid.codec() == Cid.RAW ? null : reader.node(cid);
        if (n != null && n.isDirectory()) {
            String p = ex.rawPath();
            if (!p.endsWith("/")) {
                ex.header("Location", p + "/");
                send(ex, 301, "text/plain", "");
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", listing(path, reader.list(cid)));
            return;
        }
        long size = reader.size(cid);
        ex.header("Accept-Ranges", "bytes");
        ex.header("Content-Type", ContentTypes.of(path.segments().isEmpty() ? "" : path.segments().get(path.segments().size() - 1)));
        ByteRange range = ByteRange.parse(ex.requestHeader("Range"), size);
        long from = 0;
        long len = size;
        int status = 200;
        if (range != null) {
            ex.header("Content-Range", range.contentRange());
            if (!range.satisfiable()) {
                send(ex, 416, "text/plain", "range not satisfiable\n");
                return;
            }
            status = 206;
            from = range.from();
            len = range.length();
        }
        if (ex.isHead()) {
            ex.header("Content-Length", Long.toString(len));
            ex.sendResponseHeaders(status, 0);
            return;
        }
        ex.sendResponseHeaders(status, len == 0 ? -1 : len);
        try (OutputStream out = ex.body()) {
            long done = 0;
            while (done < len) {
                int k = (int) Math.min(8 << 20, len - done);
                byte[] b = reader.read(cid, from + done, k);
                if (b.length == 0) throw new IOException("file ended early");
                out.write(b);
                done += b.length;
            }
        }
    }

    private static String listing(IpfsPath path, List<DirEntry> entries) {
        StringBuilder sb = new StringBuilder();
        String title = escape(path.toPathString());
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(title).append("</title></head><body>");
        sb.append("<h1>Index of ").append(title).append("</h1><table>");
        if (!path.segments().isEmpty()) sb.append("<tr><td><a href=\"../\">..</a></td><td></td><td></td></tr>");
        for (DirEntry e : entries) {
            String href = URLEncoder.encode(e.name(), StandardCharsets.UTF_8).replace("+", "%20");
            sb.append("<tr><td><a href=\"").append(href).append("\">").append(escape(e.name())).append("</a></td><td><code>")
                    .append(e.cid()).append("</code></td><td>").append(e.tsize()).append("</td></tr>");
        }
        sb.append("</table></body></html>\n");
        return sb.toString();
    }


    private static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) return null;
        for (String kv : rawQuery.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            if (k.equals(name)) return eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static void send(ServerExchange ex, int status, String type, String body) {
        ex.respond(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
