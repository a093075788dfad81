package frontier.array;

import java.util.Arrays;

/**
 * numpy-style printing of in-memory arrays. Placeholder form for now; the Zarr work replaces
 * it with numpy's summarized print (threshold 1000, edgeitems 3, aligned columns).
 */
final class NdArrayFormat {
    private NdArrayFormat() {
    }

    static String repr(NdArray a) {
        return "array(shape=" + Arrays.toString(a.shape()) + ", dtype=" + a.dtype() + ")";
    }
}
