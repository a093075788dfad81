package frontier.array.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of ops run as one task (read -> slice -> partial reduce), so that a chunk is read,
 * used and dropped by one thread without being held as a separate intermediate result.
 * The first op takes the task's inputs; each next op takes the previous result.
 */
public record FusedOp(List<Op> chain) implements Op {
    public FusedOp {
        chain = List.copyOf(chain);
    }

    @Override
    public Object apply(List<Object> inputs) throws Exception {
        return run(inputs, false);
    }

    /** Every op of the chain may leave its result in a thread buffer: each is consumed at once by the next, the last by the fold. */
    @Override
    public Object applyTransient(List<Object> inputs) throws Exception {
        return run(inputs, true);
    }

    /**
     * The ops before the last one that makes new data (its result never shares memory with its
     * input) may leave their results in thread buffers: each is consumed within the chain.
     */
    @Override
    public Object applyUsingScratch(List<Object> inputs) throws Exception {
        int fresh = -1;
        for (int i = chain.size() - 1; i > 0 && fresh < 0; i--) if (!chain.get(i).mayShareInput()) fresh = i;
        return run(inputs, fresh);
    }

    @Override
    public boolean mayShareInput() {
        for (Op op : chain) if (!op.mayShareInput()) return false;
        return true;
    }

    private Object run(List<Object> inputs, boolean transientResults) throws Exception {
        return run(inputs, transientResults ? chain.size() : -1);
    }

    /** Runs the chain, ops before index transientBefore transiently. */
    private Object run(List<Object> inputs, int transientBefore) throws Exception {
        Op first = chain.get(0);
        int next = 1;
        Object v = chain.size() <= 1 ? null
                : chain.size() == 2 && transientBefore >= 2 ? chain.get(1).applyAfterTransient(first, inputs) : chain.get(1).applyAfter(first, inputs);
        if (v != null) next = 2;
        else v = transientBefore > 0 ? first.applyTransient(inputs) : first.apply(inputs);
        for (int i = next; i < chain.size(); i++) {
            List<Object> one = new ArrayList<>(1);
            one.add(v);
            v = null;
            v = i < transientBefore ? chain.get(i).applyTransient(one) : chain.get(i).apply(one);
        }
        return v;
    }

    @Override
    public String name() {
        StringBuilder b = new StringBuilder();
        for (Op op : chain) {
            if (b.length() > 0) b.append('+');
            b.append(op.name());
        }
        return b.toString();
    }
}
