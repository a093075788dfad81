package frontier.array;

import frontier.array.graph.Fold;

/** Merges the last partials (as they arrive, as {@link CombineReduce}) and turns them into a block of the result dtype, reduced axes dropped. */
public record FinalizeReduce(ReduceKind kind, DType in, int[] outShape) implements Fold {
    @Override
    public Order order() {
        return CombineReduce.order(kind, in);
    }

    @Override
    public Object begin(int n) {
        return CombineReduce.beginFold(kind, in);
    }

    @Override
    public Object add(Object acc, int i, Object input) throws Exception {
        return CombineReduce.addTo(kind, acc, input);
    }

    @Override
    public Object end(Object acc) {
        Object merged = CombineReduce.result(acc);
        if (merged instanceof FoldedExtremes f) return f.extremes().values(outShape);
        Partial p = (Partial) merged;
        if (p == null) throw new IllegalStateException("a reduction without inputs");
        DType out = kind.resultType(in);
        if (p.count() == 0 && (kind == ReduceKind.MIN || kind == ReduceKind.MAX)) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.name().toLowerCase() + " which has no identity");
        }
        if (p.v() != null) return p.v().reshape(outShape);
        NdArray r = NdArray.zeros(out, outShape);
        int n = r.size();
        switch (kind) {
            case SUM: case MIN: case MAX:
                if (p.l() != null) {
                    boolean flip = in == DType.UINT64 && kind != ReduceKind.SUM;
                    for (int i = 0; i < n; i++) r.setLong(i, flip ? p.l()[i] ^ Long.MIN_VALUE : p.l()[i]);
                } else {
                    for (int i = 0; i < n; i++) r.setDouble(i, p.d()[i]);
                }
                break;
            case MEAN:
                for (int i = 0; i < n; i++) r.setDouble(i, p.d()[i] / p.count());
                break;
            default:
                for (int i = 0; i < n; i++) r.setDouble(i, Math.sqrt(p.m2()[i] / p.count()));
        }
        return r;
    }
}
