package frontier.array.graph;

import java.io.Serializable;
import java.util.List;

/**
 * What a task does with the results of its dependencies, in their order. A plain serializable
 * value: it holds parameters (locations, chunk indices, slice bounds), never live objects that
 * must travel (a live object it keeps to save work in this process is a transient field), so
 * that a task can run in another process.
 */
public interface Op extends Serializable {
    Object apply(List<Object> inputs) throws Exception;

    /**
     * As {@link #apply}, but the result may sit in a buffer of the calling thread that the
     * thread reuses in its next task (a decoded chunk in a per-thread scratch array). A scheduler
     * calls this only when the result is consumed at once, in the same thread, by a {@link Fold}
     * that copies what it needs; other schedulers never call it. The default is {@link #apply}.
     */
    default Object applyTransient(List<Object> inputs) throws Exception {
        return apply(inputs);
    }

    /** A short name for error messages and graph listings. */
    default String name() {
        return getClass().getSimpleName();
    }
}
