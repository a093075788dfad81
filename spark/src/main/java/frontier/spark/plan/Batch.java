package frontier.spark.plan;

import frontier.array.graph.Task;
import frontier.array.graph.TaskKey;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One Spark partition: a batch of tasks (a few neighbouring chunks and what the graph computes
 * from them alone, in an order that frees intermediates early), the results of earlier rounds
 * they take as inputs, and the keys whose results go back to the driver. Plain values: it is
 * serialized by the driver and run by {@link BatchRunner} on an executor.
 *
 * @param tasks   in a topological order (inputs before consumers)
 * @param inputs  results computed before this round that the tasks take
 * @param outputs keys whose results the driver needs
 * @param counted how many of the tasks are the graph's own (not copies of shared start tasks), for progress
 */
public record Batch(int index, List<Task> tasks, Map<TaskKey, Object> inputs, List<TaskKey> outputs, int counted) implements Serializable {
    private static final long serialVersionUID = 1L;
}
