package frontier.array.ops;

import frontier.array.graph.Op;

import java.util.List;

/** Sums its inputs' counts (the last task of a store: how many chunks were written). */
public record Count() implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        long n = 0;
        for (Object o : inputs) n += (Long) o;
        return n;
    }
}
