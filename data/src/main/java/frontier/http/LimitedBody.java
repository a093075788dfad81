package frontier.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into one array, never past a limit: a declared Content-Length over the limit
 * is refused before any byte is read, and a body that grows past it (chunked, or lying about its
 * length) is cancelled at the limit, which closes the connection. With {@code failOverLimit} false
 * the body is cut at the limit instead (error pages: their first bytes are enough).
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private final boolean failOverLimit;
    private final String what;
    private Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    /** what: how the error names the body ("GET URL", "block CID from gateway G"). */
    LimitedBody(long declaredLength, long limit, boolean failOverLimit, String what) {
        this.limit = Math.min(limit, Integer.MAX_VALUE - 8);
        this.failOverLimit = failOverLimit;
        this.what = what;
        // Announced lengths are trusted for the first allocation only up to a bound: a server
        // announcing gigabytes it never sends must not make us allocate them.
        long first = declaredLength >= 0 ? Math.min(declaredLength, Math.min(this.limit, 8 << 20)) : 8192;
        this.bytes = new byte[(int) Math.max(0, first)];
        if (declaredLength > this.limit && failOverLimit) tooLarge("announced " + declaredLength + " bytes");
    }

    /** A handler reading 2xx bodies up to limit (an error past it) and other bodies up to 64 KiB (cut). */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, String what) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            boolean ok = info.statusCode() / 100 == 2;
            return new LimitedBody(declared, ok ? limit : 64 << 10, ok, what);
        };
    }

    private void tooLarge(String how) {
        result.completeExceptionally(new BodyTooLargeException(what + ": the body is larger than the limit of "
                + limit + " bytes (" + how + "); stopped reading", limit));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) s.cancel();
        else s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if ((long) size + n > limit) {
                if (failOverLimit) {
                    tooLarge("more than " + limit + " bytes arrived");
                } else {
                    b.get(grow((int) (limit - size)), size, (int) (limit - size));
                    size = (int) limit;
                    result.complete(Arrays.copyOf(bytes, size));
                }
                subscription.cancel();
                return;
            }
            b.get(grow(n), size, n);
            size += n;
        }
    }

    private byte[] grow(int more) {
        long need = (long) size + more;
        if (need > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(need, 2L * bytes.length)));
        return bytes;
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
    }
}
