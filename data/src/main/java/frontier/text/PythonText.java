package frontier.text;

/** Values as Python prints them, for text that must match NumPy's, Dask's and zarr-python's. */
public final class PythonText {
    private PythonText() {
    }

    /** A tuple: "(1, 2, 3)", "(5,)" for one element, "()" for none. */
    public static String tuple(long... v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(v[i]);
        }
        if (v.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    public static String tuple(int... v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return tuple(l);
    }
}
