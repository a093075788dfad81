package frontier.zarr.codec;

import java.io.IOException;
import java.util.Map;

/**
 * A numcodecs codec (a Zarr v2 compressor or filter) on bytes. Configurations are the JSON
 * objects of .zarray ({"id": "blosc", "cname": "lz4", ...}); {@link Codecs#fromConfig} builds them.
 * Implementations are thread-safe and stateless between calls.
 */
public interface Codec {
    /** The most a decode may produce without a tighter bound: one Java byte array. */
    int MAX_DECODED = Integer.MAX_VALUE - 16;

    /**
     * Decodes one chunk's bytes into at most maxDecoded bytes. Every codec must honour the bound as it
     * decodes: a stream that would produce more is a {@link CodecException} (see {@link DecodeBound#exceeded})
     * raised as soon as the bound is passed, never after inflating it whole, so that a 200 KB zlib bomb costs
     * maxDecoded bytes, not 3.6 GB. Formats that state their decoded size up front check it before allocating.
     * Bad input throws {@link CodecException}, never a runtime exception from deep inside.
     */
    byte[] decode(byte[] encoded, int maxDecoded) throws IOException;

    /** Decodes with no bound but the largest Java array; readers of chunks pass the chunk's size instead. */
    default byte[] decode(byte[] encoded) throws IOException {
        return decode(encoded, MAX_DECODED);
    }

    /**
     * For a filter (a codec before the compressor): the most bytes its encoding of decodedSize bytes can
     * have, which bounds the decode of the codec after it. Size-preserving codecs keep this default; filters
     * that change the size (astype, packbits, a checksum) must override it.
     */
    default long maxEncodedSize(long decodedSize) {
        return decodedSize;
    }

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
        if (offset < 0 || offset > out.length) {
            throw new CodecException("offset " + offset + " is outside a " + out.length + "-byte buffer");
        }
        byte[] decoded = decode(encoded, out.length - offset);
        if (decoded.length > out.length - offset) {
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
