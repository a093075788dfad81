package frontier.spark.ipfs;

import java.io.Serializable;

/** What the driver knows of one executor's node, for {@code %spark status}. */
public record NodeReport(String executorId, String host, String kind, String gatewayUrl, String peerId, String store,
                         String daemonApi, NodeCounts counts, boolean lost) implements Serializable {
    NodeReport with(NodeCounts c) {
        return new NodeReport(executorId, host, kind, gatewayUrl, peerId, store, daemonApi, c, lost);
    }

    NodeReport markLost() {
        return new NodeReport(executorId, host, kind, gatewayUrl, peerId, store, daemonApi, counts, true);
    }
}
