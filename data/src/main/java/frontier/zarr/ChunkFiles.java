package frontier.zarr;

import frontier.store.Store;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Reads the chunk files of one array in a local store into a per-thread buffer that is reused from
 * chunk to chunk: reading a region allocates (and zeroes, and later collects) no array per chunk.
 * The array's directory is resolved once; per chunk there is a plain File and RandomAccessFile (far
 * less code than Path and FileChannel, which matters while the JIT is still compiling the read path).
 * Same answers as the store's get: null for a missing chunk or a directory.
 */
final class ChunkFiles {
    /** Larger files get an array of their own, so that a thread does not keep a huge buffer. */
    private static final int MAX_CACHED = 8 << 20;
    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[1][]);

    private final Store store;
    private final String prefix;
    private final String dir;

    /** prefix: the array's key prefix ("" or "path/"), under which all its chunk keys are; dir: its local folder. */
    private ChunkFiles(Store store, String prefix, java.nio.file.Path dir) {
        this.store = store;
        this.prefix = prefix;
        this.dir = dir.toString();
    }

    /** The chunk files of an array whose store is a local folder; null for other stores. */
    static ChunkFiles of(Store store, String prefix) {
        return store.localPath(prefix).map(d -> new ChunkFiles(store, prefix, d)).orElse(null);
    }

    /** A shard file open for positional reads from many threads at once; null when there is no such file. */
    Shard openShard(String key) throws IOException {
        File file = new File(dir, key.substring(prefix.length()));
        try {
            return new Shard(java.nio.channels.FileChannel.open(file.toPath(), java.nio.file.StandardOpenOption.READ));
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!file.exists() || file.isDirectory()) return null;
            throw e;
        }
    }

    /** An open shard file: one open for all its inner chunks (their reads are positional, so threads share it). */
    static final class Shard implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;

        private Shard(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        /** length bytes from offset (fewer at the end of the file), valid until this thread reads the next chunk. */
        StoredBytes read(long offset, int length) throws IOException {
            byte[] buf;
            if (length >= MAX_CACHED) {
                buf = new byte[length];
            } else {
                byte[][] holder = BUFFER.get();
                if (holder[0] == null || holder[0].length < length) holder[0] = new byte[Math.max(length, 64 * 1024)];
                buf = holder[0];
            }
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, length);
            long at = offset;
            while (bb.hasRemaining()) {
                int k = channel.read(bb, at);
                if (k < 0) break;
                at += k;
            }
            return new StoredBytes(buf, bb.position());
        }

        @Override
        public void close() throws IOException {
            channel.close();
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
