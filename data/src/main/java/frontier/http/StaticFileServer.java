package frontier.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a directory over HTTP/1.1 on 127.0.0.1: GET and HEAD, keep-alive, single byte ranges,
 * 404 for what is missing, 403 for paths that would leave the root. Tests, benchmarks and the
 * tutorial notebook use it to serve a local OME-Zarr image as if it were remote, offline.
 * <p>
 * Why not the JDK's com.sun.net.httpserver: the tutorial serves the sample image from inside the
 * kernel, where every CPU cycle the server spends is taken from the download it serves, and the
 * JDK server spent about 0.2 ms of CPU per small file (header maps, per-exchange streams and
 * dispatch between threads), as much again in JIT compilation of its large request loop. Here a
 * thread per connection reads the request line and the few headers it needs and answers with one
 * write of headers and file.
 * <p>
 * Tests inject faults with {@link #setFault}: a {@link Fault} sees every request first and may
 * answer it itself (a 500, a truncated body, a hang) through an {@link Exchange}.
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
        boolean handle(String path, Exchange exchange) throws IOException;
    }

    /** One request, as a {@link Fault} sees and answers it. After a fault answers, the connection is closed. */
    public static final class Exchange {
        private final String method;
        private final Map<String, String> requestHeaders;
        private final Map<String, String> responseHeaders = new LinkedHashMap<>();
        private final OutputStream out;
        private boolean sent;

        Exchange(String method, Map<String, String> requestHeaders, OutputStream out) {
            this.method = method;
            this.requestHeaders = requestHeaders;
            this.out = out;
        }

        public String method() {
            return method;
        }

        /** A request header (case-insensitive name), or null. */
        public String requestHeader(String name) {
            return requestHeaders.get(name.toLowerCase(Locale.ROOT));
        }

        /** Sets a response header; call before {@link #sendResponseHeaders}. */
        public Exchange header(String name, String value) {
            responseHeaders.put(name, value);
            return this;
        }

        /**
         * Sends the status line and headers. length &gt; 0: a Content-Length (the body is then
         * written to {@link #body()}, and a fault may write less); -1: no body.
         */
        public void sendResponseHeaders(int status, long length) throws IOException {
            if (sent) throw new IllegalStateException("headers already sent");
            sent = true;
            StringBuilder sb = new StringBuilder(128).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            responseHeaders.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
            sb.append("Content-Length: ").append(Math.max(0, length)).append("\r\nConnection: close\r\n\r\n");
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        public OutputStream body() {
            return out;
        }

        /** Ends the exchange (the connection closes, whatever the body lacks). */
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Files up to this size are sent with their headers in one write; larger ones are streamed. */
    private static final int WHOLE = 1 << 20;
    /** An idle keep-alive connection is closed after this. */
    private static final int IDLE_MILLIS = 30_000;

    private final Path root;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private volatile Fault fault;
    private volatile boolean closed;

    private StaticFileServer(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) throw new IOException("not a directory: " + this.root);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "static-file-server");
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::accept, "static-file-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves root on 127.0.0.1:port (0 = an ephemeral port). */
    public static StaticFileServer start(Path root, int port) throws IOException {
        return new StaticFileServer(root, port);
    }

    public static StaticFileServer start(Path root) throws IOException {
        return start(root, 0);
    }

    public int port() {
        return server.getLocalPort();
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
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) closeQuietly(s);
        connections.shutdownNow();
    }

    @Override
    public String toString() {
        return "StaticFileServer(" + root + " at " + url() + ")";
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) return;
                continue; // e.g. too many open files for a moment: keep serving
            }
            open.add(s);
            try {
                connections.execute(() -> serveConnection(s));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                open.remove(s);
                closeQuietly(s);
            }
        }
    }

    /** Answers requests on one connection until the client closes it, asks to, or idles out. */
    private void serveConnection(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(IDLE_MILLIS);
            HttpInput in = new HttpInput(s.getInputStream());
            OutputStream out = s.getOutputStream();
            SendBuffer scratch = new SendBuffer();
            while (!closed) {
                if (!serveRequest(in, out, scratch)) break;
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle too long, or the client went away
        } catch (IOException e) {
            // the client went away mid-response; nothing to tell it
        } finally {
            open.remove(s);
        }
    }

    /** One request; false when the connection must close afterwards. */
    private boolean serveRequest(HttpInput in, OutputStream out, SendBuffer scratch) throws IOException {
        int[] budget = HttpInput.headerBudget();
        String line = in.readLine(budget);
        if (line == null) return false;
        if (line.isEmpty()) return true; // a stray CRLF between requests is allowed
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            simple(out, 400, "bad request line", false, false);
            return false;
        }
        Map<String, String> headers = new java.util.HashMap<>();
        while (true) {
            String h = in.readLine(budget);
            if (h == null) return false;
            if (h.isEmpty()) break;
            int colon = h.indexOf(':');
            if (colon <= 0) continue;
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        requests.incrementAndGet();
        String method = parts[0];
        boolean head = method.equals("HEAD");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = parts[2].equals("HTTP/1.0") ? connection.contains("keep-alive") : !connection.contains("close");
        if (headers.containsKey("transfer-encoding")) {
            simple(out, 501, "request bodies are not read here", head, false);
            return false;
        }
        String length = headers.get("content-length");
        if (length != null) {
            try {
                in.skip(Long.parseLong(length)); // a GET with a body: read past it
            } catch (NumberFormatException e) {
                simple(out, 400, "bad Content-Length", head, false);
                return false;
            }
        }
        String target = parts[1];
        if (target.startsWith("http://")) { // absolute form: keep the path
            int slash = target.indexOf('/', 7);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String rawPath = q >= 0 ? target.substring(0, q) : target;
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            simple(out, 400, "bad percent-encoding", head, false);
            return false;
        }
        if (!path.startsWith("/")) {
            simple(out, 400, "bad request target", head, false);
            return false;
        }
        Fault f = fault;
        if (f != null) {
            Exchange ex = new Exchange(method, headers, out);
            if (f.handle(path, ex)) {
                out.flush();
                return false;
            }
        }
        if (!method.equals("GET") && !head) {
            simple(out, 405, method + " (allowed: GET, HEAD)", false, keepAlive, "Allow: GET, HEAD\r\n");
            return keepAlive;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || path.contains("\\") || path.indexOf('\0') >= 0) {
            simple(out, 403, path, head, keepAlive);
            return keepAlive;
        }
        sendFile(out, file, path, head, headers.get("range"), keepAlive, scratch);
        return keepAlive;
    }

    private void sendFile(OutputStream out, Path file, String path, boolean head, String range, boolean keepAlive,
                          SendBuffer scratch) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            long from = 0;
            long to = size - 1;
            int status = 200;
            String extra = "";
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
                        simple(out, 416, "range not satisfiable", true, keepAlive, "Content-Range: bytes */" + size + "\r\n");
                        return;
                    }
                    status = 206;
                    extra = "Content-Range: bytes " + from + "-" + to + "/" + size + "\r\n";
                }
            }
            long length = Math.max(0, to - from + 1);
            byte[] headBytes = ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType(file)
                    + "\r\nContent-Length: " + length + "\r\nAccept-Ranges: bytes\r\n" + extra
                    + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            if (head || length == 0) {
                out.write(headBytes);
                out.flush();
                return;
            }
            if (length <= WHOLE) {
                int total = headBytes.length + (int) length;
                byte[] b = scratch.atLeast(total);
                System.arraycopy(headBytes, 0, b, 0, headBytes.length);
                raf.seek(from);
                raf.readFully(b, headBytes.length, (int) length);
                out.write(b, 0, total);
                out.flush();
                return;
            }
            out.write(headBytes);
            byte[] b = scratch.atLeast(0);
            raf.seek(from);
            long left = length;
            while (left > 0) {
                int n = raf.read(b, 0, (int) Math.min(b.length, left));
                if (n < 0) throw new IOException(file + " shrank while it was sent");
                out.write(b, 0, n);
                left -= n;
            }
            out.flush();
        } catch (java.io.FileNotFoundException e) {
            simple(out, 404, path, head, keepAlive); // missing, a directory, or unreadable
        }
    }

    /** One connection's buffer for headers plus a small file, sent in one write; grows as needed. */
    private static final class SendBuffer {
        private byte[] bytes = new byte[32 * 1024];

        byte[] atLeast(int n) {
            if (bytes.length < n) bytes = new byte[Math.max(n, bytes.length * 2)];
            return bytes;
        }
    }

    private static void simple(OutputStream out, int status, String what, boolean head, boolean keepAlive) throws IOException {
        simple(out, status, what, head, keepAlive, "");
    }

    private static void simple(OutputStream out, int status, String what, boolean head, boolean keepAlive, String extra) throws IOException {
        byte[] body = (status + " " + what + "\n").getBytes(StandardCharsets.UTF_8);
        String h = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + (head ? 0 : body.length) + "\r\n" + extra + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        out.write(h.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static String contentType(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        if (n.endsWith(".json") || n.equals(".zarray") || n.equals(".zgroup") || n.equals(".zattrs")
                || n.equals(".zmetadata") || n.equals("zarr.json")) return "application/json";
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".js")) return "text/javascript";
        return "application/octet-stream";
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
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
