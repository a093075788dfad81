package frontier.viewer;

import java.util.Arrays;
import java.util.List;

/**
 * Which axis of an n-d array is time, channel, z, y and x (-1 when absent). Axes with no role
 * must have size 1 and are read at index 0.
 */
record Layout(int t, int c, int z, int y, int x, int ndim) {

    /** numpy/OME order by rank: (y,x), (z,y,x), (c,z,y,x), (t,c,z,y,x); more axes must be leading 1s. */
    static Layout byRank(long[] shape) {
        int n = shape.length;
        if (n < 2) throw new ViewException("a " + n + "-d array " + Arrays.toString(shape) + " is not an image: view takes 2-d (y, x) to 5-d (t, c, z, y, x) arrays");
        for (int i = 0; i < n - 5; i++) {
            if (shape[i] != 1) throw new ViewException("array of shape " + Arrays.toString(shape) + " has more than 5 dimensions that are not 1: view takes (t, c, z, y, x)");
        }
        int b = n - 1;
        switch (Math.min(n, 5)) {
            case 2: return new Layout(-1, -1, -1, b - 1, b, n);
            case 3: return new Layout(-1, -1, b - 2, b - 1, b, n);
            case 4: return new Layout(-1, b - 3, b - 2, b - 1, b, n);
            default: return new Layout(b - 4, b - 3, b - 2, b - 1, b, n);
        }
    }

    /** From OME-Zarr axis names (0.3: ["t","c","z","y","x"]; 0.4: [{name,type}]) as plain names. */
    static Layout byNames(List<String> names, long[] shape) {
        if (names == null || names.size() != shape.length) return byRank(shape);
        int t = names.indexOf("t"), c = names.indexOf("c"), z = names.indexOf("z"), y = names.indexOf("y"), x = names.indexOf("x");
        if (y < 0 || x < 0) return byRank(shape);
        for (int i = 0; i < shape.length; i++) {
            if (i != t && i != c && i != z && i != y && i != x && shape[i] != 1) {
                throw new ViewException("axis '" + names.get(i) + "' of size " + shape[i] + " is none of t, c, z, y, x: cannot view");
            }
        }
        return new Layout(t, c, z, y, x, shape.length);
    }

    static long size(long[] shape, int axis) {
        return axis < 0 ? 1 : shape[axis];
    }
}
