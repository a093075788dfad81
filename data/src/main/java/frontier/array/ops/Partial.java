package frontier.array.ops;

import java.io.Serializable;

/**
 * A partial reduction of some blocks: per output element, an integer or double accumulator
 * (sum, min, max; for mean the sum; for std the mean) and for std the sum of squared
 * deviations m2; count is how many input elements each output element has seen.
 * shape is the keep-dims shape (reduced axes have length 1).
 */
public record Partial(long count, int[] shape, long[] l, double[] d, double[] m2) implements Serializable {
}
