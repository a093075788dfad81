package frontier.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a directory over HTTP on 127.0.0.1 (GET and HEAD, single byte ranges, 404 for what is
 * missing, 403 for paths that would leave the root). Used by tests, benchmarks and the tutorial
 * notebook to serve a local OME-Zarr image as if it were remote, offline.
 * <p>
 * Tests inject faults with {@link #setFault}: a {@link Fault} sees every request first and may
 * answer it itself (a 500, a truncated body, a hang).
 * <pre>
 * try (StaticFileServer s = StaticFileServer.start(Path.of("images"), 0)) {
 *     String url = s.url("6001240.zarr");   // http://127.0.0.1:PORT/6001240.zarr
 * }
 * </pre>
 */
public final class StaticFileServer implements AutoCloseable {

    /** A hook that sees each request before it is served; return true when it answered the request itself. */
    @FunctionalInterface
    public interface Fault {
        boolean handle(String path, HttpExchange exchange) throws IOException;
    }

    static {
        // Without TCP_NODELAY, headers and body go out as two small writes and Nagle's algorithm
        // meets the client's delayed ACK: ~40 ms per request on loopback. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private volatile Fault fault;

    private StaticFileServer(Path root, int port, int threads) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) throw new IOException("not a directory: " + this.root);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "static-file-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves root on 127.0.0.1:port (0 = an ephemeral port). */
    public static StaticFileServer start(Path root, int port) throws IOException {
        return new StaticFileServer(root, port, Integer.getInteger("frontier.http.serverThreads", 16));
    }

    public static StaticFileServer start(Path root) throws IOException {
        return start(root, 0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path root() {
        return root;
    }

    /** http://127.0.0.1:PORT/ followed by the given relative path. */
    public String url(String relative) {
        String r = relative.startsWith("/") ? relative.substring(1) : relative;
        return "http://127.0.0.1:" + port() + "/" + r;
    }

    public String url() {
        return url("");
    }

    /** Requests received so far (HEAD included). */
    public long requestCount() {
        return requests.get();
    }

    public void resetRequestCount() {
        requests.set(0);
    }

    public void setFault(Fault f) {
        this.fault = f;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "StaticFileServer(" + root + " at " + url() + ")";
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            Fault f = fault;
            if (f != null && f.handle(path, ex)) return;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                sendStatus(ex, 405, method);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || path.contains("\\")) {
                sendStatus(ex, 403, path);
                return;
            }
            if (!Files.isRegularFile(file)) {
                sendStatus(ex, 404, path);
                return;
            }
            sendFile(ex, file, method.equals("HEAD"));
        } catch (IOException e) {
            // The client went away mid-response; nothing to tell it.
        }
    }

    private static void sendStatus(HttpExchange ex, int status, String what) throws IOException {
        byte[] body = (status + " " + what + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static void sendFile(HttpExchange ex, Path file, boolean head) throws IOException {
        long size = Files.size(file);
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Content-Type", contentType(file));
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) { // suffix: the last N bytes
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) to = Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (from >= size || from > to) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        long length = to - from + 1;
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) return;
        OutputStream out = ex.getResponseBody();
        if (status == 200 && length <= (1 << 20)) {
            out.write(Files.readAllBytes(file));
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(from);
            byte[] buf = new byte[(int) Math.min(length, 1 << 16)];
            long left = length;
            while (left > 0) {
                int n = raf.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static String contentType(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".json") || n.equals(".zarray") || n.equals(".zgroup") || n.equals(".zattrs")
                || n.equals(".zmetadata") || n.equals("zarr.json")) return "application/json";
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".js")) return "text/javascript";
        return "application/octet-stream";
    }

    /** Serves a directory until killed: {@code java -cp ... frontier.http.StaticFileServer DIR [PORT]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StaticFileServer DIR [PORT]");
            System.exit(2);
        }
        StaticFileServer s = start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        System.out.println(s.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
