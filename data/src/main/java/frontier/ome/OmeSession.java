package frontier.ome;

import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stores one info or download opened (usually one), their fetchers, and the requests they made. */
final class OmeSession implements AutoCloseable {
    private final Map<String, MetadataFetcher> fetchers = new LinkedHashMap<>();
    private final List<Store> owned = new ArrayList<>();
    private final StoreOptions options;

    OmeSession() {
        this(StoreOptions.defaults());
    }

    /** Stores the session opens (the image's, and any a label's path leads to) get these options. */
    OmeSession(StoreOptions options) {
        this.options = options;
    }

    /** Opens a path or URL (the session closes the store). */
    synchronized OmeLocation open(String location) throws IOException {
        MetadataFetcher f = fetchers.get(location);
        if (f == null) {
            Store s = Stores.open(location, options);
            owned.add(s);
            f = new MetadataFetcher(s);
            fetchers.put(location, f);
            start(f);
            f.loadConsolidated();
            f.detectFormat();
        }
        return new OmeLocation(this, f, "");
    }

    /** Opens a location to copy it: metadata files are fetched as they are, not answered from .zmetadata. */
    synchronized OmeLocation openForCopy(String location) throws IOException {
        Store s = Stores.open(location, options);
        owned.add(s);
        MetadataFetcher f = new MetadataFetcher(s);
        fetchers.put(location, f);
        start(f);
        f.prefetch(".zmetadata");
        f.detectFormat();
        return new OmeLocation(this, f, "");
    }

    /** Uses a store the caller owns. */
    synchronized OmeLocation open(Store store) throws IOException {
        MetadataFetcher f = new MetadataFetcher(store);
        fetchers.put(store.describe(), f);
        start(f);
        f.loadConsolidated();
        f.detectFormat();
        return new OmeLocation(this, f, "");
    }

    /** The root's metadata in either format, asked for together (as zarr-python 3's open_group does). */
    private static void start(MetadataFetcher f) {
        f.prefetch(frontier.zarr.Zarr.ZARR_JSON);
        f.prefetch(".zgroup");
        f.prefetch(".zattrs");
    }

    /** Lets fetches that nobody waited for finish (at most a few seconds), so none outlives the walk. */
    synchronized void settle() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        for (MetadataFetcher f : fetchers.values()) f.settle(deadline);
    }

    /** Requests the stores sent (HTTP requests with their retries; file and IPFS reads). */
    synchronized long requests() {
        long n = 0;
        for (MetadataFetcher f : fetchers.values()) n += f.requests();
        return n;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Store s : owned) s.close();
    }
}
