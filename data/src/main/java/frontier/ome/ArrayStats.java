package frontier.ome;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.SourceRef;
import frontier.array.graph.Fold;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ComputeException;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.zarr.ReadRegion;
import frontier.zarr.ZarrArray;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * min, max, sum and the sha256 of an array's values as C-order little-endian bytes: what
 * {@code frontier zarr stat} prints to compare two copies of an array (and numpy computes with
 * {@code a.min(), a.max(), a.sum(), sha256(a.astype(a.dtype.newbyteorder('<')).tobytes())}).
 * The array is read in C-order slabs (so arrays larger than memory work) by task graphs on threads
 * here: each graph reads a few slabs chunk by chunk ({@link ZarrArray#planRead}) and a fold takes
 * the slabs in order (the hash is sequential), so the next slabs are read while one is hashed.
 * The slabs are planned as they are read: the graphs come one after the other, the statistics so
 * far carried from one to the next.
 */
public record ArrayStats(String path, long[] shape, int[] chunks, String dtype, Object min, Object max, Object sum, String sha256) {

    private static final long SLAB_ELEMENTS = 1L << 24;

    /**
     * The JSON writer of the lines: besides what JSON must escape (C0 controls), DEL, C1 controls and
     * the Unicode line separators are written as \\u escapes too, so that a path from the data cannot
     * drive the terminal the line is printed on.
     */
    private static final com.fasterxml.jackson.databind.ObjectWriter LINE = OmeMetadata.JSON.writer()
            .with(new com.fasterxml.jackson.core.io.CharacterEscapes() {
                private final int[] ascii = standardAsciiEscapesForJSON();

                {
                    ascii[0x7F] = ESCAPE_STANDARD;
                }

                @Override
                public int[] getEscapeCodesForAscii() {
                    return ascii;
                }

                @Override
                public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
                    if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || (ch >= 0x202A && ch <= 0x202E)
                            || (ch >= 0x2066 && ch <= 0x2069)) {
                        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
                    }
                    return null;
                }
            });

    /** The JSON line {@code frontier zarr stat} prints (keys in a fixed order). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("shape", shape);
        m.put("dtype", dtype);
        m.put("chunks", chunks);
        m.put("min", min);
        m.put("max", max);
        m.put("sum", sum);
        m.put("sha256", sha256);
        return m;
    }

    public String toJsonLine() {
        try {
            return LINE.writeValueAsString(toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return toJsonLine();
    }

    public static ArrayStats of(ZarrArray a, String path) throws IOException {
        return compute(a, path, true);
    }

    /** min and max only (info --stats). */
    static Number[] minMax(ZarrArray a) throws IOException {
        ArrayStats s = compute(a, "", false);
        return new Number[]{(Number) s.min(), (Number) s.max()};
    }

    /** Slabs per graph (the fold takes them in order; a few are read ahead). */
    private static final int SLABS_PER_GRAPH = 8;

    private static ArrayStats compute(ZarrArray a, String path, boolean hash) throws IOException {
        DType dt = a.dtype();
        Totals totals = new Totals(new Acc(dt), hash ? newDigest() : null);
        Iterator<long[][]> slabs = slabs(a.shape(), a.chunks()).iterator();
        SourceRef ref = new SourceRef(a);
        ThreadPoolScheduler threads = ThreadPoolScheduler.quiet();
        long[][] next = slabs.hasNext() ? slabs.next() : null;
        while (next != null) {
            TaskGraph.Builder g = new TaskGraph.Builder();
            List<TaskKey> parts = new java.util.ArrayList<>();
            long tasks = 0;
            while (next != null && parts.size() < SLABS_PER_GRAPH) {
                int[] shape = new int[next[1].length];
                for (int i = 0; i < shape.length; i++) shape[i] = (int) next[1][i];
                long chunks = a.chunkCount(next[0], shape);
                String prefix = "slab" + parts.size() + "-";
                if (chunks > ZarrArray.MAX_GRAPH_CHUNKS) {
                    if (!parts.isEmpty()) break; // on its own: read as one task, in parts
                    parts.add(g.put(new Task(new TaskKey(prefix + "region"), new ReadRegion(ref, next[0], shape), List.of())));
                } else {
                    if (!parts.isEmpty() && tasks + chunks > ZarrArray.MAX_GRAPH_CHUNKS) break;
                    parts.add(a.planRead(g, prefix, ref, next[0], shape));
                    tasks += chunks;
                }
                next = slabs.hasNext() ? slabs.next() : null;
            }
            TaskKey out = g.put(new Task(new TaskKey("stats"), new AddSlabs(totals), parts));
            try {
                threads.run(g.build(out));
            } catch (ComputeException e) {
                throw unwrap(e, a);
            }
        }
        MessageDigest sha = totals.sha();
        Acc acc = totals.acc();
        String digest = sha == null ? null : java.util.HexFormat.of().formatHex(sha.digest());
        return new ArrayStats(path, a.shape(), a.chunks(), dt.numpyName(), acc.min(), acc.max(), acc.sum(), digest);
    }

    private static IOException unwrap(ComputeException e, ZarrArray a) {
        if (Thread.currentThread().isInterrupted()) return new java.io.InterruptedIOException("interrupted reading " + a.location());
        Throwable c = e.getCause();
        // the graph's wrappers go; a file system error stays inside the message that gives its reason
        while (c instanceof IOException io && io.getClass() == IOException.class && io.getCause() instanceof IOException inner
                && !(inner instanceof java.io.FileNotFoundException || inner instanceof java.nio.file.FileSystemException)) {
            c = inner;
        }
        if (c instanceof IOException io) return io;
        if (c instanceof RuntimeException re) throw re;
        return new IOException(e.getMessage(), e);
    }

    /** The running statistics: values seen so far and the hash of their bytes. Live in this process (a JDK digest does not travel). */
    private record Totals(Acc acc, MessageDigest sha) {
    }

    /** Takes slabs in C order into the running statistics (a fold: each slab as soon as it and those before it are read). */
    private static final class AddSlabs implements Fold {
        private static final long serialVersionUID = 1L;
        private final transient Totals totals;

        AddSlabs(Totals totals) {
            this.totals = totals;
        }

        @Override
        public Order order() {
            return Order.IN_ORDER;
        }

        @Override
        public Object begin(int n) {
            if (totals == null) throw new IllegalStateException("the running statistics are in the process that started them");
            return totals;
        }

        @Override
        public Object add(Object acc, int i, Object input) {
            NdArray slab = (NdArray) input;
            totals.acc().add(slab);
            if (totals.sha() != null) totals.sha().update(slab.toBytes(ByteOrder.LITTLE_ENDIAN));
            return acc;
        }

        @Override
        public Object end(Object acc) {
            return acc;
        }
    }

    /**
     * C-order slabs {offset, shape}: leading axes one index at a time, one axis cut in steps
     * (a multiple of its chunk size when it fits), the trailing axes whole. Generated one at a time as
     * they are read: an array of shape [2^62] has 2^38 of them.
     */
    static Iterable<long[][]> slabs(long[] shape, int[] chunks) {
        int n = shape.length;
        for (long s : shape) if (s == 0) return List.of();
        if (n == 0) return List.<long[][]>of(new long[][]{new long[0], new long[0]});
        // The first axis j whose trailing block (axes after j) fits.
        int j = 0;
        long trailing = 1;
        for (int i = n - 1; i >= 0; i--) {
            if (trailing * shape[i] > SLAB_ELEMENTS) {
                j = i;
                break;
            }
            trailing *= shape[i];
            j = i;
        }
        if (j == 0 && trailing * shape[0] <= SLAB_ELEMENTS) return List.<long[][]>of(new long[][]{new long[n], shape.clone()});
        long inner = 1;
        for (int i = j + 1; i < n; i++) inner *= shape[i];
        long step0 = Math.max(1, SLAB_ELEMENTS / inner);
        if (step0 >= chunks[j]) step0 -= step0 % chunks[j];
        long step = Math.min(step0, shape[j]);
        int cut = j;
        return () -> new Iterator<>() {
            final long[] idx = new long[cut]; // position along the leading axes
            long start = 0;                   // position along the cut axis
            boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public long[][] next() {
                if (done) throw new NoSuchElementException();
                long[] off = new long[n];
                long[] sh = shape.clone();
                for (int i = 0; i < cut; i++) {
                    off[i] = idx[i];
                    sh[i] = 1;
                }
                off[cut] = start;
                sh[cut] = Math.min(step, shape[cut] - start);
                if (step < shape[cut] - start) {
                    start += step;
                } else {
                    start = 0;
                    int d = cut - 1;
                    while (d >= 0) {
                        if (++idx[d] < shape[d]) break;
                        idx[d] = 0;
                        d--;
                    }
                    done = d < 0;
                }
                return new long[][]{off, sh};
            }
        };
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Running min/max/sum with numpy's semantics: integer sums wrap at 64 bits, NaN propagates. */
    private static final class Acc {
        final DType dt;
        boolean any;
        long lmin, lmax, lsum;
        double dmin, dmax, dsum, isum;
        boolean bmin = true, bmax = false;

        Acc(DType dt) {
            this.dt = dt;
        }

        void add(NdArray a) {
            int n = a.size();
            if (n == 0) return;
            if (dt == DType.BOOL) {
                for (int i = 0; i < n; i++) {
                    boolean v = a.getLong(i) != 0;
                    bmin &= v;
                    bmax |= v;
                    if (v) lsum++;
                }
                any = true;
            } else if (dt.isInteger()) {
                boolean unsigned64 = dt == DType.UINT64;
                if (!any) {
                    lmin = lmax = a.getLong(0);
                    any = true;
                }
                for (int i = 0; i < n; i++) {
                    long v = a.getLong(i);
                    if (unsigned64) {
                        if (Long.compareUnsigned(v, lmin) < 0) lmin = v;
                        if (Long.compareUnsigned(v, lmax) > 0) lmax = v;
                    } else {
                        if (v < lmin) lmin = v;
                        if (v > lmax) lmax = v;
                    }
                    lsum += v;
                }
            } else if (dt.isComplex()) {
                Object d = a.data();
                for (int i = 0; i < n; i++) {
                    double re = d instanceof float[] f ? f[2 * i] : ((double[]) d)[2 * i];
                    double im = d instanceof float[] f ? f[2 * i + 1] : ((double[]) d)[2 * i + 1];
                    dsum += re;
                    isum += im;
                }
                any = true;
            } else {
                if (!any) {
                    dmin = dmax = a.getDouble(0);
                    any = true;
                }
                for (int i = 0; i < n; i++) {
                    double v = a.getDouble(i);
                    if (Double.isNaN(v) || Double.isNaN(dmin)) {
                        dmin = dmax = Double.NaN;
                    } else {
                        if (v < dmin) dmin = v;
                        if (v > dmax) dmax = v;
                    }
                    dsum += v;
                }
            }
        }

        Object min() {
            if (!any) return null;
            if (dt == DType.BOOL) return bmin;
            if (dt.isComplex()) return null;
            if (dt.isInteger()) return integer(lmin);
            return real(dmin);
        }

        Object max() {
            if (!any) return null;
            if (dt == DType.BOOL) return bmax;
            if (dt.isComplex()) return null;
            if (dt.isInteger()) return integer(lmax);
            return real(dmax);
        }

        Object sum() {
            if (dt == DType.BOOL) return lsum;
            if (dt.isComplex()) return List.of(real(dsum), real(isum));
            if (dt.isInteger()) {
                // numpy sums signed ints as int64 and unsigned as uint64 (both wrap).
                return dt.isUnsigned() ? unsigned(lsum) : (Object) lsum;
            }
            return real(dsum);
        }

        private Number integer(long v) {
            return dt == DType.UINT64 ? unsigned(v) : (Number) v;
        }

        private static Number unsigned(long v) {
            return v >= 0 ? (Number) v : new BigInteger(Long.toUnsignedString(v));
        }

        private static Object real(double v) {
            if (Double.isNaN(v)) return "nan";
            if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
            return v;
        }
    }
}
