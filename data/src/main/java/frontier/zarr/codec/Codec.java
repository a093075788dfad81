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
     * As {@link #decodeInto}, with the bytes of each elementSize-byte element reversed (big-endian data comes
     * out little-endian and vice versa). Blosc does this while unshuffling, for free; others swap afterwards.
     */
    default int decodeIntoSwapped(byte[] encoded, byte[] out, int offset, int elementSize) throws IOException {
        int n = decodeInto(encoded, out, offset);
        ByteSwap.reverse(out, offset, n, elementSize);
        return n;
    }

    /** The configuration as .zarray stores it, "id" first. */
    Map<String, Object> config();
}
