package frontier.ipfs.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Fixed-size chunks ({@code size-N}); the last one may be shorter. */
public final class SizeChunker implements Chunker {
    private final InputStream in;
    private final int size;
    private boolean done;

    public SizeChunker(InputStream in, int size) {
        this.in = in;
        this.size = size;
    }

    @Override
    public byte[] next() throws IOException {
        if (done) {
            return null;
        }
        byte[] buf = new byte[size];
        int n = Chunker.readFully(in, buf, 0, size);
        if (n < size) {
            done = true;
            return n == 0 ? null : Arrays.copyOf(buf, n);
        }
        return buf;
    }
}
