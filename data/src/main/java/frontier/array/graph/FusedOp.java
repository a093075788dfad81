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

    private Object run(List<Object> inputs, boolean transientResults) throws Exception {
        Op first = chain.get(0);
        Object v = transientResults ? first.applyTransient(inputs) : first.apply(inputs);
        for (int i = 1; i < chain.size(); i++) {
            List<Object> one = new ArrayList<>(1);
            one.add(v);
            v = null;
            v = transientResults ? chain.get(i).applyTransient(one) : chain.get(i).apply(one);
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
