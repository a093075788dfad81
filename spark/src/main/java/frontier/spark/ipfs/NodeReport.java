package frontier.spark.ipfs;

import java.io.Serializable;

/** What the driver knows of one executor's node (and its process), for {@code %spark status}. */
public record NodeReport(String executorId, String host, long pid, String kind, String gatewayUrl, String peerId, String store,
                         String daemonApi, NodeCounts counts, boolean lost) implements Serializable {
    NodeReport with(NodeCounts c) {
        return new NodeReport(executorId, host, pid, kind, gatewayUrl, peerId, store, daemonApi, c, lost);
    }

    NodeReport markLost() {
        return new NodeReport(executorId, host, pid, kind, gatewayUrl, peerId, store, daemonApi, counts, true);
    }
}
