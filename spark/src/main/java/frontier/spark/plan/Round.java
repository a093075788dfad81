package frontier.spark.plan;

import frontier.array.graph.Task;

import java.util.List;

/**
 * What one step of a run does: the batches that run on the cluster now, or (when the tasks left
 * only combine results the driver already holds) a small graph the driver finishes itself.
 *
 * @param batches     cluster partitions (empty when the step is the driver's)
 * @param driverTasks tasks the driver runs (empty when the step is the cluster's), in a topological order
 */
public record Round(List<Batch> batches, List<Task> driverTasks) {
    public boolean onDriver() {
        return batches.isEmpty();
    }
}
