package frontier.zarr.codec;

import java.io.IOException;
import java.util.Map;

/**
 * A numcodecs codec (a Zarr v2 compressor or filter) on bytes. Configurations are the JSON
 * objects of .zarray ({"id": "blosc", "cname": "lz4", ...}); {@link Codecs#fromConfig} builds them.
 * Implementations are thread-safe and stateless between calls.
 */
public interface Codec {
    /** Decodes one chunk's bytes. Bad input throws {@link CodecException}, never a runtime exception from deep inside. */
    byte[] decode(byte[] encoded) throws IOException;

    /** Encodes one chunk's bytes; itemSize is the array's element size (blosc's typesize). */
    byte[] encode(byte[] raw, int itemSize) throws IOException;

    /**
     * The decoded length of these encoded bytes if the format states it up front (blosc's header), else -1.
     * Lets a reader decode straight into its own buffer with {@link #decodeInto}.
     */
    default int decodedSize(byte[] encoded) throws IOException {
        return -1;
    }

    /**
     * Decodes into out[offset..offset+n) and returns n, the decoded length. Blosc writes there directly
     * (no intermediate array); other codecs decode and copy. Too little room is a {@link CodecException}.
     */
    default int decodeInto(byte[] encoded, byte[] out, int offset) throws IOException {
        byte[] decoded = decode(encoded);
        if (offset < 0 || decoded.length > out.length - offset) {
            throw new CodecException("decoded " + decoded.length + " bytes do not fit at offset " + offset + " of a " + out.length + "-byte buffer");
        }
        System.arraycopy(decoded, 0, out, offset, decoded.length);
        return decoded.length;
    }

    /**
     * Decodes encoded[0..length) (a reused read buffer may be longer) into out[offset..) and returns the
     * decoded length. swapSize > 1 reverses the bytes of each swapSize-byte element on the way (big-endian
     * elements come out little-endian and vice versa): blosc does that while unshuffling, for free; other
     * codecs decode, copy and swap. Too little room is a {@link CodecException}.
     */
    default int decodeInto(byte[] encoded, int length, byte[] out, int offset, int swapSize) throws IOException {
        if (length < 0 || length > encoded.length) {
            throw new CodecException("encoded length " + length + " outside a " + encoded.length + "-byte buffer");
        }
        int n = decodeInto(length == encoded.length ? encoded : java.util.Arrays.copyOf(encoded, length), out, offset);
        ByteSwap.reverse(out, offset, n, swapSize);
        return n;
    }

    /** The configuration as .zarray stores it, "id" first. */
    Map<String, Object> config();
}
