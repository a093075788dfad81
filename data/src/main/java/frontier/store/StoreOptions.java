package frontier.store;

import frontier.ipfs.resolve.UnixfsReader;

/**
 * How to open a store, beside its location: what the commands' flags say. {@code endpoint} is
 * the S3 endpoint URL for {@code s3://} locations (the {@code --endpoint} flag); null means
 * {@code AWS_ENDPOINT_URL_S3}, then {@code AWS_ENDPOINT_URL}, then AWS itself. {@code ipfs} is
 * the node's reader that {@code ipfs://} locations fetch and verify their blocks through (a
 * worker's or an executor's own node); null means the embedded node. Stores that do not need an
 * option ignore it.
 */
public record StoreOptions(String endpoint, UnixfsReader ipfs) {
    private static final StoreOptions DEFAULTS = new StoreOptions(null, null);

    public static StoreOptions defaults() {
        return DEFAULTS;
    }

    public StoreOptions withEndpoint(String url) {
        return new StoreOptions(url == null || url.isBlank() ? null : url.trim(), ipfs);
    }

    /** ipfs:// locations read through this node's reader ({@code node.reader()}) rather than the embedded node's. */
    public StoreOptions withIpfs(UnixfsReader reader) {
        return new StoreOptions(endpoint, reader);
    }
}
