package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.store.Store;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches metadata files of one store concurrently, each at most once. Consolidated metadata
 * ({@code .zmetadata} at the store's root) answers every metadata key under it without a request,
 * and a key it does not list is known to be absent.
 */
final class MetadataFetcher {
    private final Store store;
    private final Map<String, CompletableFuture<byte[]>> cache = new ConcurrentHashMap<>();
    private final AtomicLong gets = new AtomicLong();
    private final long requestsBefore;
    private volatile Map<String, byte[]> consolidated;
    /** The store's Zarr format once known from its root (2 or 3), else 0: then both formats' files are asked for. */
    private volatile int format;

    MetadataFetcher(Store store) {
        this.store = store;
        this.requestsBefore = store.stats().requests();
    }

    Store store() {
        return store;
    }

    /** Store reads issued so far (not counting retries inside the store). */
    long gets() {
        return gets.get();
    }

    /** Requests the store sent since this fetcher began (retries included), for its reads and everyone else's. */
    long requests() {
        return store.stats().requests() - requestsBefore;
    }

    /** Reads .zmetadata once; afterwards metadata keys are answered from it. */
    void loadConsolidated() throws IOException {
        byte[] z = get(".zmetadata");
        if (z == null) return;
        JsonNode root = json(z, ".zmetadata");
        JsonNode md = root.get("metadata");
        if (md == null || !md.isObject()) {
            throw new OmeException("invalid consolidated metadata " + store.locate(".zmetadata") + ": no 'metadata' object");
        }
        Map<String, byte[]> m = new ConcurrentHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), OmeMetadata.JSON.writeValueAsBytes(e.getValue()));
        }
        consolidated = m;
    }

    int format() {
        return format;
    }

    /**
     * Settles the store's format from its root: zarr.json makes it Zarr v3 (and its inline consolidated
     * metadata, when present, answers every metadata key below it), .zgroup or .zarray make it v2.
     */
    void detectFormat() throws IOException {
        byte[] z = get(frontier.zarr.Zarr.ZARR_JSON);
        if (z != null) {
            JsonNode root = json(z, frontier.zarr.Zarr.ZARR_JSON);
            JsonNode cm = root.path("consolidated_metadata").path("metadata");
            if (cm.isObject() && consolidated == null) {
                Map<String, byte[]> m = new ConcurrentHashMap<>();
                m.put(frontier.zarr.Zarr.ZARR_JSON, z);
                for (Iterator<Map.Entry<String, JsonNode>> it = cm.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String why = OmeMetadata.whyNotRelative(e.getKey());
                    if (why != null) {
                        throw new OmeException("invalid consolidated metadata in " + store.locate(frontier.zarr.Zarr.ZARR_JSON) + ": refusing key '"
                                + frontier.text.TerminalText.escape(e.getKey()) + "' (" + why + ")");
                    }
                    m.put(e.getKey() + "/" + frontier.zarr.Zarr.ZARR_JSON, OmeMetadata.JSON.writeValueAsBytes(e.getValue()));
                }
                consolidated = m;
            }
            format = 3;
        } else if (get(".zgroup") != null || get(".zarray") != null) {
            format = 2;
        }
    }

    boolean isConsolidated() {
        return consolidated != null;
    }

    /** Starts fetching a key (no-op when already started). */
    CompletableFuture<byte[]> prefetch(String key) {
        Map<String, byte[]> c = consolidated;
        if (c != null && isMetadataKey(key)) {
            return CompletableFuture.completedFuture(c.get(key));
        }
        return cache.computeIfAbsent(key, this::start);
    }

    byte[] get(String key) throws IOException {
        try {
            return prefetch(key).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + store.locate(key));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            throw new IOException(store.locate(key) + ": " + c, c);
        }
    }

    /** The key's JSON, or null when it does not exist. */
    JsonNode getJson(String key) throws IOException {
        byte[] b = get(key);
        return b == null ? null : json(b, key);
    }

    JsonNode json(byte[] b, String key) throws OmeException {
        try {
            if (b.length == 0) throw new OmeException("invalid JSON in " + store.locate(key) + ": the file is empty");
            return OmeMetadata.JSON.readTree(b);
        } catch (IOException e) {
            if (e instanceof OmeException oe) throw oe;
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new OmeException("invalid JSON in " + store.locate(key) + ": " + msg, e);
        }
    }

    /** Remote stores overlap the reads; local ones answer at once. */
    private CompletableFuture<byte[]> start(String key) {
        gets.incrementAndGet();
        return store.getAsync(key);
    }

    private static boolean isMetadataKey(String key) {
        return key.endsWith(".zgroup") || key.endsWith(".zarray") || key.endsWith(".zattrs") || key.endsWith(frontier.zarr.Zarr.ZARR_JSON);
    }

    /**
     * Waits, at most until the deadline, for fetches started but never needed (a .zattrs asked
     * for beside a .zgroup that turned out absent), so that no request outlives the walk: a
     * server then has seen every request the walk reports. Their failures do not matter here.
     */
    void settle(long deadlineNanos) {
        for (CompletableFuture<byte[]> f : cache.values()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return;
            try {
                f.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not needed by the walk; a timeout leaves it to close()
            }
        }
    }

}
