package frontier.http;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frontier's one HTTP server (the sample file server, the IPFS gateway, the tampering gateway):
 * Eclipse Jetty, HTTP/1.1 (and HTTP/2 over TLS with {@link Builder#tls}), bound to 127.0.0.1
 * unless told otherwise. Each request goes to a {@link Handler} as a {@link ServerExchange}.
 * <p>
 * Why Jetty rather than the JDK's com.sun.net.httpserver: the JDK server sends a response's headers
 * and body in two writes without TCP_NODELAY, so on loopback every small response waited for the
 * client's delayed ACK (~40 ms; 2,870 files took 3.3 s instead of 0.2 s) unless the JVM-wide
 * property sun.net.httpserver.nodelay is set; a connection that sent part of a request holds one
 * of its threads with no deadline (another JVM-wide property). Jetty reads
 * requests without a thread per connection (hundreds of half-open connections cost nothing),
 * closes idle ones after {@value #IDLE_MILLIS} ms, answers malformed requests with 400 and closes
 * the connection, and sends small responses in one write.
 */
public final class WebServer implements AutoCloseable {
    /** A connection that sends nothing for this long is closed (a half-open or abandoned client). */
    public static final int IDLE_MILLIS = 30_000;

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Blocking handlers run on a pool thread and the exchange is closed when they return.
         * Non-blocking ones run on the I/O thread and must answer without blocking, or
         * {@link ServerExchange#dispatch} the rest.
         */
        void handle(ServerExchange exchange) throws Exception;
    }

    private final Server server;
    private final ServerConnector connector;
    private final String scheme;
    private final AtomicLong requests = new AtomicLong();

    private WebServer(Builder b) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, 2, 30_000);
        threads.setName(b.name);
        threads.setDaemon(true); // a server someone forgot never keeps the JVM (or the kernel) alive
        server = new Server(threads);
        server.setStopTimeout(0);
        server.setErrorHandler(new PlainErrors());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // File names may hold control characters (a label named ESC[2J); their percent-encoded
        // forms are served like any name. Handlers resolve paths themselves (real paths, no "..").
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("frontier",
                org.eclipse.jetty.http.UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        ConnectionFactory[] factories;
        if (b.tls != null) {
            http.addCustomizer(new SecureRequestCustomizer(false)); // loopback tests: no SNI host check
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(b.tls);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
            alpn.setDefaultProtocol("http/1.1");
            factories = new ConnectionFactory[]{new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                    new HTTP2ServerConnectionFactory(http), new HttpConnectionFactory(http)};
            scheme = "https";
        } else {
            factories = new ConnectionFactory[]{new HttpConnectionFactory(http)};
            scheme = "http";
        }
        connector = new ServerConnector(server, factories);
        connector.setHost(b.bind.getHostAddress());
        connector.setPort(b.port);
        connector.setIdleTimeout(IDLE_MILLIS);
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        Handler handler = b.handler;
        boolean blocking = b.blocking;
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract(
                blocking ? Invocable.InvocationType.BLOCKING : Invocable.InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                requests.incrementAndGet();
                ServerExchange ex = new ServerExchange(request, response, callback, threads);
                try {
                    handler.handle(ex);
                    if (blocking) ex.close();
                } catch (Throwable t) {
                    ex.fail(t);
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is the error to report
            }
            throw new IOException("cannot serve on " + b.bind.getHostAddress() + ":" + b.port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Errors Jetty answers itself (a malformed request, a bad URI, a failed handler) as one line of
     * text, and the connection closed after a 4xx: a client that sent a malformed request is not
     * trusted with the rest of the connection.
     */
    private static final class PlainErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            Object message = request.getAttribute(ERROR_MESSAGE);
            if (status >= 400 && status < 500) response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, text(status, message == null ? null : message.toString()), callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONNECTION, "close");
            fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            return text(status, reason);
        }

        private static ByteBuffer text(int status, String reason) {
            String r = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
            return ByteBuffer.wrap((status + " " + r + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A server for handler on 127.0.0.1, an ephemeral port, blocking handlers, plain HTTP. */
    public static Builder builder(Handler handler) {
        return new Builder(handler);
    }

    /** How to start a server; {@link #start()} binds and starts it. */
    public static final class Builder {
        private final Handler handler;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port;
        private boolean blocking = true;
        private SSLContext tls;
        private String name = "frontier-http-server";
        private int maxThreads = 64;

        private Builder(Handler handler) {
            this.handler = handler;
        }

        public Builder bind(InetAddress address) {
            this.bind = address;
            return this;
        }

        /** 0 (the default): a free port. */
        public Builder port(int p) {
            if (p < 0 || p > 65535) throw new IllegalArgumentException("not a port: " + p);
            this.port = p;
            return this;
        }

        /** The handler answers without blocking (see {@link Handler#handle}). */
        public Builder nonBlocking() {
            this.blocking = false;
            return this;
        }

        /** Serves https with this context's key and certificate (HTTP/2 by ALPN, else HTTP/1.1). */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public Builder name(String threadName) {
            this.name = threadName;
            return this;
        }

        public WebServer start() throws IOException {
            return new WebServer(this);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address the server listens on. */
    public String host() {
        return connector.getHost();
    }

    /** http://HOST:PORT (no trailing slash); an IPv6 host is bracketed. */
    public String url() {
        String h = host();
        if (h.contains(":")) h = "[" + h + "]";
        return scheme + "://" + h + ":" + port();
    }

    /** Requests handled so far (malformed ones, answered by Jetty with 400, are not counted). */
    public long requestCount() {
        return requests.get();
    }

    public void resetRequestCount() {
        requests.set(0);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
