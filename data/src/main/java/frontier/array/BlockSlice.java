package frontier.array;

import frontier.array.graph.Op;

import java.util.List;

/**
 * Takes a strided region of its input block (start, step, count per axis), then gives it
 * outShape (dropping the axes indexed by an integer). Also the getter of fromArray blocks.
 */
public record BlockSlice(int[] start, int[] step, int[] count, int[] outShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        NdArray in = (NdArray) inputs.get(0);
        if (java.util.Arrays.equals(count, in.shape()) && allEqual(start, 0) && allEqual(step, 1)) return in.reshape(outShape);
        return Blocks.region(in, start, step, count).reshape(outShape);
    }

    private static boolean allEqual(int[] a, int v) {
        for (int x : a) if (x != v) return false;
        return true;
    }
}
