package frontier.array;

import frontier.array.graph.Fold;

/** Sums its inputs' counts (the last task of a store: how many blocks were written). */
public record Count() implements Fold {
    @Override
    public Order order() {
        return Order.ANY_ORDER;
    }

    @Override
    public Object begin(int n) {
        return 0L;
    }

    @Override
    public Object add(Object acc, int i, Object input) {
        return (Long) acc + (Long) input;
    }

    @Override
    public Object end(Object acc) {
        return acc;
    }
}
