package frontier.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A key-value store of bytes, the one thing Zarr, OME-Zarr and the IPFS reader need from storage.
 * Keys use '/' as separator and never start with '/'. Open one with {@link Stores#open}: a local
 * folder, memory, http(s)://, s3:// and ipfs:// (the schemes are {@link StoreProvider}s).
 * <p>
 * Reads come in three shapes, as in zarr-python 3, fsspec and object_store: a whole value or some
 * of its bytes ({@link ByteRequest}), synchronously ({@link #get}) or asynchronously
 * ({@link #getAsync}), one at a time or a batch ({@link #getMany}). Local stores answer
 * asynchronous reads on the caller's thread (a file read is fast); remote stores
 * ({@link #isRemote}) overlap them, many more at once than there are cores.
 * A missing key is null, never an exception; an exception names the key's location.
 */
public interface Store extends AutoCloseable {

    /** The value under key, or null when the key does not exist (a missing chunk, say). */
    byte[] get(String key) throws IOException;

    /**
     * Some bytes of the value under key (fewer at its end; all of it when bytes is null), or null
     * when the key does not exist. The default reads the whole value and cuts it; stores that can
     * read a part alone (files, HTTP Range, S3, UnixFS) override this.
     */
    default byte[] get(String key, ByteRequest bytes) throws IOException {
        byte[] all = get(key);
        if (all == null || bytes == null) return all;
        return bytes.slice(all);
    }

    /** {@link #get(String)} without blocking: the future completes with the value, or null when the key is missing. */
    default CompletableFuture<byte[]> getAsync(String key) {
        return getAsync(key, null);
    }

    /**
     * {@link #get(String, ByteRequest)} without blocking; the future fails with the IOException
     * get would throw. The default reads a local store on the calling thread (a completed future:
     * its reads do not wait on a network), and a remote one on a few shared threads. Stores with
     * an asynchronous client of their own (HTTP, S3) override it.
     */
    default CompletableFuture<byte[]> getAsync(String key, ByteRequest bytes) {
        if (isRemote()) return BlockingReads.supply(() -> get(key, bytes));
        try {
            return CompletableFuture.completedFuture(get(key, bytes));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Starts every read at once (fsspec's cat_ranges, zarr's get_partial_values): one future per
     * read, in order, each completing as its bytes arrive, so that a caller can write the first
     * file while the last is still on its way. Remote stores keep as many requests in flight as
     * they allow and queue the rest without tying up a thread per read.
     */
    default List<CompletableFuture<byte[]>> getMany(List<Read> reads) {
        List<CompletableFuture<byte[]>> out = new ArrayList<>(reads.size());
        for (Read r : reads) out.add(getAsync(r.key(), r.bytes()));
        return out;
    }

    /** One read of a batch: a key and which of its bytes (null: all of them). */
    record Read(String key, ByteRequest bytes) {
        public static Read of(String key) {
            return new Read(key, null);
        }

        public static Read of(String key, ByteRequest bytes) {
            return new Read(key, bytes);
        }
    }

    /** The size in bytes of the value under key, or -1 when there is none. Stores that know sizes without reading override this. */
    default long size(String key) throws IOException {
        byte[] v = get(key);
        return v == null ? -1 : v.length;
    }

    /** The content identifier (an IPFS CID) of the value under key in content-addressed stores; null elsewhere or when missing. */
    default String contentId(String key) throws IOException {
        return null;
    }

    default boolean contains(String key) throws IOException {
        return size(key) >= 0;
    }

    /** Writes a value so that a reader never sees it half-written. */
    default void put(String key, byte[] value) throws IOException {
        throw new UnsupportedOperationException(describe() + " is read-only");
    }

    default void delete(String key) throws IOException {
        throw new UnsupportedOperationException(describe() + " is read-only");
    }

    /** Keys directly under prefix ("" for the root; a prefix ends with '/' otherwise), child names only, sorted. */
    default List<String> list(String prefix) throws IOException {
        throw new UnsupportedOperationException(describe() + " cannot list keys");
    }

    default boolean isListable() {
        return false;
    }

    // ---- what callers need to know about a store, without naming its class ----

    /**
     * The local file (or folder, for a prefix) that holds key, when the store is a folder on this
     * machine: callers may then read it with positional reads or map it. Empty for other stores.
     * A key that would leave the store is an IllegalArgumentException.
     */
    default Optional<Path> localPath(String key) {
        return Optional.empty();
    }

    /**
     * True when reads may wait on a network or another process (HTTP, S3, IPFS) rather than on
     * this machine's CPU and disk: callers should then keep many more reads in flight than there
     * are cores (the store bounds how many it really sends at once). Local folders and memory
     * say false; a store that does not say is taken to be remote.
     */
    default boolean isRemote() {
        return true;
    }

    /** What this store has read so far. */
    StoreStats stats();

    /** Where a key lives, for error messages: a path, a URL, an ipfs:// or s3:// address. */
    String locate(String key);

    /**
     * A location from which {@link Stores#open} opens the same key's data in another process (a
     * path, a URL, an ipfs:// address), so that tasks can carry it as a plain string; null when
     * there is none (memory, or a store opened with options a location cannot carry).
     */
    default String address(String key) {
        return null;
    }

    /** The store itself, for error messages: its root path or URL. */
    default String describe() {
        return locate("");
    }

    @Override
    default void close() throws IOException {
    }

    /** Waits for a read and unwraps its failure into the IOException it carries. */
    static <T> T await(CompletableFuture<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) c = c.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof java.io.UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
    }
}
