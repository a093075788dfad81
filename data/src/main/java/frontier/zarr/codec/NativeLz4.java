package frontier.zarr.codec;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 block decompression by liblz4 (LZ4_decompress_safe, written for untrusted input) through
 * lz4-java's JNI binding: 1.5x aircompressor's speed on blosc streams, and LZ4 is most of what
 * reading a blosc-lz4 chunk costs. Where the native library does not load (an unusual platform,
 * a temporary folder it cannot be unpacked into), {@link #available()} is false and aircompressor
 * decodes instead.
 */
final class NativeLz4 {
    private static final LZ4SafeDecompressor DECOMPRESSOR = load();

    private NativeLz4() {
    }

    static boolean available() {
        return DECOMPRESSOR != null;
    }

    /** Decodes src[off..off+len) into dst[dOff..dOff+n) at most; returns the bytes decoded. */
    static int decompress(byte[] src, int off, int len, byte[] dst, int dOff, int n) throws CodecException {
        try {
            return DECOMPRESSOR.decompress(src, off, len, dst, dOff, n);
        } catch (LZ4Exception e) {
            throw new CodecException("corrupt lz4 stream in blosc frame: " + e.getMessage(), e);
        }
    }

    private static LZ4SafeDecompressor load() {
        if (Boolean.getBoolean("frontier.lz4.noNative")) return null;
        try {
            return LZ4Factory.nativeInstance().safeDecompressor();
        } catch (Throwable e) { // UnsatisfiedLinkError, or a native library that failed to unpack
            return null;
        }
    }
}
