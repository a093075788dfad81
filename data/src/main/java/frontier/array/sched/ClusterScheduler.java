package frontier.array.sched;

import frontier.display.Displayable;

/** A {@link Scheduler} backed by a running cluster: it reports its executors and is stopped when done. */
public interface ClusterScheduler extends Scheduler, AutoCloseable {
    /** The master it runs on, as given (local[2], local-cluster[2,1,1024], spark://host:port). */
    String master();

    /** The cluster now: one text line per executor, and an HTML form with links to the engine's UI. */
    Displayable status();

    /** Stops the cluster's application (its executors end); later runs fail. */
    @Override
    void close();
}
