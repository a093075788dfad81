package frontier.array;

import java.io.Serializable;

/**
 * A partial min or max of 2-byte integers in the layout chunks were folded into ({@link ShortExtremes}),
 * passed from one merging fold to the next as it is; the last one ({@link FinalizeReduce}) turns it
 * into values. count and shape as {@link Partial}'s.
 */
record FoldedExtremes(long count, int[] shape, ShortExtremes extremes) implements Serializable {
}
