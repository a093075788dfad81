package frontier.spark;

import frontier.progress.Progress;
import frontier.spark.ipfs.DriverNode;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows Spark's task events: each batch that succeeds advances the compute's progress bar by the
 * graph tasks it ran (once, even when Spark reran it after losing an executor), and executors that
 * come and go are remembered for the status.
 */
final class RunListener extends SparkListener {
    /** One running step: its bar and how many graph tasks each partition (batch) counts. */
    static final class Step {
        final Progress progress;
        final int[] counted;
        final BitSet done = new BitSet();

        Step(Progress progress, int[] counted) {
            this.progress = progress;
            this.counted = counted;
        }

        synchronized void finished(int partition) {
            if (partition >= 0 && partition < counted.length && !done.get(partition)) {
                done.set(partition);
                progress.advance(counted[partition]);
            }
        }
    }

    /** An executor Spark told us about: its host, and why it went away (null while it runs). */
    record Seen(String id, String host, long addedAt, String removedReason) {
    }

    private final DriverNode node;
    private final Map<String, Step> byGroup = new ConcurrentHashMap<>();
    private final Map<Integer, Step> byStage = new ConcurrentHashMap<>();
    final Map<String, Seen> executors = new ConcurrentHashMap<>();

    /** @param node the application's driver node, told when an executor goes away (null: no IPFS plugin) */
    RunListener(DriverNode node) {
        this.node = node;
    }

    void track(String group, Step step) {
        byGroup.put(group, step);
    }

    void untrack(String group) {
        Step s = byGroup.remove(group);
        if (s != null) byStage.values().removeIf(v -> v == s);
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        String group = e.properties() == null ? null : e.properties().getProperty("spark.jobGroup.id");
        Step s = group == null ? null : byGroup.get(group);
        if (s == null) return;
        for (Object id : CollectionConverters.asJava(e.stageIds())) byStage.put((Integer) id, s);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        Step s = byStage.get(e.stageId());
        if (s != null && e.taskInfo() != null && e.taskInfo().successful()) s.finished(e.taskInfo().index());
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded e) {
        executors.put(e.executorId(), new Seen(e.executorId(), e.executorInfo().executorHost(), e.time(), null));
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        executors.computeIfPresent(e.executorId(), (k, v) -> new Seen(v.id(), v.host(), v.addedAt(), e.reason()));
        if (node != null) node.index().lost(e.executorId());
    }
}
