package frontier.ipfs;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link Ipfs#id}: a daemon's peer ID, agent and addresses; for the embedded node (which has no
 * libp2p identity) its block store and gateway URL (null when not started) instead.
 */
public record NodeInfo(String id, String agentVersion, List<String> addresses, Path blockStore, String gateway) {
    public NodeInfo {
        addresses = List.copyOf(addresses);
    }
}
