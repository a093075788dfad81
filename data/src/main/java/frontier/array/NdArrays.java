package frontier.array;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conversions between in-memory n-d arrays and nested Java arrays
 * ({@code short[][][]}, {@code double[][]}, ...), copying the values.
 * Java has no unsigned types: a uint16 array converts to and from {@code short[]...} holding
 * the same bits; name the dtype with {@link #fromJava(Object, DType)}.
 */
public final class NdArrays {
    private NdArrays() {
    }

    /** The dtype a leaf type maps to by default. */
    static DType defaultType(Class<?> leaf) {
        if (leaf == byte.class) return DType.INT8;
        if (leaf == short.class) return DType.INT16;
        if (leaf == int.class) return DType.INT32;
        if (leaf == long.class) return DType.INT64;
        if (leaf == float.class) return DType.FLOAT32;
        if (leaf == double.class) return DType.FLOAT64;
        if (leaf == boolean.class) return DType.BOOL;
        throw new IllegalArgumentException("not an array of a primitive number type: " + leaf.getName());
    }

    /** A copy of a nested primitive Java array: byte→int8, short→int16, int→int32, long→int64, float, double, boolean→bool. */
    public static NdArray fromJava(Object javaArray) {
        return fromJava(javaArray, defaultType(leafType(javaArray)));
    }

    /**
     * A copy of a nested primitive Java array as the given dtype, whose storage class must be
     * the leaf type (e.g. {@code short[][]} as UINT16 or FLOAT16 bits, {@code byte[]} as UINT8).
     */
    public static NdArray fromJava(Object javaArray, DType dtype) {
        Class<?> leaf = leafType(javaArray);
        Class<?> storage = storageType(dtype);
        if (!(leaf == storage || (leaf == boolean.class && dtype == DType.BOOL))) {
            throw new IllegalArgumentException(dtype + " is stored as " + storage.getName() + "[], not as " + leaf.getName() + "[]");
        }
        List<Integer> dims = new ArrayList<>();
        Object o = javaArray;
        while (o != null && o.getClass().isArray()) {
            int n = Array.getLength(o);
            dims.add(n);
            if (!o.getClass().getComponentType().isArray() || n == 0) break;
            o = Array.get(o, 0);
        }
        int depth = depthOf(javaArray.getClass());
        while (dims.size() < depth) dims.add(0);
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        NdArray out = NdArray.zeros(dtype, shape);
        int[] at = {0};
        copyIn(javaArray, 0, shape, out.data(), at, new int[shape.length]);
        return out;
    }

    private static void copyIn(Object src, int axis, int[] shape, Object dst, int[] at, int[] pos) {
        if (src == null) throw new IllegalArgumentException("null sub-array at " + Arrays.toString(Arrays.copyOf(pos, axis)));
        int n = Array.getLength(src);
        if (n != shape[axis]) {
            throw new IllegalArgumentException("ragged array: the sub-array at " + Arrays.toString(Arrays.copyOf(pos, axis))
                    + " has length " + n + ", expected " + shape[axis]);
        }
        if (axis == shape.length - 1) {
            if (src instanceof boolean[]) {
                boolean[] b = (boolean[]) src;
                byte[] d = (byte[]) dst;
                for (int i = 0; i < n; i++) d[at[0] + i] = (byte) (b[i] ? 1 : 0);
            } else {
                System.arraycopy(src, 0, dst, at[0], n);
            }
            at[0] += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            pos[axis] = i;
            copyIn(Array.get(src, i), axis + 1, shape, dst, at, pos);
        }
    }

    /** A nested Java array of the storage type ({@code short[][][]} for a 3-d uint16 or int16 array, boolean for bool). */
    public static Object toJava(NdArray a) {
        if (a.dtype().isComplex()) throw new UnsupportedOperationException("complex arrays have no Java array form");
        int[] shape = a.shape();
        if (shape.length == 0) {
            return a.dtype().isFloat() ? (Object) a.getDouble(0) : (Object) a.getLong(0);
        }
        Class<?> leaf = a.dtype() == DType.BOOL ? boolean.class : storageType(a.dtype());
        Object out = Array.newInstance(leaf, shape);
        int[] at = {0};
        copyOut(a.data(), out, 0, shape, at);
        return out;
    }

    /** toJava with a checked type, e.g. {@code NdArrays.toJava(a, short[][][].class)}. */
    public static <T> T toJava(NdArray a, Class<T> type) {
        Object o = toJava(a);
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException(a.dtype() + Arrays.toString(a.shape()) + " converts to " + o.getClass().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return type.cast(o);
    }

    private static void copyOut(Object src, Object dst, int axis, int[] shape, int[] at) {
        int n = shape[axis];
        if (axis == shape.length - 1) {
            if (dst instanceof boolean[]) {
                boolean[] b = (boolean[]) dst;
                byte[] s = (byte[]) src;
                for (int i = 0; i < n; i++) b[i] = s[at[0] + i] != 0;
            } else {
                System.arraycopy(src, at[0], dst, 0, n);
            }
            at[0] += n;
            return;
        }
        for (int i = 0; i < n; i++) copyOut(src, Array.get(dst, i), axis + 1, shape, at);
    }

    static Class<?> storageType(DType t) {
        return NdArray.zeros(t, 0).data().getClass().getComponentType();
    }

    private static int depthOf(Class<?> c) {
        int d = 0;
        while (c.isArray()) {
            d++;
            c = c.getComponentType();
        }
        return d;
    }

    private static Class<?> leafType(Object javaArray) {
        if (javaArray == null) throw new IllegalArgumentException("null array");
        Class<?> c = javaArray.getClass();
        if (!c.isArray()) throw new IllegalArgumentException("not a Java array: " + c.getName());
        while (c.isArray()) c = c.getComponentType();
        if (!c.isPrimitive()) throw new IllegalArgumentException("not an array of primitives: " + javaArray.getClass().getSimpleName());
        return c;
    }
}
