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

    /** Shard files kept open for positional reads (by many threads at once), most recently used last. */
    private static final int OPEN_SHARDS = 16;
    private final java.util.LinkedHashMap<String, OpenShard> shards = new java.util.LinkedHashMap<>(16, 0.75f, true);

    /**
     * length bytes of a shard file from offset (fewer at the end of the file) in this thread's
     * buffer, valid until this thread reads the next chunk; null when there is no such file. The
     * file stays open for the shard's next inner chunks (one open per shard, not per inner chunk).
     */
    StoredBytes readRange(String key, long offset, int length) throws IOException {
        try {
            return readRangeOnce(key, offset, length);
        } catch (java.nio.channels.AsynchronousCloseException e) {
            // another thread's interrupt closed the shared channel under this read: once more on a fresh one
            if (e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted()) throw e;
            return readRangeOnce(key, offset, length);
        }
    }

    /** Drops the open file of a shard that is being rewritten (a new file replaces it). */
    void forget(String key) {
        OpenShard s;
        synchronized (shards) {
            s = shards.remove(key);
            if (s == null) return;
            s.evicted = true;
            if (s.users > 0) return;
        }
        try {
            s.channel.close();
        } catch (IOException e) {
            // a file opened for reading only: nothing is lost when closing it fails
        }
    }

    private StoredBytes readRangeOnce(String key, long offset, int length) throws IOException {
        OpenShard s = acquire(key);
        if (s == null) return null;
        try {
            byte[] buf = length >= MAX_CACHED ? new byte[length] : threadBuffer(length);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, length);
            long at = offset;
            while (bb.hasRemaining()) {
                int k = s.channel.read(bb, at);
                if (k < 0) break;
                at += k;
            }
            return new StoredBytes(buf, bb.position());
        } finally {
            release(s);
        }
    }

    private OpenShard acquire(String key) throws IOException {
        synchronized (shards) {
            OpenShard s = shards.get(key);
            if (s != null && s.channel.isOpen()) {
                s.users++;
                return s;
            }
        }
        // keys below the prefix are digits and separators, so they cannot leave the directory
        File file = new File(dir, key.substring(prefix.length()));
        java.nio.channels.FileChannel ch;
        try {
            ch = java.nio.channels.FileChannel.open(file.toPath(), java.nio.file.StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!file.exists() || file.isDirectory()) return null;
            throw e;
        }
        OpenShard mine = new OpenShard(ch), evicted = null;
        synchronized (shards) {
            OpenShard s = shards.get(key);
            if (s != null && s.channel.isOpen()) { // another thread opened it meanwhile
                s.users++;
                evicted = mine;
                mine = s;
            } else {
                mine.users++;
                shards.put(key, mine);
                if (shards.size() > OPEN_SHARDS) {
                    var it = shards.values().iterator();
                    OpenShard old = it.next();
                    it.remove();
                    old.evicted = true;
                    if (old.users == 0) evicted = old;
                }
            }
        }
        if (evicted != null) evicted.channel.close();
        return mine;
    }

    private void release(OpenShard s) throws IOException {
        boolean close;
        synchronized (shards) {
            close = --s.users == 0 && s.evicted;
        }
        if (close) s.channel.close();
    }

    /** An open shard file and how many reads use it now; closed once evicted and unused. */
    private static final class OpenShard {
        final java.nio.channels.FileChannel channel;
        int users;
        boolean evicted;

        OpenShard(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }
    }

    /** This thread's read buffer, at least length bytes (grown when needed, kept for its next reads). */
    private static byte[] threadBuffer(int length) {
        byte[][] holder = BUFFER.get();
        if (holder[0] == null || holder[0].length < length) holder[0] = new byte[Math.max(length, 64 * 1024)];
        return holder[0];
    }

    /** The chunk's bytes, valid until this thread reads the next chunk; null when there is none. */
    StoredBytes read(String key) throws IOException {
        // chunk keys below the prefix are digits and separators, so they cannot leave the directory
        File file = new File(dir, key.substring(prefix.length()));
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            long size = f.length();
            if (size >= MAX_CACHED) return StoredBytes.of(store.get(key));
            // one byte of room beyond the size, to notice a file that grew meanwhile
            int room = (int) size + 1;
            byte[] buf = threadBuffer(room);
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
