package frontier.magics;

import frontier.store.StoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --endpoint URL}, for commands that open stores: where s3:// locations are served (a
 * picocli mixin; the default is AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then AWS itself).
 */
public final class StoreOption {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The S3 endpoint for s3:// locations, e.g. https://uk1s3.embassy.ebi.ac.uk "
                    + "(default: $AWS_ENDPOINT_URL_S3, else $AWS_ENDPOINT_URL, else AWS). Reads are anonymous.")
    String endpoint;

    /** The options the flags give, for {@link frontier.store.Stores#open}. */
    public StoreOptions options() {
        return StoreOptions.defaults().withEndpoint(endpoint);
    }
}
