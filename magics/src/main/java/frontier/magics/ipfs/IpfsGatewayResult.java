package frontier.magics.ipfs;

import java.nio.file.Path;

/** {@code ipfs gateway}'s answer: the gateway's URL and the block store it serves. */
public record IpfsGatewayResult(String url, Path blockStore) {
    @Override
    public String toString() {
        return url + "\nnode: embedded (block store " + blockStore + ")";
    }
}
