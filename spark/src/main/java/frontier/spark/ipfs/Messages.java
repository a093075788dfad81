package frontier.spark.ipfs;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What executors' plugins tell the driver's plugin (sent as serialized bytes, see FrontierPlugin). */
final class Messages {
    private Messages() {
    }

    /**
     * An executor's node is up: its process, which kind (embedded or daemon), where it serves (its provider
     * record), its block store, and for a daemon its RPC API and swarm addresses.
     */
    record Hello(String executorId, String host, long pid, String kind, Provider provider, String store, String daemonApi,
                 List<String> swarm) implements Serializable {
    }

    /** The driver's answer: the swarm addresses of the other daemons to connect to, and a daemon RPC API to use if asked. */
    record Welcome(List<String> connectTo) implements Serializable {
    }

    /** A daemon from the configured list that this executor may use alone (null: none left). */
    record ClaimDaemon(String executorId, List<String> candidates) implements Serializable {
    }

    record Claimed(String api) implements Serializable {
    }

    /**
     * After a batch: the executor's counts, the blocks it stored since its last report, and for
     * chunks it read from IPFS the CID of each chunk's file ("location|key" to CID).
     */
    record Report(String executorId, NodeCounts counts, List<String> newBlocks, Map<String, String> chunkRoots) implements Serializable {
    }

    record Ack() implements Serializable {
    }
}
