package frontier.spark;

import frontier.array.sched.ClusterScheduler;
import frontier.array.sched.SchedulerProvider;

import java.util.Map;

/** Spark as a {@link SchedulerProvider} (META-INF/services), for {@code %spark MASTER}. */
public final class SparkSchedulerProvider implements SchedulerProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterScheduler start(String master, Map<String, String> settings) {
        return SparkScheduler.start(master, settings);
    }
}
