package frontier.spark.ipfs;

import java.io.Serializable;
import java.util.Map;

/**
 * An executor's block counts: blocks it holds, blocks its node served to others, blocks it
 * fetched from peers (other executors, the kernel, its daemon's swarm) and from the configured
 * gateways, and blocks it refused because they did not hash to their CID (with the last refusal,
 * naming the peer); then the same by source: who it fetched from, and whose blocks it refused.
 */
public record NodeCounts(long holds, long served, long fromPeers, long fromGateways, long refused, String lastRefusal,
                         long routingFailures, Map<String, Long> fetchedFrom, Map<String, Long> refusedFrom) implements Serializable {
    public static final NodeCounts NONE = new NodeCounts(0, 0, 0, 0, 0, null, 0, Map.of(), Map.of());

    public NodeCounts {
        fetchedFrom = Map.copyOf(fetchedFrom);
        refusedFrom = Map.copyOf(refusedFrom);
    }

    /** Blocks this node fetched over the network (peers and gateways). */
    public long fetched() {
        return fromPeers + fromGateways;
    }
}
