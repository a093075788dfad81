package frontier.array;

import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/** Reduces one block over the chosen axes (keeping them as length 1): the first step of a tree reduction. */
public record PartialReduce(ReduceKind kind, boolean[] reduced) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        return reduce((NdArray) inputs.get(0), kind, reduced);
    }

    /**
     * A sum or mean of everything in a chunk just read: from the chunk's stored bytes when its source
     * can (see {@link ChunkSource#sumChunk}), the same partial as {@link #apply} on the decoded chunk.
     */
    @Override
    public Object applyAfter(Op previous, List<Object> previousInputs) throws Exception {
        if (!(previous instanceof ReadChunk read) || (kind != ReduceKind.SUM && kind != ReduceKind.MEAN)) return null;
        for (boolean r : reduced) if (!r) return null;
        DType t = read.source().open().dtype();
        if (!t.isInteger() || t.itemSize() > 4) return null;
        int[] shape = read.validShape();
        if (shape.length != reduced.length) return null;
        Long sum = read.sum();
        if (sum == null) return null;
        long count = 1;
        for (int s : shape) count *= s;
        int[] oshape = new int[shape.length];
        Arrays.fill(oshape, 1);
        if (kind == ReduceKind.SUM) return new Partial(count, oshape, new long[]{sum}, null, null);
        return new Partial(count, oshape, null, new double[]{sum}, null);
    }

    /**
     * A min or max of a whole chunk of 2-byte integers in which nothing is reduced (a z-slice of a
     * projection), going at once into the fold that merges it: that fold reads the chunk itself,
     * straight into its accumulator ({@link UnreadChunk}), so the chunk is never decoded to an array.
     */
    @Override
    public Object applyAfterTransient(Op previous, List<Object> previousInputs) throws Exception {
        if (!(previous instanceof ReadChunk read) || (kind != ReduceKind.MIN && kind != ReduceKind.MAX)) return applyAfter(previous, previousInputs);
        int[] shape = read.validShape();
        if (shape.length != reduced.length) return null;
        for (int i = 0; i < shape.length; i++) if (reduced[i] && shape[i] != 1) return null;
        DType t = read.source().open().dtype();
        if (t != DType.UINT16 && t != DType.INT16) return null;
        return new UnreadChunk(read, reduced);
    }

    /** Integer min and max may keep the block itself (a block with nothing to reduce); the other partials are new arrays. */
    @Override
    public boolean mayShareInput() {
        return kind == ReduceKind.MIN || kind == ReduceKind.MAX;
    }

    static Partial reduce(NdArray a, ReduceKind kind, boolean[] reduced) {
        int nd = a.ndim();
        int[] shape = a.shape();
        int[] oshape = shape.clone();
        long count = 1;
        for (int i = 0; i < nd; i++) {
            if (reduced[i]) {
                oshape[i] = 1;
                count *= shape[i];
            }
        }
        int on = NdArray.checkedSize(oshape);
        DType t = a.dtype();
        if ((kind == ReduceKind.MIN || kind == ReduceKind.MAX) && !t.isFloat() && !t.isComplex()) {
            // Nothing to reduce within this block (a z-slice of a projection): the block is the partial.
            if (count == 1) return Partial.ofValues(1, a.reshape(oshape));
            Partial wide = reduce(a, kind == ReduceKind.MIN ? ReduceKind.MIN : ReduceKind.MAX, reduced, true);
            NdArray v = NdArray.zeros(t, oshape);
            boolean flip = t == DType.UINT64;
            for (int i = 0; i < on; i++) v.setLong(i, flip ? wide.l()[i] ^ Long.MIN_VALUE : wide.l()[i]);
            return Partial.ofValues(count, v);
        }
        if ((kind == ReduceKind.SUM || kind == ReduceKind.MEAN) && on == 1 && t.isInteger() && t.itemSize() <= 4) {
            // The whole block to one number (a mean over everything): one exact integer loop.
            long sum = sumAll(a);
            if (kind == ReduceKind.SUM) return new Partial(count, oshape, new long[]{sum}, null, null);
            return new Partial(count, oshape, null, new double[]{sum}, null);
        }
        return reduce(a, kind, reduced, false);
    }

    private static long sumAll(NdArray a) {
        long s = 0;
        Object d = a.data();
        boolean u = a.dtype().isUnsigned();
        if (d instanceof short[]) {
            short[] x = (short[]) d;
            if (u) for (short v : x) s += v & 0xffff;
            else for (short v : x) s += v;
        } else if (d instanceof byte[]) {
            byte[] x = (byte[]) d;
            if (u) for (byte v : x) s += v & 0xff;
            else for (byte v : x) s += v;
        } else {
            int[] x = (int[]) d;
            if (u) for (int v : x) s += v & 0xffffffffL;
            else for (int v : x) s += v;
        }
        return s;
    }

    private static Partial reduce(NdArray a, ReduceKind kind, boolean[] reduced, boolean wide) {
        int nd = a.ndim();
        int[] shape = a.shape();
        int[] oshape = shape.clone();
        long count = 1;
        for (int i = 0; i < nd; i++) {
            if (reduced[i]) {
                oshape[i] = 1;
                count *= shape[i];
            }
        }
        int on = NdArray.checkedSize(oshape);
        DType t = a.dtype();
        boolean ints = kind.integerAccumulator(t);
        long[] l = ints ? new long[on] : null;
        double[] d = ints ? null : new double[on];
        double[] m2 = kind == ReduceKind.STD ? new double[on] : null;
        if (kind == ReduceKind.MIN || kind == ReduceKind.MAX) {
            if (ints) Arrays.fill(l, kind == ReduceKind.MIN ? Long.MAX_VALUE : Long.MIN_VALUE);
            else Arrays.fill(d, kind == ReduceKind.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        if (a.size() == 0) return new Partial(count, oshape, l, d, m2);
        int rowLen = nd == 0 ? 1 : shape[nd - 1];
        boolean lastReduced = nd > 0 && reduced[nd - 1];
        int rows = a.size() / rowLen;
        int[] ostr = Blocks.strides(oshape);
        long[] lb = ints ? new long[rowLen] : null;
        double[] db = ints ? null : new double[rowLen];
        int[] pos = new int[Math.max(nd - 1, 0)];
        boolean flip = t == DType.UINT64 && kind != ReduceKind.SUM;
        for (int pass = 0; pass < (kind == ReduceKind.STD ? 2 : 1); pass++) {
            Arrays.fill(pos, 0);
            if (pass == 1) for (int i = 0; i < on; i++) d[i] /= count; // d holds the mean from now on
            for (int r = 0; r < rows; r++) {
                int base = 0;
                for (int i = 0; i < nd - 1; i++) if (!reduced[i]) base += pos[i] * ostr[i];
                int off = r * rowLen;
                if (ints) {
                    Rows.longs(a, off, rowLen, lb, flip);
                    accumulateLongs(kind, lb, rowLen, l, base, lastReduced);
                } else {
                    Rows.doubles(a, off, rowLen, db);
                    if (pass == 0) accumulateDoubles(kind, db, rowLen, d, base, lastReduced);
                    else squaredDeviations(db, rowLen, d, m2, base, lastReduced);
                }
                for (int i = nd - 2; i >= 0; i--) {
                    if (++pos[i] < shape[i]) break;
                    pos[i] = 0;
                }
            }
        }
        return new Partial(count, oshape, l, d, m2);
    }

    private static void accumulateLongs(ReduceKind kind, long[] buf, int n, long[] acc, int base, boolean lastReduced) {
        if (lastReduced) {
            long v = acc[base];
            switch (kind) {
                case SUM: for (int i = 0; i < n; i++) v += buf[i]; break;
                case MIN: for (int i = 0; i < n; i++) v = Math.min(v, buf[i]); break;
                default: for (int i = 0; i < n; i++) v = Math.max(v, buf[i]); break;
            }
            acc[base] = v;
        } else {
            switch (kind) {
                case SUM: for (int i = 0; i < n; i++) acc[base + i] += buf[i]; break;
                case MIN: for (int i = 0; i < n; i++) acc[base + i] = Math.min(acc[base + i], buf[i]); break;
                default: for (int i = 0; i < n; i++) acc[base + i] = Math.max(acc[base + i], buf[i]); break;
            }
        }
    }

    private static void accumulateDoubles(ReduceKind kind, double[] buf, int n, double[] acc, int base, boolean lastReduced) {
        if (lastReduced) {
            double v = acc[base];
            switch (kind) {
                case MIN: for (int i = 0; i < n; i++) v = Math.min(v, buf[i]); break;
                case MAX: for (int i = 0; i < n; i++) v = Math.max(v, buf[i]); break;
                default: for (int i = 0; i < n; i++) v += buf[i]; break;
            }
            acc[base] = v;
        } else {
            switch (kind) {
                case MIN: for (int i = 0; i < n; i++) acc[base + i] = Math.min(acc[base + i], buf[i]); break;
                case MAX: for (int i = 0; i < n; i++) acc[base + i] = Math.max(acc[base + i], buf[i]); break;
                default: for (int i = 0; i < n; i++) acc[base + i] += buf[i]; break;
            }
        }
    }

    private static void squaredDeviations(double[] buf, int n, double[] mean, double[] m2, int base, boolean lastReduced) {
        if (lastReduced) {
            double m = mean[base];
            double s = 0;
            for (int i = 0; i < n; i++) {
                double x = buf[i] - m;
                s += x * x;
            }
            m2[base] += s;
        } else {
            for (int i = 0; i < n; i++) {
                double x = buf[i] - mean[base + i];
                m2[base + i] += x * x;
            }
        }
    }
}
