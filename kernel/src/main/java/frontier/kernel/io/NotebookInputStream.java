package frontier.kernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * System.in for cells: when a read finds nothing buffered it asks the notebook for a line
 * (input_request); the answer plus a newline is what the cell reads. End of input when the
 * frontend does not allow stdin.
 */
public final class NotebookInputStream extends InputStream {
    private final Supplier<String> askLine;
    private byte[] buffer = new byte[0];
    private int pos;

    /** askLine returns the user's line, or null when input is not possible. */
    public NotebookInputStream(Supplier<String> askLine) {
        this.askLine = askLine;
    }

    private boolean fill() {
        if (pos < buffer.length) {
            return true;
        }
        String line = askLine.get();
        if (line == null) {
            return false;
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? buffer[pos++] & 0xFF : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - pos;
    }

    /** Drops unread input at the end of a cell. */
    public synchronized void reset() {
        buffer = new byte[0];
        pos = 0;
    }
}
