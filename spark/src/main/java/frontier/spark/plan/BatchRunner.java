package frontier.spark.plan;

import frontier.array.graph.Task;
import frontier.array.graph.TaskKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one batch where it lands (an executor, or the driver in local mode): its tasks one after
 * the other in the planned order, each result dropped as soon as its last consumer in the batch
 * ran. A hook (the executor's IPFS node) prepares the batch's sources and hears when it is done.
 */
public final class BatchRunner {
    /** What the process running batches adds around them. */
    public interface Hook {
        /** Before the tasks run (e.g. open ipfs:// arrays through this executor's node). */
        void before(Batch batch) throws Exception;

        /** After the tasks ran, successfully or not (e.g. report new blocks to the driver). */
        void after(Batch batch);
    }

    // Set once by the executor's plugin when its JVM starts. Static because Spark gives a task no handle
    // on the plugin that made the node (a task is a function Spark ships and calls), and an executor JVM
    // serves one application; on the driver (local mode) there is no hook.
    private static volatile Hook hook;
    private static volatile String executorName = "driver";

    private BatchRunner() {
    }

    public static void setHook(Hook h) {
        hook = h;
    }

    /** How results name the process that ran them ("executor 1 (127.0.0.1)"). */
    public static void setExecutorName(String name) {
        executorName = name;
    }

    /** The serialized batch in, the serialized {@link BatchResult} out. */
    public static byte[] run(byte[] batchBytes) throws InterruptedException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = BatchRunner.class.getClassLoader();
        Batch batch = (Batch) Serial.fromBytes(batchBytes, loader);
        return Serial.toBytes(run(batch));
    }

    public static BatchResult run(Batch batch) throws InterruptedException {
        Hook h = hook;
        try {
            if (h != null) {
                try {
                    h.before(batch);
                } catch (Exception e) {
                    return BatchResult.failed(batch.index(), executorName, batch.tasks().get(0).key(), "prepare",
                            "cannot prepare the batch's sources: " + message(e));
                }
            }
            return execute(batch);
        } finally {
            if (h != null) h.after(batch);
        }
    }

    private static BatchResult execute(Batch batch) throws InterruptedException {
        Map<TaskKey, Integer> uses = new HashMap<>();
        for (Task t : batch.tasks()) for (TaskKey d : t.deps()) uses.merge(d, 1, Integer::sum);
        Set<TaskKey> wanted = new HashSet<>(batch.outputs());
        Map<TaskKey, Object> values = new HashMap<>(batch.inputs());
        Map<TaskKey, Object> out = new LinkedHashMap<>();
        for (Task t : batch.tasks()) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("batch " + batch.index() + " cancelled");
            List<Object> inputs = new ArrayList<>(t.deps().size());
            for (TaskKey d : t.deps()) {
                if (!values.containsKey(d)) {
                    return BatchResult.failed(batch.index(), executorName, t.key(), t.op().name(), "input " + d + " is missing from its batch");
                }
                inputs.add(values.get(d));
            }
            Object result;
            try {
                result = t.op().apply(inputs);
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("batch " + batch.index() + " cancelled");
                return BatchResult.failed(batch.index(), executorName, t.key(), t.op().name(), message(e));
            }
            inputs = null;
            for (TaskKey d : t.deps()) {
                if (uses.merge(d, -1, Integer::sum) == 0 && !wanted.contains(d)) values.remove(d);
            }
            if (wanted.contains(t.key())) out.put(t.key(), result);
            if (uses.getOrDefault(t.key(), 0) > 0) values.put(t.key(), result);
        }
        return BatchResult.ok(batch.index(), executorName, out);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
