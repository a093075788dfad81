package frontier.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens a store from a path or URL: registered providers first, a local directory otherwise. */
public final class Stores {
    private Stores() {
    }

    public static Store open(String location) throws IOException {
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            if (p.accepts(location)) return p.open(location);
        }
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !location.startsWith("file://")) {
            throw new IOException("no store for " + location + " (unknown scheme)");
        }
        String path = location.startsWith("file://") ? location.substring("file://".length()) : location;
        return new FileStore(Path.of(path));
    }
}
