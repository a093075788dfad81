package frontier.array;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array in memory: a dtype, a C-order shape, and one primitive Java array
 * holding the elements (see {@link DType} for which). Fewer than 2^31 elements; larger data
 * stay in a Zarr array or a lazy chunked array and are read by region.
 * Serializable, so that task results can cross process boundaries.
 */
public final class NdArray implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DType dtype;
    private final int[] shape;
    private final Object data;
    private final int size;

    private NdArray(DType dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.size = checkedSize(shape);
        this.data = data;
        int expected = dtype.isComplex() ? size * 2 : size;
        if (java.lang.reflect.Array.getLength(data) != expected) {
            throw new IllegalArgumentException("data holds " + java.lang.reflect.Array.getLength(data)
                    + " values, shape " + Arrays.toString(shape) + " needs " + expected);
        }
    }

    /** The number of elements of a shape, refusing negative dimensions and more than 2^31-1 elements. */
    public static int checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31-1 elements; read it by region");
            }
        }
        return (int) n;
    }

    /** A new array of zeros. */
    public static NdArray zeros(DType dtype, int... shape) {
        int n = checkedSize(shape);
        return new NdArray(dtype, shape, allocate(dtype, n));
    }

    /** Wraps a primitive array (not copied) of the storage class dtype calls for. */
    public static NdArray wrap(DType dtype, Object data, int... shape) {
        return new NdArray(dtype, shape, data);
    }

    static Object allocate(DType dtype, int n) {
        switch (dtype) {
            case BOOL: case INT8: case UINT8: return new byte[n];
            case INT16: case UINT16: case FLOAT16: return new short[n];
            case INT32: case UINT32: return new int[n];
            case INT64: case UINT64: return new long[n];
            case FLOAT32: return new float[n];
            case FLOAT64: return new double[n];
            case COMPLEX64: return new float[2 * n];
            case COMPLEX128: return new double[2 * n];
            default: throw new AssertionError(dtype);
        }
    }

    /** Decodes elements from bytes in the given byte order (C order, shape's element count). */
    public static NdArray fromBytes(DType dtype, ByteOrder order, byte[] bytes, int... shape) {
        int n = checkedSize(shape);
        long need = (long) n * dtype.itemSize();
        if (bytes.length < need) {
            throw new IllegalArgumentException("expected " + need + " bytes for " + dtype + Arrays.toString(shape) + ", got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, (int) need).order(order);
        Object data = allocate(dtype, n);
        switch (dtype) {
            case BOOL: case INT8: case UINT8: System.arraycopy(bytes, 0, data, 0, n); break;
            case INT16: case UINT16: case FLOAT16: b.asShortBuffer().get((short[]) data); break;
            case INT32: case UINT32: b.asIntBuffer().get((int[]) data); break;
            case INT64: case UINT64: b.asLongBuffer().get((long[]) data); break;
            case FLOAT32: case COMPLEX64: b.asFloatBuffer().get((float[]) data); break;
            case FLOAT64: case COMPLEX128: b.asDoubleBuffer().get((double[]) data); break;
            default: throw new AssertionError(dtype);
        }
        return new NdArray(dtype, shape, data);
    }

    /** The elements as bytes in the given byte order, C order. */
    public byte[] toBytes(ByteOrder order) {
        byte[] out = new byte[Math.multiplyExact(size, dtype.itemSize())];
        ByteBuffer b = ByteBuffer.wrap(out).order(order);
        switch (dtype) {
            case BOOL: case INT8: case UINT8: System.arraycopy(data, 0, out, 0, size); break;
            case INT16: case UINT16: case FLOAT16: b.asShortBuffer().put((short[]) data); break;
            case INT32: case UINT32: b.asIntBuffer().put((int[]) data); break;
            case INT64: case UINT64: b.asLongBuffer().put((long[]) data); break;
            case FLOAT32: case COMPLEX64: b.asFloatBuffer().put((float[]) data); break;
            case FLOAT64: case COMPLEX128: b.asDoubleBuffer().put((double[]) data); break;
            default: throw new AssertionError(dtype);
        }
        return out;
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** The backing primitive array (not a copy). */
    public Object data() {
        return data;
    }

    /** Flat C-order index of an n-d index, bounds-checked. */
    public int flatIndex(int... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has " + index.length + " dimensions, array has " + shape.length);
        }
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            int k = index[i];
            if (k < 0 || k >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + k + " is out of bounds for axis " + i + " with size " + shape[i]);
            }
            flat = flat * shape[i] + k;
        }
        return flat;
    }

    /** Element at a flat index as a double (unsigned types read unsigned; complex: the real part). */
    public double getDouble(int flat) {
        switch (dtype) {
            case BOOL: case INT8: return ((byte[]) data)[flat];
            case UINT8: return ((byte[]) data)[flat] & 0xff;
            case INT16: return ((short[]) data)[flat];
            case UINT16: return ((short[]) data)[flat] & 0xffff;
            case FLOAT16: return Half.toFloat(((short[]) data)[flat]);
            case INT32: return ((int[]) data)[flat];
            case UINT32: return ((int[]) data)[flat] & 0xffffffffL;
            case INT64: return ((long[]) data)[flat];
            case UINT64: { long v = ((long[]) data)[flat]; return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1); }
            case FLOAT32: return ((float[]) data)[flat];
            case FLOAT64: return ((double[]) data)[flat];
            case COMPLEX64: return ((float[]) data)[2 * flat];
            case COMPLEX128: return ((double[]) data)[2 * flat];
            default: throw new AssertionError(dtype);
        }
    }

    /** Element at a flat index as a long (unsigned types read unsigned, UINT64 as its bit pattern; floats truncated). */
    public long getLong(int flat) {
        switch (dtype) {
            case BOOL: case INT8: return ((byte[]) data)[flat];
            case UINT8: return ((byte[]) data)[flat] & 0xff;
            case INT16: return ((short[]) data)[flat];
            case UINT16: return ((short[]) data)[flat] & 0xffff;
            case INT32: return ((int[]) data)[flat];
            case UINT32: return ((int[]) data)[flat] & 0xffffffffL;
            case INT64: case UINT64: return ((long[]) data)[flat];
            default: return (long) getDouble(flat);
        }
    }

    /** Sets the element at a flat index from a double, converting as numpy's astype does (truncation, wrap-around). */
    public void setDouble(int flat, double v) {
        switch (dtype) {
            case BOOL: ((byte[]) data)[flat] = (byte) (v != 0 ? 1 : 0); break;
            case INT8: case UINT8: ((byte[]) data)[flat] = (byte) (long) v; break;
            case INT16: case UINT16: ((short[]) data)[flat] = (short) (long) v; break;
            case FLOAT16: ((short[]) data)[flat] = Half.fromFloat((float) v); break;
            case INT32: case UINT32: ((int[]) data)[flat] = (int) (long) v; break;
            case INT64: ((long[]) data)[flat] = (long) v; break;
            case UINT64: ((long[]) data)[flat] = v >= 9.223372036854775807E18 ? (long) (v - 9.223372036854775807E18) ^ Long.MIN_VALUE : (long) v; break;
            case FLOAT32: ((float[]) data)[flat] = (float) v; break;
            case FLOAT64: ((double[]) data)[flat] = v; break;
            case COMPLEX64: ((float[]) data)[2 * flat] = (float) v; ((float[]) data)[2 * flat + 1] = 0; break;
            case COMPLEX128: ((double[]) data)[2 * flat] = v; ((double[]) data)[2 * flat + 1] = 0; break;
            default: throw new AssertionError(dtype);
        }
    }

    /** Sets the element at a flat index from a long (integers keep all 64 bits). */
    public void setLong(int flat, long v) {
        switch (dtype) {
            case BOOL: ((byte[]) data)[flat] = (byte) (v != 0 ? 1 : 0); break;
            case INT8: case UINT8: ((byte[]) data)[flat] = (byte) v; break;
            case INT16: case UINT16: ((short[]) data)[flat] = (short) v; break;
            case INT32: case UINT32: ((int[]) data)[flat] = (int) v; break;
            case INT64: case UINT64: ((long[]) data)[flat] = v; break;
            default: setDouble(flat, v);
        }
    }

    /** Element at an n-d index as a double. */
    public double getDoubleAt(int... index) {
        return getDouble(flatIndex(index));
    }

    /** Element at an n-d index as a long. */
    public long getLongAt(int... index) {
        return getLong(flatIndex(index));
    }

    /** A copy with the same dtype and shape. */
    public NdArray copy() {
        Object d = allocate(dtype, size);
        System.arraycopy(data, 0, d, 0, java.lang.reflect.Array.getLength(data));
        return new NdArray(dtype, shape, d);
    }

    /** The same elements under another shape with the same element count (shares the data). */
    public NdArray reshape(int... newShape) {
        if (checkedSize(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
        }
        return new NdArray(dtype, newShape, data);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NdArray)) return false;
        NdArray a = (NdArray) o;
        return dtype == a.dtype && Arrays.equals(shape, a.shape) && Arrays.deepEquals(new Object[]{data}, new Object[]{a.data});
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return NdArrayFormat.repr(this);
    }
}
