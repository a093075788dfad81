package frontier.zarr.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reverses the bytes of each element in place (big-endian <-> little-endian). */
final class ByteSwap {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteSwap() {
    }

    /** Reverses each size-byte element of b[off..off+len); a trailing partial element is left alone. */
    static void reverse(byte[] b, int off, int len, int size) {
        int end = off + len - len % Math.max(size, 1);
        switch (size) {
            case 0, 1 -> { }
            case 2 -> {
                for (int i = off; i < end; i += 2) SHORT.set(b, i, Short.reverseBytes((short) SHORT.get(b, i)));
            }
            case 4 -> {
                for (int i = off; i < end; i += 4) INT.set(b, i, Integer.reverseBytes((int) INT.get(b, i)));
            }
            case 8 -> {
                for (int i = off; i < end; i += 8) LONG.set(b, i, Long.reverseBytes((long) LONG.get(b, i)));
            }
            default -> {
                for (int i = off; i < end; i += size) {
                    for (int lo = i, hi = i + size - 1; lo < hi; lo++, hi--) {
                        byte t = b[lo];
                        b[lo] = b[hi];
                        b[hi] = t;
                    }
                }
            }
        }
    }
}
