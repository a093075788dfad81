package frontier.store;

/**
 * How to open a store, beside its location: what the commands' flags say. {@code endpoint} is
 * the S3 endpoint URL for {@code s3://} locations (the {@code --endpoint} flag); null means
 * {@code AWS_ENDPOINT_URL_S3}, then {@code AWS_ENDPOINT_URL}, then AWS itself. Stores that do
 * not need an option ignore it.
 */
public record StoreOptions(String endpoint) {
    private static final StoreOptions DEFAULTS = new StoreOptions(null);

    public static StoreOptions defaults() {
        return DEFAULTS;
    }

    public StoreOptions withEndpoint(String url) {
        return new StoreOptions(url == null || url.isBlank() ? null : url.trim());
    }
}
