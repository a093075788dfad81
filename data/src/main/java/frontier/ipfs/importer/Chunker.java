package frontier.ipfs.importer;

import java.io.IOException;
import java.io.InputStream;

/** Splits one file's bytes into chunks, as Kubo's splitters do. One instance per file. */
public interface Chunker {
    /** The next chunk, or null at the end. Never returns an empty chunk. */
    byte[] next() throws IOException;

    /** Makes chunkers for a spec such as {@code size-262144}, {@code rabin}, {@code rabin-16-32-64}, {@code buzhash}. */
    interface Factory {
        Chunker open(InputStream in);

        /** Opens a chunker for a file whose length is expected to be expectedLength. */
        default Chunker open(InputStream in, long expectedLength) {
            return open(in);
        }
    }

    /** Reads until buf is full or the stream ends; returns the count. */
    static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(buf, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
