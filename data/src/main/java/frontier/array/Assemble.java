package frontier.array;

import frontier.array.graph.Fold;

import java.util.Arrays;
import java.util.List;

/**
 * Builds one block from boxes of its inputs: input i's box of count[i] at srcStart[i] goes to
 * dstStart[i] (rechunk, the final concatenation of compute(), a region read from its chunks). A
 * fold whose inputs go to disjoint boxes, so they are copied in as they arrive, from any thread.
 */
public record Assemble(DType dtype, int[] shape, int[][] srcStart, int[][] dstStart, int[][] count) implements Fold {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        if (inputs.size() == 1 && srcStart[0].length == shape.length) {
            NdArray only = (NdArray) inputs.get(0);
            if (Arrays.equals(only.shape(), shape) && Arrays.equals(count[0], shape)) return only;
        }
        return Fold.super.apply(inputs);
    }

    @Override
    public Order order() {
        return Order.CONCURRENT;
    }

    @Override
    public Object begin(int n) {
        return NdArray.zeros(dtype, shape);
    }

    @Override
    public Object add(Object acc, int i, Object input) {
        int[] ones = new int[shape.length];
        Arrays.fill(ones, 1);
        Blocks.copy((NdArray) input, srcStart[i], ones, (NdArray) acc, dstStart[i], count[i]);
        return acc;
    }

    /**
     * A whole chunk read whose box is one run of the output (the box spans the output's trailing
     * dimensions, as the chunks of an image's planes do) is decoded straight into that run: no
     * decoded chunk to copy.
     */
    @Override
    public Object addFrom(Object acc, int i, frontier.array.graph.Op op, List<Object> opInputs) throws Exception {
        if (op instanceof ReadChunk r) {
            int run = runStart(i);
            if (run >= 0 && r.readInto(((NdArray) acc).data(), run, count[i])) return acc;
        }
        return add(acc, i, op.applyTransient(opInputs));
    }

    /** Where input i's box starts in the output when it is one run of it (and all of the input); -1 otherwise. */
    private int runStart(int i) {
        int[] c = count[i], src = srcStart[i], dst = dstStart[i];
        if (c.length != shape.length) return -1;
        int k = 0; // dimensions before k have a count of 1; from k + 1 on the box must span the output
        while (k < c.length - 1 && c[k] == 1) k++;
        for (int d = 0; d < c.length; d++) {
            if (src[d] != 0 || d > k && c[d] != shape[d]) return -1;
        }
        long start = 0;
        for (int d = 0; d < c.length; d++) start = start * shape[d] + dst[d];
        return start <= Integer.MAX_VALUE ? (int) start : -1;
    }

    @Override
    public Object end(Object acc) {
        return acc;
    }
}
