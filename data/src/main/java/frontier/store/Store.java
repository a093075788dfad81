package frontier.store;

import java.io.IOException;
import java.util.List;

/**
 * A key-value store of bytes, the one thing Zarr and the IPFS reader need from storage.
 * Keys use '/' as separator and never start with '/'. Implementations: {@link FileStore},
 * {@link MemoryStore}, HTTP and ipfs:// (registered through {@link StoreProvider}).
 */
public interface Store extends AutoCloseable {

    /** The value under key, or null when the key does not exist (a missing chunk, say). */
    byte[] get(String key) throws IOException;

    /** length bytes from offset (fewer at the end of the value), or null when the key does not exist. */
    default byte[] getRange(String key, long offset, int length) throws IOException {
        byte[] all = get(key);
        if (all == null) return null;
        int from = (int) Math.min(offset, all.length);
        int to = (int) Math.min((long) from + length, all.length);
        return java.util.Arrays.copyOfRange(all, from, to);
    }

    /**
     * The last length bytes of the value (all of it when shorter), or null when the key does not exist:
     * what a Zarr v3 shard index at the end of its shard needs. Stores that can ask for a suffix in one
     * request (HTTP's "Range: bytes=-N") override this; the default asks for the size first.
     */
    default byte[] getSuffix(String key, int length) throws IOException {
        long size = size(key);
        if (size < 0) return null;
        return getRange(key, Math.max(0, size - length), (int) Math.min(length, size));
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
        return get(key) != null;
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

    /** Where a key lives, for error messages: a path, a URL, an ipfs:// address. */
    String locate(String key);

    /** The store itself, for error messages: its root path or URL. */
    default String describe() {
        return locate("");
    }

    @Override
    default void close() throws IOException {
    }
}
