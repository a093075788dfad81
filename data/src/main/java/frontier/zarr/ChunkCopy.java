package frontier.zarr;

import frontier.array.Blocks;
import frontier.array.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies boxes between C-order n-d blocks (a chunk and a region of the array), one contiguous
 * run at a time: trailing dimensions that both sides cover fully merge into one run, so a
 * chunk that spans whole rows or planes is a single bulk copy.
 */
final class ChunkCopy {
    private ChunkCopy() {
    }

    interface Run {
        void copy(int srcOffset, int dstOffset, int length);
    }

    /** Calls run for each contiguous run of the box count[] at srcStart in srcShape and dstStart in dstShape (element offsets). */
    static void forEachRun(int[] srcShape, int[] srcStart, int[] dstShape, int[] dstStart, int[] count, Run run) {
        int n = count.length;
        if (n == 0) {
            run.copy(0, 0, 1);
            return;
        }
        for (int c : count) if (c == 0) return;
        int[] srcStride = Blocks.strides(srcShape), dstStride = Blocks.strides(dstShape);
        int k = n - 1;
        int runLen = count[k];
        while (k > 0 && count[k] == srcShape[k] && count[k] == dstShape[k]) {
            k--;
            runLen *= count[k];
        }
        int srcBase = 0, dstBase = 0;
        for (int d = 0; d < n; d++) {
            srcBase += srcStart[d] * srcStride[d];
            dstBase += dstStart[d] * dstStride[d];
        }
        // dims 0..k-1 are iterated; dim k and beyond form the run
        int[] idx = new int[k];
        int srcOff = srcBase, dstOff = dstBase;
        while (true) {
            run.copy(srcOff, dstOff, runLen);
            int d = k - 1;
            while (d >= 0) {
                idx[d]++;
                srcOff += srcStride[d];
                dstOff += dstStride[d];
                if (idx[d] < count[d]) break;
                srcOff -= count[d] * srcStride[d];
                dstOff -= count[d] * dstStride[d];
                idx[d] = 0;
                d--;
            }
            if (d < 0) return;
        }
    }


    /** Values per element in the storage array (complex: 2). */
    static int width(DType dt) {
        return dt.isComplex() ? 2 : 1;
    }

    /** Copies a box between two primitive arrays of the same storage class. */
    static void copy(Object src, int[] srcShape, int[] srcStart, Object dst, int[] dstShape, int[] dstStart, int[] count, DType dt) {
        int w = width(dt);
        forEachRun(srcShape, srcStart, dstShape, dstStart, count,
                (s, d, len) -> System.arraycopy(src, s * w, dst, d * w, len * w));
    }

    /** Copies a box from encoded bytes (C order, given byte order) into a primitive array. */
    static void copyFromBytes(byte[] src, ByteOrder order, int[] srcShape, int[] srcStart,
                              Object dst, int[] dstShape, int[] dstStart, int[] count, DType dt) {
        ByteBuffer bb = ByteBuffer.wrap(src).order(order);
        int w = width(dt);
        Run run;
        switch (dt) {
            case BOOL: case INT8: case UINT8:
                run = (s, d, len) -> System.arraycopy(src, s, dst, d, len);
                break;
            case INT16: case UINT16: case FLOAT16: {
                java.nio.ShortBuffer v = bb.asShortBuffer();
                short[] out = (short[]) dst;
                run = (s, d, len) -> v.get(s, out, d, len);
                break;
            }
            case INT32: case UINT32: {
                java.nio.IntBuffer v = bb.asIntBuffer();
                int[] out = (int[]) dst;
                run = (s, d, len) -> v.get(s, out, d, len);
                break;
            }
            case INT64: case UINT64: {
                java.nio.LongBuffer v = bb.asLongBuffer();
                long[] out = (long[]) dst;
                run = (s, d, len) -> v.get(s, out, d, len);
                break;
            }
            case FLOAT32: case COMPLEX64: {
                java.nio.FloatBuffer v = bb.asFloatBuffer();
                float[] out = (float[]) dst;
                run = (s, d, len) -> v.get(s * w, out, d * w, len * w);
                break;
            }
            case FLOAT64: case COMPLEX128: {
                java.nio.DoubleBuffer v = bb.asDoubleBuffer();
                double[] out = (double[]) dst;
                run = (s, d, len) -> v.get(s * w, out, d * w, len * w);
                break;
            }
            default: throw new AssertionError(dt);
        }
        forEachRun(srcShape, srcStart, dstShape, dstStart, count, run);
    }

