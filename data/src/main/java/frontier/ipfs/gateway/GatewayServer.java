package frontier.ipfs.gateway;

import frontier.ipfs.car.Car;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final UnixfsReader reader;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    private GatewayServer(UnixfsReader reader, InetAddress bind, int port) throws IOException {
        this.reader = reader;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "ipfs-gateway-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
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
        GatewayServer g = new GatewayServer(reader, bind, port);
        g.server.start();
        return g;
    }

    /** http://ADDRESS:PORT (no trailing slash): http://127.0.0.1:PORT unless bound elsewhere. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (a.getAddress() instanceof java.net.Inet6Address) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort();
    }

    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "method not allowed\n");
                return;
            }
            String rawPath = ex.getRequestURI().getRawPath();
            if (!rawPath.startsWith("/ipfs/")) {
                send(ex, 404, "text/plain", "only /ipfs/CID paths are served here\n");
                return;
            }
            String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            String format = queryParam(ex.getRequestURI().getRawQuery(), "format");
            String accept = ex.getRequestHeaders().getFirst("Accept");
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
            // the client went away mid-response: nothing to tell it
        } catch (RuntimeException e) {
            try {
                send(ex, 500, "text/plain", "internal error: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // headers already sent
            }
        }
    }

    private void serve(HttpExchange ex, IpfsPath path, String format) throws IOException {
        Cid cid = reader.resolve(path);
        var h = ex.getResponseHeaders();
        h.set("X-Ipfs-Path", path.toPathString());
        h.set("X-Ipfs-Roots", cid.toString());
        h.set("Cache-Control", "public, max-age=29030400, immutable");
        if ("raw".equals(format)) {
            byte[] b = reader.fetcher().get(cid);
            h.set("Etag", "\"" + cid + ".raw\"");
            h.set("Content-Type", "application/vnd.ipld.raw");
            h.set("X-Content-Type-Options", "nosniff");
            send(ex, 200, b);
            return;
        }
        if ("car".equals(format)) {
            h.set("Etag", "\"" + cid + ".car\"");
            h.set("Content-Type", "application/vnd.ipld.car; version=1");
            h.set("X-Content-Type-Options", "nosniff");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, 0); // chunked: the DAG is streamed as it is walked
            try (OutputStream out = ex.getResponseBody()) {
                Car.export(reader.fetcher()::get, List.of(cid), out);
            }
            return;
        }
        if (format != null && !format.isEmpty()) {
            send(ex, 400, "text/plain", "unsupported format '" + format + "' (raw, car, or none)\n");
            return;
        }
        h.set("Etag", "\"" + cid + "\"");
        UnixfsNode n = cid.codec() == Cid.RAW ? null : reader.node(cid);
        if (n != null && n.isDirectory()) {
            String p = ex.getRequestURI().getRawPath();
            if (!p.endsWith("/")) {
                h.set("Location", p + "/");
                send(ex, 301, "text/plain", "");
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", listing(path, reader.list(cid)));
            return;
        }
        long size = reader.size(cid);
        h.set("Accept-Ranges", "bytes");
        h.set("Content-Type", contentType(path.segments().isEmpty() ? "" : path.segments().get(path.segments().size() - 1)));
        String range = ex.getRequestHeaders().getFirst("Range");
        long from = 0;
        long to = size - 1;
        int status = 200;
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
                }
                if (from >= size || from > to) {
                    h.set("Content-Range", "bytes */" + size);
                    send(ex, 416, "text/plain", "range not satisfiable\n");
                    return;
                }
                status = 206;
                h.set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        long len = size == 0 ? 0 : to - from + 1;
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", Long.toString(len));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, len == 0 ? -1 : len);
        try (OutputStream out = ex.getResponseBody()) {
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


    /** A Content-Type from the file name's extension (browsers need it for HTML, images, JSON). */
    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "txt", "md" -> "text/plain; charset=utf-8";
            case "json", "zattrs", "zarray", "zgroup", "zmetadata" -> "application/json";
            case "js", "mjs" -> "text/javascript";
            case "css" -> "text/css";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "tif", "tiff" -> "image/tiff";
            case "wasm" -> "application/wasm";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            default -> "application/octet-stream";
        };
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

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
