package frontier.array;

import java.io.Serializable;

/**
 * The partial min or max of one chunk in which nothing is reduced, not read yet: the fold that
 * takes it reads the chunk straight into its accumulator ({@link ExtremeFold}). Made only when the
 * fold takes it at once, in the same thread (see {@link PartialReduce#applyAfterTransient}).
 */
record UnreadChunk(ReadChunk read, boolean[] reduced) implements Serializable {
}
