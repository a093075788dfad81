package frontier.zarr;

import frontier.store.FileStore;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Reads the chunk files of one array in a local store into a per-thread buffer that is reused from
 * chunk to chunk: reading a region allocates (and zeroes, and later collects) no array per chunk.
 * The array's directory is resolved once; per chunk there is a plain File and RandomAccessFile (far
 * less code than Path and FileChannel, which matters while the JIT is still compiling the read path).
 * Same answers as {@link FileStore#get}: null for a missing chunk or a directory.
 */
final class ChunkFiles {
    /** Larger files get an array of their own, so that a thread does not keep a huge buffer. */
    private static final int MAX_CACHED = 8 << 20;
    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[1][]);

    private final FileStore store;
    private final String prefix;
    private final String dir;

    /** prefix: the array's key prefix ("" or "path/"), under which all its chunk keys are. */
    ChunkFiles(FileStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
        this.dir = store.resolve(prefix).toString();
    }

    /**
     * length bytes from offset of the file under key (an inner chunk of a shard), fewer at its end, valid
     * until this thread reads the next chunk; null when there is no such file.
     */
    StoredBytes readRange(String key, long offset, int length) throws IOException {
        File file = new File(dir, key.substring(prefix.length()));
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            int n = (int) Math.max(0, Math.min(length, f.length() - offset));
            byte[] buf;
            if (n >= MAX_CACHED) {
                buf = new byte[n];
            } else {
                byte[][] holder = BUFFER.get();
                if (holder[0] == null || holder[0].length < n) holder[0] = new byte[Math.max(n, 64 * 1024)];
                buf = holder[0];
            }
            f.seek(offset);
            f.readFully(buf, 0, n);
            return new StoredBytes(buf, n);
        } catch (FileNotFoundException e) {
            if (!file.exists() || file.isDirectory()) return null;
            throw e;
        }
    }

    /** The chunk's bytes, valid until this thread reads the next chunk; null when there is none. */
    StoredBytes read(String key) throws IOException {
        // chunk keys below the prefix are digits and separators, so they cannot leave the directory
        File file = new File(dir, key.substring(prefix.length()));
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            long size = f.length();
            if (size >= MAX_CACHED) return StoredBytes.of(store.get(key));
            byte[][] holder = BUFFER.get();
            // one byte of room beyond the size, to notice a file that grew meanwhile
            int room = (int) size + 1;
            if (holder[0] == null || holder[0].length < room) holder[0] = new byte[Math.max(room, 64 * 1024)];
            byte[] buf = holder[0];
            int n = 0;
            for (int k; n < room && (k = f.read(buf, n, room - n)) >= 0; ) n += k;
            if (n == room) return StoredBytes.of(store.get(key)); // grew while being read
            return new StoredBytes(buf, n);
        } catch (FileNotFoundException e) {
            // also what RandomAccessFile says for a directory; anything else (no permission) is an error
            if (!file.exists() || file.isDirectory()) return null;
            throw e;
        }
    }
}
