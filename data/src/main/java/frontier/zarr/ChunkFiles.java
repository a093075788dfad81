package frontier.zarr;

import frontier.store.FileStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads chunk files of a local store into a per-thread buffer that is reused from chunk to chunk:
 * reading a region then allocates (and zeroes, and later collects) no array per chunk. Same answers
 * as {@link FileStore#get}: null for a missing chunk or a directory.
 */
final class ChunkFiles {
    /** Larger files get an array of their own, so that a thread does not keep a huge buffer. */
    private static final int MAX_CACHED = 8 << 20;
    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[1][]);

    private ChunkFiles() {
    }

    /** The chunk's bytes, valid until this thread reads the next chunk; null when there is none. */
    static StoredBytes read(FileStore store, String key) throws IOException {
        Path p = store.resolve(key);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size >= MAX_CACHED) return StoredBytes.of(store.get(key));
            byte[][] holder = BUFFER.get();
            // one byte of room beyond the size, to notice a file that grew meanwhile
            if (holder[0] == null || holder[0].length < size + 1) holder[0] = new byte[(int) Math.max(size + 1, 64 * 1024)];
            ByteBuffer bb = ByteBuffer.wrap(holder[0], 0, (int) size + 1);
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // read until the end of the file
            }
            if (!bb.hasRemaining()) return StoredBytes.of(store.get(key)); // grew while being read
            return new StoredBytes(holder[0], bb.position());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (Files.isDirectory(p)) return null;
            throw e;
        }
    }
}
