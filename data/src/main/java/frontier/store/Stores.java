package frontier.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The one way to open a store: from a path or URL ({@link #open}), registered providers first
 * (http(s)://, s3://, ipfs://), a local directory otherwise; or a folder or memory directly.
 */
public final class Stores {
    private Stores() {
    }

    public static Store open(String location) throws IOException {
        return open(location, StoreOptions.defaults());
    }

    /** Opens a location with the options the commands' flags give (the S3 endpoint, say). */
    public static Store open(String location, StoreOptions options) throws IOException {
        StoreOptions o = options == null ? StoreOptions.defaults() : options;
        boolean url = location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        // an existing local folder is itself: looking providers up scans every jar on the class path (~50 ms cold)
        if (!url && !location.startsWith("/ipfs/") && isFolder(location)) return new FileStore(Path.of(location));
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            if (p.accepts(location)) return p.open(location, o);
        }
        if (url && !location.startsWith("file://")) {
            throw new IOException("no store for " + location + " (unknown scheme)");
        }
        String path = location.startsWith("file://") ? location.substring("file://".length()) : location;
        try {
            return new FileStore(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IOException("not a path or URL: " + location + " (" + e.getReason() + ")", e);
        }
    }

    private static boolean isFolder(String location) {
        try {
            return Files.isDirectory(Path.of(location));
        } catch (InvalidPathException e) {
            return false; // a provider or the fallback below names it
        }
    }

    /** A store on a local folder (created on the first write). */
    public static Store directory(Path dir) {
        return new FileStore(dir);
    }

    /** A store in memory, for scratch arrays and tests. */
    public static Store memory() {
        return new MemoryStore();
    }
}
