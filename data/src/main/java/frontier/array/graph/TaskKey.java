package frontier.array.graph;

import java.io.Serializable;
import java.util.Arrays;

/** The name of one task: its layer's name and the block index in that layer's grid (dask's {@code (name, i, j, ...)}). */
public final class TaskKey implements Serializable, Comparable<TaskKey> {
    private static final long serialVersionUID = 1L;

    private final String layer;
    private final int[] index;

    public TaskKey(String layer, int... index) {
        this.layer = layer;
        this.index = index.clone();
    }

    public String layer() {
        return layer;
    }

    public int[] index() {
        return index.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskKey && ((TaskKey) o).layer.equals(layer) && Arrays.equals(((TaskKey) o).index, index);
    }

    @Override
    public int hashCode() {
        return layer.hashCode() * 31 + Arrays.hashCode(index);
    }

    @Override
    public int compareTo(TaskKey o) {
        int c = layer.compareTo(o.layer);
        return c != 0 ? c : Arrays.compare(index, o.index);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("('").append(layer).append('\'');
        for (int i : index) b.append(", ").append(i);
        return b.append(')').toString();
    }
}
