package frontier.array;


/** n-d copies between in-memory blocks (whole rows with System.arraycopy where the step is 1). */
public final class Blocks {
    private Blocks() {
    }

    static int slots(DType t) {
        return t.isComplex() ? 2 : 1;
    }

    /** The C-order strides of a shape, in elements. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /**
     * Copies a strided region of src into dst: along axis i, count[i] elements starting at
     * srcStart[i] with step srcStep[i] (may be negative) go to dstStart[i], dstStart[i]+1, ...
     */
    public static void copy(NdArray src, int[] srcStart, int[] srcStep, NdArray dst, int[] dstStart, int[] count) {
        int nd = count.length;
        for (int c : count) if (c == 0) return;
        int w = slots(src.dtype());
        Object s = src.data();
        Object d = dst.data();
        if (nd == 0) {
            System.arraycopy(s, 0, d, 0, w);
            return;
        }
        int[] sshape = src.shape(), dshape = dst.shape();
        int[] ss = strides(sshape);
        int[] ds = strides(dshape);
        // trailing axes that both sides cover whole, with step 1, merge into one run (a chunk of whole rows is one copy)
        int last = nd - 1;
        int n = count[last];
        while (last > 0 && srcStep[last] == 1 && count[last] == sshape[last] && count[last] == dshape[last] && srcStep[last - 1] == 1) {
            last--;
            n *= count[last];
        }
        int sStepLast = srcStep[last];
        int[] pos = new int[nd];
        while (true) {
            int so = 0;
            int doff = 0;
            for (int i = 0; i < nd; i++) {
                so += (srcStart[i] + pos[i] * srcStep[i]) * ss[i];
                doff += (dstStart[i] + pos[i]) * ds[i];
            }
            if (sStepLast == 1) {
                System.arraycopy(s, so * w, d, doff * w, n * w);
            } else {
                copyStrided(s, so, sStepLast * ss[last], d, doff, n, w);
            }
            int i = last - 1;
            while (i >= 0) {
                if (++pos[i] < count[i]) break;
                pos[i] = 0;
                i--;
            }
            if (i < 0) return;
        }
    }

    private static void copyStrided(Object s, int so, int step, Object d, int doff, int n, int w) {
        if (w == 1) {
            if (s instanceof short[]) {
                short[] a = (short[]) s, b = (short[]) d;
                for (int k = 0; k < n; k++) b[doff + k] = a[so + k * step];
                return;
            }
            if (s instanceof byte[]) {
                byte[] a = (byte[]) s, b = (byte[]) d;
                for (int k = 0; k < n; k++) b[doff + k] = a[so + k * step];
                return;
            }
        }
        for (int k = 0; k < n; k++) System.arraycopy(s, (so + k * step) * w, d, (doff + k) * w, w);
    }

    /** A fresh array holding the strided region of a block (what numpy's basic slicing returns, copied). */
    public static NdArray region(NdArray src, int[] start, int[] step, int[] count) {
        NdArray out = NdArray.zeros(src.dtype(), count);
        copy(src, start, step, out, new int[count.length], count);
        return out;
    }
}
