package frontier.zarr.v3;

import frontier.array.Blocks;
import frontier.zarr.codec.CodecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transpose codec: the stored chunk B is the decoded chunk A with its axes permuted,
 * {@code B_shape[i] = A_shape[order[i]]} and {@code B[B_pos] = A[A_pos]} where {@code B_pos[i] = A_pos[order[i]]}.
 * ({@code order = [n-1, ..., 0]} is Zarr v2's Fortran order.)
 */
public final class TransposeCodec implements ArrayToArrayCodec {
    private final int[] order;
    private final ChunkSpec decoded;
    private final ChunkSpec encoded;

    TransposeCodec(int[] order, ChunkSpec decoded) throws CodecException {
        int n = decoded.ndim();
        boolean[] seen = new boolean[n];
        boolean ok = order.length == n;
        for (int o : order) {
            if (!ok || o < 0 || o >= n || seen[o]) {
                ok = false;
                break;
            }
            seen[o] = true;
        }
        if (!ok) {
            throw new CodecException("codec 'transpose': order " + java.util.Arrays.toString(order)
                    + " is not a permutation of the " + n + " dimensions of " + java.util.Arrays.toString(decoded.shape()));
        }
        this.order = order.clone();
        this.decoded = decoded;
        int[] a = decoded.shape(), b = new int[n];
        for (int i = 0; i < n; i++) b[i] = a[order[i]];
        this.encoded = decoded.withShape(b);
    }

    static TransposeCodec fromConfig(Map<String, Object> config, ChunkSpec decoded) throws CodecException {
        Object o = config.get("order");
        if (!(o instanceof List<?> list)) {
            throw new CodecException("codec 'transpose': 'order' must be a list of dimension indices, got " + o);
        }
        int[] order = new int[list.size()];
        for (int i = 0; i < order.length; i++) {
            if (!(list.get(i) instanceof Integer v)) {
                throw new CodecException("codec 'transpose': 'order' must be a list of dimension indices, got " + o);
            }
            order[i] = v;
        }
        return new TransposeCodec(order, decoded);
    }

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public ChunkSpec encodedSpec() {
        return encoded;
    }

    @Override
    public RawChunk encode(RawChunk a) {
        // B in C order; B's axis i walks A's axis order[i]
        int[] sa = Blocks.strides(decoded.shape());
        int[] walk = new int[order.length];
        for (int i = 0; i < order.length; i++) walk[i] = sa[order[i]];
        return new RawChunk(gather(a.bytes(), walk, encoded.shape(), a.dtype().itemSize()), encoded.shape(), a.dtype(), a.order());
    }

    @Override
    public RawChunk decode(RawChunk b) {
        // A in C order; A's axis order[i] walks B's axis i
        int[] sb = Blocks.strides(encoded.shape());
        int[] walk = new int[order.length];
        for (int i = 0; i < order.length; i++) walk[order[i]] = sb[i];
        return new RawChunk(gather(b.bytes(), walk, decoded.shape(), b.dtype().itemSize()), decoded.shape(), b.dtype(), b.order());
    }

    /** Element strides of a C-order array. */

    /** A C-order array of outShape whose element at position p is src's element at sum(p[i] * srcStride[i]). */
    private static byte[] gather(byte[] src, int[] srcStride, int[] outShape, int item) {
        int n = outShape.length;
        int total = ChunkSpec.elements(outShape);
        byte[] out = new byte[total * item];
        if (total == 0) return out;
        if (n == 0) {
            System.arraycopy(src, 0, out, 0, item);
            return out;
        }
        int[] pos = new int[n];
        int inner = outShape[n - 1], innerStride = srcStride[n - 1] * item;
        int o = 0;
        while (true) {
            int s = 0;
            for (int i = 0; i < n - 1; i++) s += pos[i] * srcStride[i];
            s *= item;
            if (item == 1) {
                for (int k = 0; k < inner; k++, s += innerStride) out[o++] = src[s];
            } else {
                for (int k = 0; k < inner; k++, s += innerStride, o += item) System.arraycopy(src, s, out, o, item);
            }
            int d = n - 2;
            while (d >= 0 && ++pos[d] == outShape[d]) pos[d--] = 0;
            if (d < 0) return out;
        }
    }

    @Override
    public Map<String, Object> toJson() {
        List<Object> o = new ArrayList<>();
        for (int x : order) o.add(x);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("order", o);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "transpose");
        m.put("configuration", c);
        return m;
    }
}
