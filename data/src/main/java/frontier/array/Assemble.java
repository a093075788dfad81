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

    @Override
    public Object end(Object acc) {
        return acc;
    }
}
