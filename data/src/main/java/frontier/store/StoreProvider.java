package frontier.store;

import java.io.IOException;

/**
 * Opens stores for a URI scheme; found with {@link java.util.ServiceLoader} so that a new scheme
 * (ipfs://, http://, s3://) plugs in without the Zarr code changing. Register in
 * META-INF/services/frontier.store.StoreProvider.
 */
public interface StoreProvider {
    /** True when this provider opens the given location (e.g. it starts with "ipfs://"). */
    boolean accepts(String location);

    /** Opens the location; options it does not need are ignored. */
    Store open(String location, StoreOptions options) throws IOException;
}
