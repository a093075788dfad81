package frontier.array.graph;

import java.util.List;

/**
 * An op that can take its inputs one at a time as they arrive, so that a scheduler combines
 * each input into an accumulator right after it is made (in the thread that made it) instead of
 * holding all of them: assembling blocks into an output array, merging partial reductions.
 * {@link #apply} is the same computation over a list (what a scheduler without incremental
 * combining runs), and gives the same result: bit for bit, whatever {@link #order} allows.
 * <p>
 * {@link #add} reads its input and keeps nothing of it (no reference, no view): the input may
 * be a transient value (see {@link Op#applyTransient}) or shared with other consumers.
 */
public interface Fold extends Op {
    /** In which order inputs may be added. */
    enum Order {
        /** Inputs must be added in their order (a floating-point sum is not associative). */
        IN_ORDER,
        /** Any order gives the same result (copies into disjoint boxes, integer min/max), one add at a time. */
        ANY_ORDER,
        /**
         * Any order, and adds may run at once in several threads: each input goes to its own part of
         * the accumulator, or the accumulator keeps its adds apart itself (a part per thread, merged at the end).
         */
        CONCURRENT
    }

    Order order();

    /** A new accumulator for a task with n inputs (called once, before the first add). */
    Object begin(int n) throws Exception;

    /** Adds input number i (0-based) to the accumulator; returns the accumulator (the same or a new one; CONCURRENT: the same). */
    Object add(Object acc, int i, Object input) throws Exception;

    /**
     * Adds input number i as made by op from opInputs in the calling thread, with op's result
     * consumed at once (see {@link Op#applyTransient}): the default runs op and adds its result. A
     * fold that can do op's work straight into its accumulator overrides it (a chunk read decoded
     * into its place in a region). A scheduler may call this instead of running op and calling
     * {@link #add}, only for a {@link Order#CONCURRENT} fold; it must give the same accumulator.
     */
    default Object addFrom(Object acc, int i, Op op, List<Object> opInputs) throws Exception {
        return add(acc, i, op.applyTransient(opInputs));
    }

    /** The task's result from the accumulator once every input was added. */
    Object end(Object acc) throws Exception;

    @Override
    default Object apply(List<Object> inputs) throws Exception {
        Object acc = begin(inputs.size());
        for (int i = 0; i < inputs.size(); i++) acc = add(acc, i, inputs.get(i));
        return end(acc);
    }
}
