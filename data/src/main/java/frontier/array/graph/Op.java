package frontier.array.graph;

import java.io.Serializable;
import java.util.List;

/**
 * What a task does with the results of its dependencies, in their order. A plain serializable
 * value: it holds parameters (locations, chunk indices, slice bounds), never live objects, so
 * that a task can run in another process.
 */
public interface Op extends Serializable {
    Object apply(List<Object> inputs) throws Exception;

    /** A short name for error messages and graph listings. */
    default String name() {
        return getClass().getSimpleName();
    }
}
