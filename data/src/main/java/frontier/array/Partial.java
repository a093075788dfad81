package frontier.array;


import java.io.Serializable;

/**
 * A partial reduction of some blocks: per output element, an integer or double accumulator
 * (sum, min, max; for mean the sum; for std the mean) and for std the sum of squared
 * deviations m2; count is how many input elements each output element has seen.
 * shape is the keep-dims shape (reduced axes have length 1). Integer min and max keep v, an
 * array of the input dtype, instead.
 */
public record Partial(long count, int[] shape, long[] l, double[] d, double[] m2, NdArray v) implements Serializable {
    public Partial(long count, int[] shape, long[] l, double[] d, double[] m2) {
        this(count, shape, l, d, m2, null);
    }

    /** Integer min/max keep their values in the input dtype (no widening: a chunk's partial is the chunk's size). */
    static Partial ofValues(long count, NdArray v) {
        return new Partial(count, v.shape(), null, null, null, v);
    }
}
