package frontier.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Frontier's one HTTP client: {@link java.net.http.HttpClient} with one retry policy
 * ({@link RetryPolicy}), one deadline per request ({@link HttpTimeout}), a cap on response bodies,
 * and no JVM-wide settings. HTTP/2 over TLS for https (ALPN; HTTP/1.1 when the server has no h2),
 * HTTP/1.1 with kept-alive connections for plain http. Redirects are followed (at most 5, never
 * from https to http).
 * <p>
 * Requests run on a pool of daemon threads, each blocked in {@code HttpClient.send}, and callers
 * get CompletableFutures. Why not {@code sendAsync}: it hands every completion to
 * CompletableFuture's default executor, which on a machine with 2 cores or fewer starts a new
 * thread per task; fetching an OME-Zarr image's 2,870 files then cost twice the CPU of pooled
 * {@code send} calls. The client's own executor runs its work inline on its selector thread (one
 * thread drives every connection): on loopback that measured the least CPU per request.
 * <p>
 * Trust: https servers are checked against the JVM's trust store (which
 * {@code -Djavax.net.ssl.trustStore} changes); {@link #trusting} makes a client that trusts a
 * given TLS context instead (tests with a self-signed server). Verification is never turned off.
 */
public final class Http {
    /** Bodies of 2xx responses are read up to this unless the caller sets a lower cap (arrays hold 2 GB). */
    public static final long MAX_BODY = Integer.MAX_VALUE - 8;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Http SHARED = new Http(null);

    /** Daemon threads: a request someone forgot never keeps the JVM (or the kernel) alive. */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "frontier-http");
        t.setDaemon(true);
        return t;
    });
    private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "frontier-http-deadline");
        t.setDaemon(true);
        return t;
    });

    static {
        DEADLINES.setRemoveOnCancelPolicy(true);
    }

    private final HttpClient client;

    private Http(SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Runnable::run);
        if (ssl != null) b.sslContext(ssl);
        this.client = b.build();
    }

    /** The process-wide client: its connections are shared by every reader. */
    public static Http shared() {
        return SHARED;
    }

    /** A client trusting the servers that ssl trusts (e.g. a test's self-signed certificate), and no others. */
    public static Http trusting(SSLContext ssl) {
        return new Http(ssl);
    }

    /** One GET: a Range header (or null), an Accept header (or null), and a cap on the body. */
    public record Get(URI uri, String range, String accept, long maxBody) {
        public static Get of(URI uri) {
            return new Get(uri, null, null, MAX_BODY);
        }

        public Get withRange(String r) {
            return new Get(uri, r, accept, maxBody);
        }

        public Get withAccept(String a) {
            return new Get(uri, range, a, maxBody);
        }

        public Get withMaxBody(long max) {
            return new Get(uri, range, accept, max);
        }
    }

    /**
     * The final answer to a GET: the body of a 2xx response (of other responses, their first
     * 64 KiB), its headers, and the attempts made. 429 and 5xx come back only when the policy's
     * attempts ran out.
     */
    public record Reply(URI uri, int status, byte[] body, HttpHeaders headers, HttpClient.Version version, int attempts) {
        /** A header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean isSuccess() {
            return status / 100 == 2;
        }

        /** "HTTP 503 for URL after 5 attempts". */
        public String describe() {
            return "HTTP " + status + " for " + uri + (attempts > 1 ? " after " + attempts + " attempts" : "");
        }
    }

    /** The GET on this thread, retried as the policy says; an IOException naming the URL when it fails. */
    public Reply get(Get get, RetryPolicy policy) throws IOException {
        Call call = new Call(get, policy);
        call.run();
        try {
            return call.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** The GET on a pool thread; cancelling the future stops the request. */
    public CompletableFuture<Reply> getAsync(Get get, RetryPolicy policy) {
        Call call = new Call(get, policy);
        SENDERS.execute(call);
        return call.result;
    }

    /**
     * A lane of at most {@code maxInFlight} GETs at once: more are queued (not on threads), and each
     * pool thread that finishes a GET takes the next queued one itself, so a long batch of requests
     * costs no thread hand-off per request. What a store uses to bound its requests.
     */
    public Lane lane(int maxInFlight) {
        return new Lane(Math.max(1, maxInFlight));
    }

    /** GETs bounded in number ({@link #lane}). */
    public final class Lane {
        private final int max;
        private final java.util.ArrayDeque<Call> queue = new java.util.ArrayDeque<>();
        private int running; // guarded by queue
        private boolean closed; // guarded by queue

        private Lane(int max) {
            this.max = max;
        }

        /** The GET, sent when fewer than maxInFlight are; cancelling the future stops it (or drops it from the queue). */
        public CompletableFuture<Reply> getAsync(Get get, RetryPolicy policy) {
            Call call = new Call(get, policy);
            boolean start;
            synchronized (queue) {
                if (closed) return CompletableFuture.failedFuture(new IOException("GET " + get.uri() + ": closed"));
                queue.add(call);
                start = running < max;
                if (start) running++;
            }
            if (start) SENDERS.execute(this::drain);
            return call.result;
        }

        /**
         * The GET on the calling thread when fewer than maxInFlight are sent and none is queued: a
         * caller that waits for the reply anyway so saves the hand-off to a pool thread and back
         * (two thread switches per request). Null when the lane is full: the caller then queues
         * it ({@link #getAsync}).
         */
        public Reply getHere(Get get, RetryPolicy policy) throws IOException {
            synchronized (queue) {
                if (closed) throw new IOException("GET " + get.uri() + ": closed");
                if (running >= max || !queue.isEmpty()) return null;
                running++;
            }
            try {
                return Http.this.get(get, policy);
            } finally {
                boolean more;
                synchronized (queue) {
                    more = !queue.isEmpty();
                    if (!more) running--;
                }
                if (more) SENDERS.execute(this::drain); // the slot goes on serving the queue
            }
        }

        private void drain() {
            while (true) {
                Call next;
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        running--;
                        return;
                    }
                }
                next.run(); // a cancelled call returns at once
            }
        }

        /** Fails the GETs still queued; those being sent finish. */
        public void close() {
            java.util.List<Call> dropped;
            synchronized (queue) {
                closed = true;
                dropped = new java.util.ArrayList<>(queue);
                queue.clear();
            }
            for (Call c : dropped) c.result.completeExceptionally(new IOException("GET " + c.get.uri() + ": closed"));
        }
    }

    /**
     * One exchange, not retried (RPC calls are not idempotent), that must have its response
     * headers within the deadline; what is read of the body after that is the handler's. The
     * request's version, when it sets one, is kept.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration deadline) throws IOException {
        HttpRequest r = HttpRequest.newBuilder(request, (k, v) -> true).timeout(deadline)
                .version(request.version().orElse(versionFor(request.uri()))).build();
        try {
            return client.send(r, handler);
        } catch (HttpTimeoutException e) {
            HttpTimeoutException t = new HttpTimeoutException(request.method() + " " + request.uri() + ": " + HttpTimeout.noAnswer(deadline));
            t.initCause(e);
            throw t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + request.method() + " " + request.uri());
        }
    }

    /**
     * HTTP/2 over TLS, where ALPN lets the server choose; HTTP/1.1 for plain http (no h2c Upgrade
     * headers sent to servers that may not expect them; on loopback h2c measured no faster).
     */
    static HttpClient.Version versionFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    /** One GET with its retries, run by one thread; the deadline and a cancel interrupt that thread. */
    private final class Call implements Runnable {
        final Get get;
        final RetryPolicy policy;
        final CompletableFuture<Reply> result = new CompletableFuture<>();
        private long deadline; // set when the call starts: time spent queued in a lane is not counted
        private Thread runner; // guarded by this
        private boolean timedOut; // guarded by this

        Call(Get get, RetryPolicy policy) {
            this.get = get;
            this.policy = policy;
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) interruptRunner(false);
            });
        }

        private synchronized void interruptRunner(boolean deadlinePassed) {
            if (deadlinePassed) timedOut = true;
            if (runner != null) runner.interrupt();
        }

        @Override
        public void run() {
            synchronized (this) {
                if (result.isDone()) return;
                runner = Thread.currentThread();
            }
            deadline = System.nanoTime() + policy.deadline().toNanos();
            ScheduledFuture<?> alarm = DEADLINES.schedule(() -> interruptRunner(true), policy.deadline().toNanos(), TimeUnit.NANOSECONDS);
            boolean interruptedByCaller = false;
            try {
                result.complete(attempts());
            } catch (InterruptedException e) {
                boolean late;
                synchronized (this) {
                    late = timedOut;
                }
                if (late) {
                    result.completeExceptionally(failure(new HttpTimeoutException(HttpTimeout.noAnswer(policy.deadline())), lastAttempt));
                } else {
                    interruptedByCaller = true;
                    result.completeExceptionally(new InterruptedIOException("interrupted: GET " + get.uri()));
                }
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                alarm.cancel(false);
                boolean ours;
                synchronized (this) {
                    runner = null;
                    ours = timedOut || result.isCancelled();
                }
                // An alarm or a cancel that hit as the request ended must not reach the thread's next
                // work; a caller's own interrupt is kept.
                if (ours) Thread.interrupted();
                if (interruptedByCaller) Thread.currentThread().interrupt();
            }
        }

        private int lastAttempt;

        private Reply attempts() throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(get.uri()).GET().version(versionFor(get.uri()));
            if (get.range() != null) b.header("Range", get.range());
            if (get.accept() != null) b.header("Accept", get.accept());
            HttpRequest request = b.build();
            String what = "GET " + get.uri();
            for (int attempt = 0; ; attempt++) {
                lastAttempt = attempt;
                boolean last = attempt + 1 >= policy.attempts();
                HttpResponse<byte[]> r;
                try {
                    r = client.send(request, LimitedBody.handler(get.maxBody(), what));
                } catch (IOException e) {
                    IOException cause = unwrap(e);
                    if (last || !isTransient(cause) || !pause(attempt, null)) throw failure(cause, attempt);
                    continue;
                }
                int status = r.statusCode();
                if (RetryPolicy.isRetryable(status) && !last && pause(attempt, r.headers().firstValue("Retry-After").orElse(null))) {
                    continue;
                }
                if (status / 100 == 3 && status != 304) {
                    String to = r.headers().firstValue("Location").orElse("(no Location)");
                    throw new IOException(what + ": redirect to " + to + " not followed (more than 5 redirects, or from https to http)");
                }
                return new Reply(r.uri(), status, r.body(), r.headers(), r.version(), attempt + 1);
            }
        }

        /** Sleeps the backoff before another attempt; false (no sleep) when that would end past the deadline. */
        private boolean pause(int attempt, String retryAfter) throws InterruptedException {
            long ms = policy.backoffMillis(attempt, retryAfter);
            if (System.nanoTime() + ms * 1_000_000 >= deadline) return false;
            Thread.sleep(ms);
            return true;
        }

        private IOException failure(IOException cause, int attempt) {
            String tries = attempt > 0 ? " after " + (attempt + 1) + " attempts" : "";
            String why;
            if (cause instanceof HttpTimeoutException) {
                why = "timed out: " + HttpTimeout.noAnswer(policy.deadline());
            } else if (cause instanceof ConnectException) {
                why = "cannot connect" + (cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
            } else if (cause instanceof BodyTooLargeException) {
                return cause; // already names the request and the limit
            } else {
                why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            }
            IOException e = cause instanceof HttpTimeoutException
                    ? new HttpTimeoutException("GET " + get.uri() + " failed" + tries + ": " + why)
                    : new IOException("GET " + get.uri() + " failed" + tries + ": " + why);
            e.initCause(cause);
            return e;
        }
    }

    /** HttpClient.send wraps the cause of a failed exchange in a new IOException: find ours. */
    private static IOException unwrap(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException b) return b;
            if (t == t.getCause()) break;
        }
        return e;
    }

    /** Refused, reset or truncated: worth another try. A bad certificate or a too-large body is not. */
    private static boolean isTransient(IOException e) {
        return !(e instanceof BodyTooLargeException) && !(e instanceof SSLHandshakeException)
                && !(e instanceof javax.net.ssl.SSLPeerUnverifiedException);
    }
}
