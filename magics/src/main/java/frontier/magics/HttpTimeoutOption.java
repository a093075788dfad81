package frontier.magics;

import frontier.http.HttpTimeout;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --timeout SECONDS}, for commands that read over HTTP: how long one request may take, its
 * retries included (a picocli mixin; the default is FRONTIER_HTTP_TIMEOUT, else 30 s).
 */
public final class HttpTimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up an HTTP request (retries included) after this long: seconds, or 500ms, 2m "
                    + "(default: $" + HttpTimeout.ENV + ", else 30 s).")
    String timeout;

    /** Applies the flag to HTTP readers opened on this thread until closed. */
    public HttpTimeout.Scope apply() {
        if (timeout == null) return () -> { };
        Duration d = HttpTimeout.parse(timeout, "--timeout");
        return HttpTimeout.scoped(d);
    }
}
