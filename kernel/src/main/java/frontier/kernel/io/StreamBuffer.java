package frontier.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Collects what a cell writes to one stream (stdout or stderr) and hands it on as text when
 * flushed, keeping a trailing partial UTF-8 character for the next flush.
 */
public final class StreamBuffer extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Consumer<String> sink;
    /**
     * Held from taking the bytes until the sink has sent them. Without it the end-of-cell flush
     * could find the buffer just emptied by the periodic flusher and let the kernel reply (and go
     * idle) before that flusher had sent the text: the client then lost the cell's last output.
     */
    private final Object sending = new Object();

    public StreamBuffer(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
    }

    /**
     * Sends what is complete so far (called by the periodic flusher and at the end of a cell).
     * Returns only once everything written before the call has been sent, whichever thread
     * sends it; writers are not held up while the text is being sent.
     */
    @Override
    public void flush() {
        synchronized (sending) {
            String text;
            synchronized (this) {
                if (bytes.size() == 0) {
                    return;
                }
                byte[] all = bytes.toByteArray();
                int end = completeUtf8Length(all);
                text = new String(all, 0, end, StandardCharsets.UTF_8);
                bytes.reset();
                bytes.write(all, end, all.length - end);
            }
            if (!text.isEmpty()) {
                sink.accept(text);
            }
        }
    }

    /** Length of the prefix that ends on a character boundary. */
    static int completeUtf8Length(byte[] b) {
        int n = b.length;
        int i = n - 1;
        int back = 0;
        while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return (n - i) < need ? i : n;
    }

    byte[] pending() {
        synchronized (this) {
            return Arrays.copyOf(bytes.toByteArray(), bytes.size());
        }
    }
}
