package frontier.array.ops;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.graph.Op;

import java.util.List;

/** Merges the last partials and turns them into a block of the result dtype, reduced axes dropped. */
public record FinalizeReduce(ReduceKind kind, DType in, int[] outShape) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        Partial p = inputs.size() == 1 ? (Partial) inputs.get(0) : (Partial) new CombineReduce(kind).apply(inputs);
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
