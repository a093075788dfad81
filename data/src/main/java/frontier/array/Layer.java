package frontier.array;

import frontier.array.graph.Task;
import frontier.array.graph.TaskKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of a lazy array's recipe (dask's graph layer): its output's dtype, shape and chunk
 * grid, and how to make the task for one output block. Tasks are only made when a graph is
 * built, and only for the blocks asked for (so a slice's graph reads only the chunks it touches).
 */
abstract class Layer {
    private static final AtomicLong COUNTER = new AtomicLong();

    final String name;
    final DType dtype;
    final int[] shape;
    final int[][] chunks;

    Layer(String prefix, DType dtype, int[] shape, int[][] chunks) {
        this.name = prefix + "-" + COUNTER.incrementAndGet();
        this.dtype = dtype;
        this.shape = shape.clone();
        this.chunks = chunks;
    }

    /** Adds the task for one output block (and what it needs) to the builder; returns its key. */
    abstract TaskKey build(int[] block, Builder g);

    /** The tasks this layer adds for its whole output (dask's count). */
    abstract long ownTasks();

    abstract List<Layer> parents();

    /** Dask graph layers this layer stands for (a stored array's is two: the opened array and its chunks). */
    int graphLayers() {
        return 1;
    }

    /** Tasks of the whole, uncull graph: every layer once. */
    final long taskCount() {
        Set<Layer> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Layer> stack = new ArrayList<>(List.of(this));
        long n = 0;
        while (!stack.isEmpty()) {
            Layer l = stack.remove(stack.size() - 1);
            if (!seen.add(l)) continue;
            n += l.ownTasks();
            stack.addAll(l.parents());
        }
        return n;
    }

    final int[] numBlocks() {
        int[] nb = new int[chunks.length];
        for (int i = 0; i < nb.length; i++) nb[i] = chunks[i].length;
        return nb;
    }

    final long blockCount() {
        long n = 1;
        for (int[] c : chunks) n *= c.length;
        return n;
    }

    final int[] blockShape(int[] block) {
        int[] s = new int[block.length];
        for (int i = 0; i < s.length; i++) s[i] = chunks[i][block[i]];
        return s;
    }

    final int[] blockOffset(int[] block) {
        int[] o = new int[block.length];
        for (int i = 0; i < o.length; i++) for (int j = 0; j < block[i]; j++) o[i] += chunks[i][j];
        return o;
    }

    /** Every block index of a grid, in C order. */
    static List<int[]> allBlocks(int[] numBlocks) {
        List<int[]> out = new ArrayList<>();
        for (int n : numBlocks) if (n == 0) return out;
        int[] pos = new int[numBlocks.length];
        while (true) {
            out.add(pos.clone());
            int i = pos.length - 1;
            while (i >= 0) {
                if (++pos[i] < numBlocks[i]) break;
                pos[i] = 0;
                i--;
            }
            if (i < 0) return out;
        }
    }

    /** Regular chunks of size c along an axis of length n (the last one shorter); one empty chunk when n == 0. */
    static int[] regular(int n, int c) {
        if (n == 0) return new int[]{0};
        if (c <= 0) throw new IllegalArgumentException("chunk size must be positive, got " + c);
        int k = (n + c - 1) / c;
        int[] out = new int[k];
        Arrays.fill(out, c);
        out[k - 1] = n - (k - 1) * c;
        return out;
    }

    /** Accumulates tasks while a graph is built (each key once). */
    static final class Builder {
        final frontier.array.graph.TaskGraph.Builder tasks = new frontier.array.graph.TaskGraph.Builder();

        boolean has(TaskKey k) {
            return tasks.has(k);
        }

        TaskKey add(Task t) {
            return tasks.put(t);
        }

        frontier.array.graph.TaskGraph build(TaskKey output) {
            return tasks.build(output);
        }
    }
}