    /** Per thread: the typed array of the last transient chunk (reused while chunks keep their dtype and size). */
    private static final ThreadLocal<Object[]> THREAD_ARRAY = ThreadLocal.withInitial(() -> new Object[1]);

    /**
     * A decoded chunk's elements in an array of this thread, reused by its next call (no array per
     * chunk): what {@code readChunkTransient} hands out.
     */
    static frontier.array.NdArray toThreadArray(frontier.zarr.v3.RawChunk raw, DType dt, int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        Object data = threadArray(dt, shape);
        ByteBuffer bb = ByteBuffer.wrap(raw.bytes(), 0, n * dt.itemSize()).order(raw.order());
        switch (dt) {
            case BOOL: case INT8: case UINT8: System.arraycopy(raw.bytes(), 0, data, 0, n); break;
            case INT16: case UINT16: case FLOAT16: bb.asShortBuffer().get((short[]) data); break;
            case INT32: case UINT32: bb.asIntBuffer().get((int[]) data); break;
            case INT64: case UINT64: bb.asLongBuffer().get((long[]) data); break;
            case FLOAT32: case COMPLEX64: bb.asFloatBuffer().get((float[]) data); break;
            case FLOAT64: case COMPLEX128: bb.asDoubleBuffer().get((double[]) data); break;
            default: throw new AssertionError(dt);
        }
        return frontier.array.NdArray.wrap(dt, data, shape);
    }

    /** This thread's typed array for a chunk of that dtype and shape (what the next transient read reuses). */
    static Object threadArray(DType dt, int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        int len = n * width(dt);
        Object[] holder = THREAD_ARRAY.get();
        Object data = holder[0];
        if (data == null || data.getClass() != storageClass(dt) || java.lang.reflect.Array.getLength(data) != len) {
            holder[0] = data = java.lang.reflect.Array.newInstance(storageClass(dt).getComponentType(), len);
        }
        return data;
    }

    private static Class<?> storageClass(DType dt) {
        switch (dt) {
            case BOOL: case INT8: case UINT8: return byte[].class;
            case INT16: case UINT16: case FLOAT16: return short[].class;
            case INT32: case UINT32: return int[].class;
            case INT64: case UINT64: return long[].class;
            case FLOAT32: case COMPLEX64: return float[].class;
            default: return double[].class;
        }
    }

    /** Fills a box of a primitive array with the fill value. */
    static void fill(Object dst, int[] dstShape, int[] dstStart, int[] count, FillValue fill) {
        forEachRun(dstShape, dstStart, dstShape, dstStart, count, (s, d, len) -> fill.fill(dst, d, d + len));
    }

    /**
     * Reorders a chunk's bytes between F order (column-major) and C order. toC: the input is
     * F-ordered and the output C-ordered; otherwise the reverse.
     */
    static byte[] transpose(byte[] in, int[] chunkShape, int itemSize, boolean toC) {
        int n = chunkShape.length;
        byte[] out = new byte[in.length];
        if (n <= 1) {
            System.arraycopy(in, 0, out, 0, in.length);
            return out;
        }
        int[] fStride = new int[n];
        int acc = 1;
        for (int i = 0; i < n; i++) {
            fStride[i] = acc;
            acc *= chunkShape[i];
        }
        int total = acc;
        int[] idx = new int[n];
        int f = 0;
        for (int c = 0; c < total; c++) {
            if (toC) System.arraycopy(in, f * itemSize, out, c * itemSize, itemSize);
            else System.arraycopy(in, c * itemSize, out, f * itemSize, itemSize);
            int d = n - 1;
            while (d >= 0) {
                idx[d]++;
                f += fStride[d];
                if (idx[d] < chunkShape[d]) break;
                f -= chunkShape[d] * fStride[d];
                idx[d] = 0;
                d--;
            }
        }
        return out;
    }
}
