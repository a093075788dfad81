package frontier.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP/1.1 GET for plain {@code http://} URLs over pooled keep-alive sockets: what an HTTP store
 * needs to fetch thousands of small chunk files, with little CPU and little code per request.
 * <p>
 * Why not the JDK's clients: downloading an OME-Zarr image is thousands of 1-50 KB GETs, and on a
 * 2-core laptop the client's CPU per request is the download's speed. HttpURLConnection parses
 * URLs, builds header maps and copies bodies through buffered streams (about 0.2 ms of CPU a
 * request), java.net.http.HttpClient about three times that; this client writes one request,
 * parses the status line and the few headers it needs, and reads the body straight into an array
 * of its final size. HTTPS, proxies and anything unusual stay with the JDK (see the store).
 * <p>
 * Bodies may be sized by Content-Length, chunked, or end at the connection's close. A body shorter
 * than its Content-Length is an IOException. A pooled connection the server closed while idle is
 * retried once on a new one (GET is idempotent). Redirects are the caller's: the response carries
 * the Location.
 */
public final class PlainHttpClient {
    /** Bodies of responses the caller does not want (errors, redirects) are read up to this, else the connection is dropped. */
    private static final int MAX_DISCARD = 64 * 1024;
    /** How long an idle connection is reused when the server does not say (Keep-Alive: timeout=N). */
    private static final long DEFAULT_IDLE_NANOS = 4_000_000_000L;
    private static final int MAX_IDLE_PER_SERVER = 64;

    private static final java.util.regex.Pattern KEEP_ALIVE_TIMEOUT = java.util.regex.Pattern.compile("timeout\\s*=\\s*(\\d+)");

    private static final PlainHttpClient SHARED = new PlainHttpClient();

    /** A response: its status, the body of a 200/206 (null for other statuses), and the headers a store acts on. */
    public record Response(int status, byte[] body, String location, String retryAfter) {
    }

    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();

    /** A client with a pool of its own (tests); stores use {@link #shared()}. */
    public PlainHttpClient() {
    }

    /** The process-wide client: its pool is shared by every store. */
    public static PlainHttpClient shared() {
        return SHARED;
    }

    /** A new request; {@link Call#abort()} closes its connection from another thread. */
    public Call newCall(URI uri, String range, int connectMillis, int readMillis) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a plain http URL: " + uri);
        }
        return new Call(uri, range, connectMillis, readMillis);
    }

    /** Idle connections held for reuse, all servers (for tests). */
    public synchronized int idleConnections() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** Closes every idle connection. */
    public void evictAll() {
        java.util.List<Connection> all = new java.util.ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(Connection::close);
    }

    private Connection checkout(String server) {
        long now = System.nanoTime();
        while (true) {
            Connection c;
            synchronized (this) {
                ArrayDeque<Connection> q = idle.get(server);
                c = q == null ? null : q.pollLast(); // the most recently used: the least likely to have timed out
            }
            if (c == null) return null;
            if (now - c.idleSince < c.idleLimitNanos) return c;
            c.close();
        }
    }

    private void checkin(String server, Connection c) {
        c.idleSince = System.nanoTime();
        synchronized (this) {
            ArrayDeque<Connection> q = idle.computeIfAbsent(server, k -> new ArrayDeque<>());
            if (q.size() < MAX_IDLE_PER_SERVER) {
                q.addLast(c);
                return;
            }
        }
        c.close();
    }

    /** One GET: {@link #execute()} once; {@link #abort()} from any thread. */
    public final class Call {
        private final URI uri;
        private final String range;
        private final int connectMillis;
        private final int readMillis;
        private final String server;
        private volatile Connection connection;
        private volatile boolean aborted;

        private Call(URI uri, String range, int connectMillis, int readMillis) {
            this.uri = uri;
            this.range = range;
            this.connectMillis = connectMillis;
            this.readMillis = readMillis;
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.server = uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
        }

        public Response execute() throws IOException {
            byte[] request = request();
            Connection c = checkout(server);
            if (c != null) {
                try {
                    return exchange(c, request);
                } catch (StaleConnectionException e) {
                    c.close(); // closed by the server while idle: one more try on a new connection
                }
            }
            return exchange(open(), request);
        }

        /** Closes the connection under a thread blocked on it (timeout or cancel). */
        public void abort() {
            aborted = true;
            Connection c = connection;
            if (c != null) c.close();
        }

        private Connection open() throws IOException {
            if (aborted) throw new IOException("aborted");
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(uri.getHost(), port), connectMillis);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            return new Connection(s);
        }

        private byte[] request() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
            String host = uri.getPort() < 0 || uri.getPort() == 80 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            StringBuilder sb = new StringBuilder(128 + path.length());
            sb.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nUser-Agent: frontier\r\nAccept: */*\r\n");
            if (range != null) sb.append("Range: ").append(range).append("\r\n");
            sb.append("\r\n");
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private Response exchange(Connection c, byte[] request) throws IOException {
            connection = c;
            boolean reused = c.used;
            boolean keep = false;
            try {
                if (aborted) throw new IOException("aborted");
                c.used = true;
                c.socket.setSoTimeout(readMillis);
                try {
                    c.out.write(request);
                    c.out.flush();
                } catch (SocketException e) {
                    if (reused) throw new StaleConnectionException(e);
                    throw e;
                }
                ResponseHead head;
                while (true) {
                    head = c.readHead(reused);
                    reused = false; // a byte came back: the connection was alive
                    if (head.status >= 200 || head.status == 101) break; // skip 100 Continue and other interim responses
                }
                if (head.status < 200) throw new IOException("unexpected HTTP " + head.status + " from " + uri);
                boolean wanted = head.status == 200 || head.status == 206;
                byte[] body = null;
                boolean bodyNone = head.status == 204 || head.status == 304;
                if (head.chunked) {
                    body = c.readChunked(wanted ? Integer.MAX_VALUE - 8 : MAX_DISCARD, uri);
                    keep = body != null && head.keepAlive;
                } else if (head.contentLength >= 0 || bodyNone) {
                    long n = bodyNone ? 0 : head.contentLength;
                    if (wanted) {
                        if (n > Integer.MAX_VALUE - 8) throw new IOException("response too large for one key: " + n + " bytes from " + uri);
                        body = c.in.readFully((int) n);
                        keep = head.keepAlive;
                    } else if (n <= MAX_DISCARD) {
                        c.in.skip(n);
                        keep = head.keepAlive;
                    }
                } else if (wanted) {
                    body = c.in.readToEnd(); // no length: the body ends with the connection
                }
                if (!wanted) body = null;
                if (keep) c.idleLimitNanos = head.idleLimitNanos;
                return new Response(head.status, body, head.location, head.retryAfter);
            } finally {
                connection = null;
                if (keep && !aborted) checkin(server, c);
                else c.close();
            }
        }
    }

    /** A pooled connection closed by the server: nothing of a response came back. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(Throwable cause) {
            super("connection closed while idle", cause);
        }
    }

    private static final class ResponseHead {
        int status;
        long contentLength = -1;
        boolean chunked;
        boolean keepAlive;
        String location;
        String retryAfter;
        long idleLimitNanos = DEFAULT_IDLE_NANOS;
    }

    /** A socket and its reading side. */
    private static final class Connection {
        final Socket socket;
        final HttpInput in;
        final OutputStream out;
        boolean used;
        long idleSince;
        long idleLimitNanos; // set from the response before the connection goes back to the pool

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new HttpInput(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
        }

        ResponseHead readHead(boolean reused) throws IOException {
            int[] budget = HttpInput.headerBudget();
            String status;
            try {
                status = in.readLine(budget);
            } catch (SocketException e) {
                if (reused && !in.hasBuffered()) throw new StaleConnectionException(e);
                throw e;
            }
            if (status == null) {
                if (reused) throw new StaleConnectionException(null);
                throw new EOFException("connection closed before a response");
            }
            ResponseHead h = new ResponseHead();
            boolean http10;
            if (status.startsWith("HTTP/1.1 ")) http10 = false;
            else if (status.startsWith("HTTP/1.0 ")) http10 = true;
            else throw new IOException("not an HTTP/1.x response: '" + HttpInput.clip(status) + "'");
            if (status.length() < 12) throw new IOException("bad status line: '" + HttpInput.clip(status) + "'");
            try {
                h.status = Integer.parseInt(status.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: '" + HttpInput.clip(status) + "'");
            }
            h.keepAlive = !http10;
            while (true) {
                String line = in.readLine(budget);
                if (line == null) throw new EOFException("connection closed in the middle of the response headers");
                if (line.isEmpty()) break;
                int colon = line.indexOf(':');
                if (colon <= 0) continue; // not a header: ignored, as browsers do
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (name.toLowerCase(java.util.Locale.ROOT)) {
                    case "content-length" -> {
                        long n;
                        try {
                            n = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IOException("bad Content-Length: '" + HttpInput.clip(value) + "'");
                        }
                        if (n < 0 || (h.contentLength >= 0 && h.contentLength != n)) throw new IOException("bad Content-Length: '" + HttpInput.clip(value) + "'");
                        h.contentLength = n;
                    }
                    case "transfer-encoding" -> {
                        String v = value.toLowerCase(java.util.Locale.ROOT);
                        if (v.endsWith("chunked")) h.chunked = true;
                        else if (!v.equals("identity")) throw new IOException("unsupported Transfer-Encoding: " + HttpInput.clip(value));
                    }
                    case "connection" -> {
                        String v = value.toLowerCase(java.util.Locale.ROOT);
                        if (v.contains("close")) h.keepAlive = false;
                        else if (v.contains("keep-alive")) h.keepAlive = true;
                    }
                    case "keep-alive" -> {
                        // "timeout=5, max=100": leave a margin below the server's own idle limit
                        java.util.regex.Matcher m = KEEP_ALIVE_TIMEOUT.matcher(value);
                        if (m.find()) {
                            long s = Math.min(Long.parseLong(m.group(1)), 3600);
                            h.idleLimitNanos = Math.max(0, s * 1000 - 500) * 1_000_000L;
                        }
                    }
                    case "location" -> h.location = value;
                    case "retry-after" -> h.retryAfter = value;
                    default -> {
                    }
                }
            }
            if (h.chunked) h.contentLength = -1; // RFC 9112: chunked wins over a length
            return h;
        }

        /** A chunked body, trailers skipped; null when it exceeds max (the connection is then dropped). */
        byte[] readChunked(int max, URI uri) throws IOException {
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream(8192);
            int[] budget = {Integer.MAX_VALUE};
            while (true) {
                String line = in.readLine(budget);
                if (line == null) throw new EOFException("truncated chunked body");
                int semi = line.indexOf(';');
                String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size '" + HttpInput.clip(hex) + "' in the body from " + uri);
                }
                if (size < 0 || o.size() + size > max) {
                    if (max < Integer.MAX_VALUE - 8) return null;
                    throw new IOException("response too large for one key from " + uri);
                }
                if (size == 0) break;
                o.write(in.readFully((int) size));
                String end = in.readLine(budget);
                if (end == null || !end.isEmpty()) throw new IOException("bad chunk framing in the body from " + uri);
            }
            int[] trailerBudget = HttpInput.headerBudget();
            while (true) {
                String trailer = in.readLine(trailerBudget);
                if (trailer == null) throw new EOFException("truncated chunked body");
                if (trailer.isEmpty()) break;
            }
            return o.toByteArray();
        }
    }
}
