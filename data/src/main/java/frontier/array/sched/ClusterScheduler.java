package frontier.array.sched;

/** A {@link Scheduler} backed by a running cluster: it reports its executors and is stopped when done. */
public interface ClusterScheduler extends Scheduler, AutoCloseable {
    /** The master it runs on, as given (local[2], local-cluster[2,1,1024], spark://host:port). */
    String master();

    /**
     * The cluster now, as a value to show: its text is one line per executor; a notebook shows its
     * rich form (links to the engine's UI) through the kernel's renderers.
     */
    Object status();

    /**
     * Adds a node outside the cluster that workers ask for blocks (a trustless gateway at
     * gatewayUrl, known as name); they check what it gives against each block's CID, as they do
     * for every source.
     */
    default void addPeer(String name, String gatewayUrl) {
        throw new UnsupportedOperationException(master() + " has no IPFS nodes to give peers to");
    }

    /** Removes a peer added by {@link #addPeer}; false when none has that name. */
    default boolean removePeer(String name) {
        return false;
    }

    /** Stops the cluster's application (its executors end); later runs fail. */
    @Override
    void close();
}
