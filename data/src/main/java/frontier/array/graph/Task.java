package frontier.array.graph;

import java.io.Serializable;
import java.util.List;

/** One node of a task graph: its key, what it does, and the keys whose results it takes as inputs. */
public record Task(TaskKey key, Op op, List<TaskKey> deps) implements Serializable {
    public Task {
        deps = List.copyOf(deps);
    }
}
