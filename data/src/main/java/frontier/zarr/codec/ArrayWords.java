package frontier.zarr.codec;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Whole-long loads from byte arrays and stores into short arrays, without bounds checks: the
 * inner loop of decoding 2-byte elements into a region (Shuffle.unshuffleShorts) runs
 * a third faster this way than with byte-array VarHandles, whose per-access checks the JIT
 * does not hoist out of them, and the JDK has no view of a short[] as longs at all. Callers
 * check the bounds of the whole run first. Falls back to checked element access where
 * sun.misc.Unsafe is missing or the machine is big-endian.
 */
final class ArrayWords {
    private static final sun.misc.Unsafe UNSAFE = unsafe();
    /** Raw access needs sun.misc.Unsafe and a little-endian machine (element i of a long in bits 16i..16i+15). */
    private static final boolean RAW = UNSAFE != null && UNSAFE.arrayIndexScale(short[].class) == 2
            && UNSAFE.arrayIndexScale(byte[].class) == 1 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final long BYTES = RAW ? UNSAFE.arrayBaseOffset(byte[].class) : 0;
    private static final long SHORTS = RAW ? UNSAFE.arrayBaseOffset(short[].class) : 0;

    private ArrayWords() {
    }

    /** The little-endian long at b[off..off+8); off + 8 <= b.length is the caller's to check. */
    static long getLong(byte[] b, int off) {
        return RAW ? UNSAFE.getLong(b, BYTES + off) : LittleEndian.getLong(b, off);
    }

    /** a[i..i+4) = the four 16-bit units of v, lowest first; i + 4 <= a.length is the caller's to check. */
    static void putLong(short[] a, int i, long v) {
        if (RAW) {
            UNSAFE.putLong(a, SHORTS + 2L * i, v);
        } else {
            a[i] = (short) v;
            a[i + 1] = (short) (v >>> 16);
            a[i + 2] = (short) (v >>> 32);
            a[i + 3] = (short) (v >>> 48);
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // checked access then
        }
    }
}
