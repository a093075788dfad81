package frontier.array;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulator of a min or max fold of 2-byte integers whose adds run at once in several
 * threads ({@code Fold.Order.CONCURRENT}): each add takes a part no other add is using (a new one
 * when all are busy, so at most one per thread adding at once), merges its input into it without
 * holding a lock, and gives it back; the end merges the parts. Min and max are exact in any order,
 * so the result is the same whatever the threads. An input is a partial ({@link Partial#v}), a chunk
 * not read yet ({@link UnreadChunk}: folded straight from its stored bytes when its source can
 * ({@link ReadChunk#foldExtremes}), else read and merged), or an earlier fold's {@link FoldedExtremes}.
 */
final class ExtremeFold {
    private final ReduceKind kind;
    private final DType in;
    private final ArrayDeque<Part> free = new ArrayDeque<>();
    private final List<Part> parts = new ArrayList<>();

    /** One thread's share: merged partials, and chunks folded in from their stored bytes. */
    private final class Part {
        Partial merged;
        ShortExtremes folded;
        int[] shape;
        long count;

        void add(Object input) throws Exception {
            if (input instanceof UnreadChunk u) {
                ReadChunk read = u.read();
                if (folded == null) folded = new ShortExtremes(kind == ReduceKind.MAX, in, NdArray.checkedSize(read.validShape()));
                if (read.foldExtremes(folded)) {
                    shape = read.validShape();
                    count++;
                } else {
                    mergePartial(PartialReduce.reduce(read.read(true), kind, u.reduced()));
                }
            } else if (input instanceof FoldedExtremes f) {
                if (folded == null || folded.isEmpty()) {
                    folded = f.extremes().copy();
                } else if (folded.sameLayout(f.extremes())) {
                    folded.merge(f.extremes());
                } else {
                    mergePartial(Partial.ofValues(f.count(), f.extremes().values(f.shape())));
                    return;
                }
                shape = f.shape();
                count += f.count();
            } else {
                mergePartial((Partial) input);
            }
        }

        private void mergePartial(Partial p) {
            merged = merged == null ? CombineReduce.copy(p) : CombineReduce.merge(kind, merged, p);
        }
    }

    ExtremeFold(ReduceKind kind, DType in) {
        this.kind = kind;
        this.in = in;
    }

    void add(Object input) throws Exception {
        Part p;
        synchronized (this) {
            p = free.poll();
            if (p == null) parts.add(p = new Part());
        }
        try {
            p.add(input);
        } finally {
            synchronized (this) {
                free.push(p);
            }
        }
    }

    /**
     * The merged inputs: a {@link FoldedExtremes} when every input was folded, else a {@link Partial}
     * (null when nothing was added).
     */
    synchronized Object result() {
        Partial merged = null;
        ShortExtremes folded = null;
        int[] shape = null;
        long count = 0;
        for (Part p : parts) {
            if (p.merged != null) merged = merged == null ? p.merged : CombineReduce.merge(kind, merged, p.merged);
            if (p.folded == null || p.folded.isEmpty()) continue;
            if (folded == null || folded.sameLayout(p.folded)) {
                if (folded == null) folded = p.folded;
                else folded.merge(p.folded);
                shape = p.shape;
                count += p.count;
            } else {
                Partial other = Partial.ofValues(p.count, p.folded.values(p.shape));
                merged = merged == null ? other : CombineReduce.merge(kind, merged, other);
            }
        }
        if (folded == null) return merged;
        if (merged == null) return new FoldedExtremes(count, shape, folded);
        return CombineReduce.merge(kind, Partial.ofValues(count, folded.values(shape)), merged);
    }
}
