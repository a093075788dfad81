package frontier.ipfs.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Fixed-size chunks ({@code size-N}); the last one may be shorter. */
public final class SizeChunker implements Chunker {
    private final InputStream in;
    private final int size;
    private boolean done;
    private long expected;

    public SizeChunker(InputStream in, int size) {
        this(in, size, -1);
    }

    /** expectedLength (or -1): the file's size when listed, so small files get small buffers. */
    public SizeChunker(InputStream in, int size, long expectedLength) {
        this.in = in;
        this.size = size;
        this.expected = expectedLength;
    }

    @Override
    public byte[] next() throws IOException {
        if (done) {
            return null;
        }
        if (expected >= 0 && expected < size) {
            // the rest should fit in a smaller buffer; probe one byte to be sure the file did not grow
            byte[] small = new byte[(int) expected];
            int n = Chunker.readFully(in, small, 0, small.length);
            int more = n == small.length ? in.read() : -1;
            if (more < 0) {
                done = true;
                return n == 0 ? null : n == small.length ? small : Arrays.copyOf(small, n);
            }
            byte[] buf = Arrays.copyOf(small, size);
            buf[n] = (byte) more;
            int m = n + 1 + Chunker.readFully(in, buf, n + 1, size - n - 1);
            expected = -1;
            if (m < size) {
                done = true;
                return Arrays.copyOf(buf, m);
            }
            return buf;
        }
        byte[] buf = new byte[size];
        int n = Chunker.readFully(in, buf, 0, size);
        if (expected >= 0) {
            expected -= n;
        }
        if (n < size) {
            done = true;
            return n == 0 ? null : Arrays.copyOf(buf, n);
        }
        return buf;
    }
}
