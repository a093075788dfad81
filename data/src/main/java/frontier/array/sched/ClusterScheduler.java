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

    /** Stops the cluster's application (its executors end); later runs fail. */
    @Override
    void close();
}
