package frontier.array.ops;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.graph.Op;

import java.util.List;

/** Builds one block from parts of its inputs (rechunk, and the final concatenation of compute()). */
public record Assemble(DType dtype, int[] shape, int[][] srcStart, int[][] dstStart, int[][] count) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        if (inputs.size() == 1 && srcStart[0].length == shape.length) {
            NdArray only = (NdArray) inputs.get(0);
            if (java.util.Arrays.equals(only.shape(), shape) && java.util.Arrays.equals(count[0], shape)) return only;
        }
        NdArray out = NdArray.zeros(dtype, shape);
        int[] ones = new int[shape.length];
        java.util.Arrays.fill(ones, 1);
        for (int i = 0; i < inputs.size(); i++) {
            Blocks.copy((NdArray) inputs.get(i), srcStart[i], ones, out, dstStart[i], count[i]);
        }
        return out;
    }
}
