package frontier.spark.plan;

import frontier.array.graph.TaskKey;

import java.io.Serializable;
import java.util.Map;

/**
 * What a batch sends back: the results the driver needs, or the task that failed and why. A
 * failing op (a missing chunk, a block that does not verify) is a result, not an exception, so
 * Spark does not retry what would fail again; only a lost executor makes Spark rerun a batch.
 */
public record BatchResult(int batch, String executor, Map<TaskKey, Object> results,
                          TaskKey failedTask, String failedOp, String failure) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static BatchResult ok(int batch, String executor, Map<TaskKey, Object> results) {
        return new BatchResult(batch, executor, results, null, null, null);
    }

    public static BatchResult failed(int batch, String executor, TaskKey task, String op, String failure) {
        return new BatchResult(batch, executor, Map.of(), task, op, failure);
    }

    public boolean failed() {
        return failedTask != null;
    }
}
