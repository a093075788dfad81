package frontier.ipfs.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Kubo's buzhash chunker: chunks between 128 KiB and 512 KiB, cut where a 32-byte rolling
 * buzhash has its low 17 bits zero. Works on a 512 KiB buffer exactly as boxo does, so the
 * cut points (and CIDs) agree.
 */
public final class BuzhashChunker implements Chunker {
    private static final int MIN = 128 << 10;
    private static final int MAX = 512 << 10;
    private static final int MASK = (1 << 17) - 1;
    private static final int[] TABLE = loadTable();

    private final InputStream in;
    private byte[] buf = new byte[MAX];
    private int n;
    private boolean done;

    public BuzhashChunker(InputStream in) {
        this.in = in;
    }

    @Override
    public byte[] next() throws IOException {
        if (done) {
            return null;
        }
        int read = Chunker.readFully(in, buf, n, MAX - n);
        int buffered = n + read;
        if (read < MAX - n && buffered < MIN) {
            done = true;
            byte[] res = buffered == 0 ? null : Arrays.copyOf(buf, buffered);
            buf = null;
            return res;
        }
        int state = 0;
        int i;
        for (i = MIN - 32; i < MIN; i++) {
            state = Integer.rotateLeft(state, 1) ^ TABLE[buf[i] & 0xFF];
        }
        int max = buffered - 32 - 1;
        for (i = MIN - 32; i <= max; i++) {
            if ((state & MASK) == 0) {
                break;
            }
            state = Integer.rotateLeft(state, 1) ^ TABLE[buf[i] & 0xFF] ^ TABLE[buf[i + 32] & 0xFF];
        }
        i += 32;
        byte[] res = Arrays.copyOf(buf, i);
        System.arraycopy(buf, i, buf, 0, buffered - i);
        n = buffered - i;
        return res;
    }

    private static int[] loadTable() {
        int[] t = new int[256];
        int k = 0;
        try (InputStream s = BuzhashChunker.class.getResourceAsStream("buzhash-table.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.startsWith("0x")) {
                    t[k++] = (int) Long.parseLong(line.substring(2), 16);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("buzhash table resource missing", e);
        }
        if (k != 256) {
            throw new IllegalStateException("buzhash table has " + k + " entries, expected 256");
        }
        return t;
    }
}
