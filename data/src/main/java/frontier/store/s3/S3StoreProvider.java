package frontier.store.s3;

import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.StoreProvider;

import java.io.IOException;

/** Opens {@link S3Store}s for s3:// locations (registered for ServiceLoader). */
public final class S3StoreProvider implements StoreProvider {
    @Override
    public boolean accepts(String location) {
        return location.regionMatches(true, 0, "s3://", 0, 5);
    }

    @Override
    public Store open(String location, StoreOptions options) throws IOException {
        try {
            return S3Store.open(location, options);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
