package frontier.array.graph;

import java.io.Serializable;
import java.util.List;

/**
 * What a task does with the results of its dependencies, in their order. A plain serializable
 * value: it holds parameters (locations, chunk indices, slice bounds), never live objects that
 * must travel (a live object it keeps to save work in this process is a transient field), so
 * that a task can run in another process.
 */
public interface Op extends Serializable {
    Object apply(List<Object> inputs) throws Exception;

    /**
     * As {@link #apply}, but the result may sit in a buffer of the calling thread that the
     * thread reuses in its next task (a decoded chunk in a per-thread scratch array). A scheduler
     * calls this only when the result is consumed at once, in the same thread, by a {@link Fold}
     * that copies what it needs; other schedulers never call it. The default is {@link #apply}.
     */
    default Object applyTransient(List<Object> inputs) throws Exception {
        return apply(inputs);
    }

    /**
     * As {@link #apply}, but the op may use buffers of the calling thread for what it only needs
     * during the call (its result never refers to them): a chain that reads a chunk and reduces it
     * reads the chunk into a reused buffer. A scheduler calls this when nothing of this thread's
     * buffers is in use by the task's inputs. The default is {@link #apply}.
     */
    default Object applyUsingScratch(List<Object> inputs) throws Exception {
        return apply(inputs);
    }

    /**
     * Whether the result may share memory with an input (be the input, a view of it, or wrap it);
     * false for ops whose result is always new data, which lets a chain before them use thread buffers.
     */
    default boolean mayShareInput() {
        return true;
    }

    /**
     * In a chain ({@link FusedOp}), this op's result computed from the op before it and that op's
     * inputs, without running it; null (the default) when this op needs the previous result. A
     * reduction of a chunk read may take the chunk's sum from its stored bytes this way, never
     * decoding the chunk. The result is new data (it shares nothing with the inputs).
     */
    default Object applyAfter(Op previous, List<Object> previousInputs) throws Exception {
        return null;
    }

    /**
     * As {@link #applyAfter}, when the chain's result goes at once into a {@link Fold} in the
     * calling thread (the chain runs transiently, see {@link #applyTransient}): the result may then
     * be a description of work that the fold does as it adds it (a min or max of a chunk that the
     * fold reads straight into its accumulator). The default is {@link #applyAfter}.
     */
    default Object applyAfterTransient(Op previous, List<Object> previousInputs) throws Exception {
        return applyAfter(previous, previousInputs);
    }

    /** A short name for error messages and graph listings. */
    default String name() {
        return getClass().getSimpleName();
    }
}
