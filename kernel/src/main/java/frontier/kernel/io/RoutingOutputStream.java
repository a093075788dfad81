package frontier.kernel.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * System.out / System.err of the kernel's JVM: writes go to the running cell's stream, or to
 * the kernel's log when no cell runs (so stray output never corrupts the protocol).
 */
public final class RoutingOutputStream extends OutputStream {
    private final OutputStream fallback;
    private volatile OutputStream target;

    public RoutingOutputStream(OutputStream fallback) {
        this.fallback = fallback;
    }

    public void route(OutputStream to) {
        target = to;
    }

    private OutputStream out() {
        OutputStream t = target;
        return t != null ? t : fallback;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out().write(b, off, len);
    }

    /** Flushing is the periodic flusher's job; an explicit flush just lets it run sooner. */
    @Override
    public void flush() throws IOException {
        OutputStream t = target;
        if (t == null) {
            fallback.flush();
        }
    }
}
