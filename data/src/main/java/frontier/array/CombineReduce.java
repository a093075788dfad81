package frontier.array;

import frontier.array.graph.Fold;

/**
 * Merges partial reductions of neighbouring blocks (one inner node of the reduction tree), as
 * they arrive. Floating-point sums (sum, mean, std) merge in input order, so that every scheduler
 * gives the same bits; min, max and integer sums are exact in any order. in: the reduced array's dtype.
 */
public record CombineReduce(ReduceKind kind, DType in) implements Fold {
    @Override
    public Order order() {
        return order(kind, in);
    }

    static Order order(ReduceKind kind, DType in) {
        if (extremesConcurrently(kind, in)) return Order.CONCURRENT;
        return kind == ReduceKind.MIN || kind == ReduceKind.MAX || kind.integerAccumulator(in) ? Order.ANY_ORDER : Order.IN_ORDER;
    }

    /**
     * Min and max of 2-byte integers merge in several threads at once ({@link ExtremeFold}): their
     * inputs may be chunks that the fold reads and folds in (a projection's z-slices), too slow to hold a lock for.
     */
    static boolean extremesConcurrently(ReduceKind kind, DType in) {
        return (kind == ReduceKind.MIN || kind == ReduceKind.MAX) && (in == DType.UINT16 || in == DType.INT16);
    }

    @Override
    public Object begin(int n) {
        return beginFold(kind, in);
    }

    static Object beginFold(ReduceKind kind, DType in) {
        return extremesConcurrently(kind, in) ? new ExtremeFold(kind, in) : null;
    }

    /** The first input is copied (inputs are never modified: they may be shared, or sit in a thread's buffer), the next merged in. */
    @Override
    public Object add(Object acc, int i, Object input) throws Exception {
        return addTo(kind, acc, input);
    }

    static Object addTo(ReduceKind kind, Object acc, Object input) throws Exception {
        if (acc instanceof ExtremeFold f) {
            f.add(input);
            return f;
        }
        return acc == null ? copy((Partial) input) : merge(kind, (Partial) acc, (Partial) input);
    }

    @Override
    public Object end(Object acc) {
        return result(acc);
    }

    /** The merged partial, or {@link FoldedExtremes} (null when nothing was added). */
    static Object result(Object acc) {
        return acc instanceof ExtremeFold f ? f.result() : acc;
    }

    static Partial copy(Partial p) {
        if (p.v() != null) return Partial.ofValues(p.count(), p.v().copy());
        return new Partial(p.count(), p.shape(), p.l() == null ? null : p.l().clone(),
                p.d() == null ? null : p.d().clone(), p.m2() == null ? null : p.m2().clone());
    }

    /**
     * Min/max of two arrays of one integer dtype, into a. Branch-free loops (Math.max/min, which
     * the JIT vectorizes); unsigned types compare masked values, or with the sign bit flipped.
     */
    static void mergeValues(boolean max, NdArray a, NdArray b) {
        boolean u = a.dtype().isUnsigned();
        Object x = a.data(), y = b.data();
        if (x instanceof short[]) {
            short[] p = (short[]) x, q = (short[]) y;
            if (u && max) for (int i = 0; i < p.length; i++) p[i] = (short) Math.max(p[i] & 0xffff, q[i] & 0xffff);
            else if (u) for (int i = 0; i < p.length; i++) p[i] = (short) Math.min(p[i] & 0xffff, q[i] & 0xffff);
            else if (max) for (int i = 0; i < p.length; i++) p[i] = (short) Math.max(p[i], q[i]);
            else for (int i = 0; i < p.length; i++) p[i] = (short) Math.min(p[i], q[i]);
        } else if (x instanceof byte[]) {
            byte[] p = (byte[]) x, q = (byte[]) y;
            if (u && max) for (int i = 0; i < p.length; i++) p[i] = (byte) Math.max(p[i] & 0xff, q[i] & 0xff);
            else if (u) for (int i = 0; i < p.length; i++) p[i] = (byte) Math.min(p[i] & 0xff, q[i] & 0xff);
            else if (max) for (int i = 0; i < p.length; i++) p[i] = (byte) Math.max(p[i], q[i]);
            else for (int i = 0; i < p.length; i++) p[i] = (byte) Math.min(p[i], q[i]);
        } else if (x instanceof int[]) {
            int[] p = (int[]) x, q = (int[]) y;
            int f = u ? Integer.MIN_VALUE : 0;
            if (max) for (int i = 0; i < p.length; i++) p[i] = Math.max(p[i] ^ f, q[i] ^ f) ^ f;
            else for (int i = 0; i < p.length; i++) p[i] = Math.min(p[i] ^ f, q[i] ^ f) ^ f;
        } else {
            long[] p = (long[]) x, q = (long[]) y;
            long f = u ? Long.MIN_VALUE : 0;
            if (max) for (int i = 0; i < p.length; i++) p[i] = Math.max(p[i] ^ f, q[i] ^ f) ^ f;
            else for (int i = 0; i < p.length; i++) p[i] = Math.min(p[i] ^ f, q[i] ^ f) ^ f;
        }
    }

    /** Merges b into a (a is owned and modified). */
    static Partial merge(ReduceKind kind, Partial a, Partial b) {
        if (a.v() != null) {
            mergeValues(kind == ReduceKind.MAX, a.v(), b.v());
            return Partial.ofValues(a.count() + b.count(), a.v());
        }
        long[] al = a.l(), bl = b.l();
        double[] ad = a.d(), bd = b.d();
        switch (kind) {
            case SUM:
            case MEAN:
                if (al != null) for (int i = 0; i < al.length; i++) al[i] += bl[i];
                else for (int i = 0; i < ad.length; i++) ad[i] += bd[i];
                return new Partial(a.count() + b.count(), a.shape(), al, ad, null);
            case MIN:
                if (al != null) for (int i = 0; i < al.length; i++) al[i] = Math.min(al[i], bl[i]);
                else for (int i = 0; i < ad.length; i++) ad[i] = Math.min(ad[i], bd[i]);
                return new Partial(a.count() + b.count(), a.shape(), al, ad, null);
            case MAX:
                if (al != null) for (int i = 0; i < al.length; i++) al[i] = Math.max(al[i], bl[i]);
                else for (int i = 0; i < ad.length; i++) ad[i] = Math.max(ad[i], bd[i]);
                return new Partial(a.count() + b.count(), a.shape(), al, ad, null);
            default: {
                // Chan et al.: merge (n, mean, M2) pairs.
                double na = a.count(), nb = b.count();
                if (nb == 0) return a;
                if (na == 0) return copy(b);
                double n = na + nb;
                double[] m2a = a.m2(), m2b = b.m2();
                for (int i = 0; i < ad.length; i++) {
                    double delta = bd[i] - ad[i];
                    ad[i] += delta * nb / n;
                    m2a[i] += m2b[i] + delta * delta * na * nb / n;
                }
                return new Partial(a.count() + b.count(), a.shape(), null, ad, m2a);
            }
        }
    }
}
