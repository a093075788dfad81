package frontier.array.sched;

import java.util.Map;

/**
 * A cluster engine that runs task graphs (Spark), found with {@link java.util.ServiceLoader} on a
 * class path that the host extends at run time ({@code %spark} adds the engine's jars only when
 * the user asks for it, so it never weighs on start-up). Register in
 * {@code META-INF/services/frontier.array.sched.SchedulerProvider}.
 */
public interface SchedulerProvider {
    /** The engine's name, as the user calls it ("spark"). */
    String name();

    /**
     * Starts (or connects to) a cluster and returns a scheduler that runs graphs on it. A malformed
     * master is an {@link IllegalArgumentException}; a cluster that cannot be reached fails within
     * seconds with a message naming it. Settings are engine options by name (e.g. "bind").
     */
    ClusterScheduler start(String master, Map<String, String> settings) throws Exception;
}
