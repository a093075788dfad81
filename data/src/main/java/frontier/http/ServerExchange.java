package frontier.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and its response, as a {@link WebServer.Handler} sees it. Answer in one call with
 * {@link #respond} (the whole body in one write), or stream: {@link #sendResponseHeaders}, write
 * to {@link #body()}, {@link #close()}. A response whose body is shorter than the length it
 * announced is cut off by closing the connection (tests use that to fake a truncated body).
 */
public final class ServerExchange implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Executor threads;
    private final AtomicBoolean done = new AtomicBoolean();
    private OutputStream body;

    ServerExchange(Request request, Response response, Callback callback, Executor threads) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.threads = threads;
    }

    public String method() {
        return request.getMethod();
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    /** The path, percent-decoded (Jetty has already refused ambiguous ones such as %2e%2e or %2F with 400). */
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    /** The query string as sent, or null. */
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** A request header (any case), or null. */
    public String requestHeader(String name) {
        return request.getHeaders().get(name);
    }

    /** Sets a response header; call before the response is sent. */
    public ServerExchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    /** The whole response in one write (for HEAD, the headers only). */
    public void respond(int status, String contentType, byte[] bytes) {
        if (!done.compareAndSet(false, true)) throw new IllegalStateException("already answered");
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, isHead() ? EMPTY : ByteBuffer.wrap(bytes), callback);
    }

    /** A short text answer: "STATUS what\n". */
    public void respondText(int status, String what) {
        respond(status, "text/plain; charset=utf-8", (status + " " + what + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** length bytes of a file from an offset, streamed without blocking (for HEAD, the headers only). */
    public void respond(int status, String contentType, Path file, long from, long length) {
        if (!done.compareAndSet(false, true)) throw new IllegalStateException("already answered");
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (isHead() || length == 0) {
            response.write(true, EMPTY, callback);
            return;
        }
        Content.copy(Content.Source.from(file, from, length), response, callback);
    }

    /**
     * Starts a streamed response: length &gt; 0 is its Content-Length, 0 an unknown length
     * (chunked), -1 no body. Write the body to {@link #body()}, then {@link #close()}.
     */
    public void sendResponseHeaders(int status, long length) {
        response.setStatus(status);
        if (length > 0) response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        else if (length < 0) response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    }

    /** The body of a streamed response (blocking writes). */
    public OutputStream body() {
        if (body == null) body = Content.Sink.asOutputStream(response);
        return body;
    }

    /** Continues on a pool thread (a non-blocking handler that must block); the exchange is closed after. */
    public void dispatch(ThrowingRunnable work) {
        threads.execute(() -> {
            try {
                work.run();
                close();
            } catch (Throwable t) {
                fail(t);
            }
        });
    }

    /** Work that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Ends the response (what was not sent of an announced length is cut off with the connection). */
    @Override
    public void close() throws IOException {
        if (!done.compareAndSet(false, true)) return;
        try {
            if (body != null) body.close();
            else org.eclipse.jetty.io.Content.Sink.write(response, true, EMPTY);
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** A handler failed: 500 with the reason when nothing was sent yet, else the connection is cut. */
    void fail(Throwable t) {
        if (!done.compareAndSet(false, true)) return; // answered already: nothing more to say
        if (response.isCommitted()) {
            callback.failed(t);
            return;
        }
        byte[] text = ("500 internal error: " + t + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(500);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, text.length);
        response.write(true, ByteBuffer.wrap(text), callback);
    }
}
