package frontier.array;


/** Reads a run of elements into a long[] or double[] buffer with one loop per storage type. */
final class Rows {
    private Rows() {
    }

    /** Integer view: unsigned types unsigned; uint64 with its sign bit flipped when flipU64 (so signed compare orders it). */
    static void longs(NdArray a, int off, int n, long[] buf, boolean flipU64) {
        Object data = a.data();
        DType t = a.dtype();
        switch (t) {
            case BOOL: case INT8: { byte[] s = (byte[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case UINT8: { byte[] s = (byte[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i] & 0xff; break; }
            case INT16: { short[] s = (short[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case UINT16: { short[] s = (short[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i] & 0xffff; break; }
            case INT32: { int[] s = (int[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case UINT32: { int[] s = (int[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i] & 0xffffffffL; break; }
            case INT64: System.arraycopy(data, off, buf, 0, n); break;
            case UINT64: {
                long[] s = (long[]) data;
                if (flipU64) for (int i = 0; i < n; i++) buf[i] = s[off + i] ^ Long.MIN_VALUE;
                else System.arraycopy(s, off, buf, 0, n);
                break;
            }
            default: for (int i = 0; i < n; i++) buf[i] = a.getLong(off + i);
        }
    }

    static void doubles(NdArray a, int off, int n, double[] buf) {
        Object data = a.data();
        switch (a.dtype()) {
            case BOOL: case INT8: { byte[] s = (byte[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case UINT8: { byte[] s = (byte[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i] & 0xff; break; }
            case INT16: { short[] s = (short[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case UINT16: { short[] s = (short[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i] & 0xffff; break; }
            case FLOAT16: { short[] s = (short[]) data; for (int i = 0; i < n; i++) buf[i] = Half.toFloat(s[off + i]); break; }
            case INT32: { int[] s = (int[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case FLOAT32: { float[] s = (float[]) data; for (int i = 0; i < n; i++) buf[i] = s[off + i]; break; }
            case FLOAT64: System.arraycopy(data, off, buf, 0, n); break;
            default: for (int i = 0; i < n; i++) buf[i] = a.getDouble(off + i);
        }
    }
}
