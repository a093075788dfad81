package frontier.store.http;

import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.StoreProvider;

/** Opens {@link HttpStore}s for http:// and https:// locations (registered for ServiceLoader). */
public final class HttpStoreProvider implements StoreProvider {
    @Override
    public boolean accepts(String location) {
        String l = location.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    @Override
    public Store open(String location, StoreOptions options) {
        return new HttpStore(location);
    }
}
