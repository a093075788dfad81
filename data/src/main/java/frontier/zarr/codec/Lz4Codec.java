package frontier.zarr.codec;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' LZ4: a 4-byte little-endian uncompressed length, then one raw LZ4 block. Encoding uses
 * aircompressor's compressor (acceleration is kept in the config; it changes speed, not validity).
 */
public final class Lz4Codec implements Codec {
    private static final ThreadLocal<Lz4Decompressor> DECOMPRESSOR = ThreadLocal.withInitial(Lz4Decompressor::new);
    private static final ThreadLocal<Lz4Compressor> COMPRESSOR = ThreadLocal.withInitial(Lz4Compressor::new);
    /** An LZ4 block expands at most ~255x; a larger declared size is a lie. */
    private static final long MAX_RATIO = 300;
    private final int acceleration;

    public Lz4Codec(int acceleration) {
        this.acceleration = acceleration;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        if (encoded.length < 4) {
            throw new CodecException("lz4 buffer too short: " + encoded.length + " bytes, the length prefix alone is 4");
        }
        int size = LittleEndian.getInt(encoded, 0);
        if (size < 0 || size > (long) (encoded.length - 4) * MAX_RATIO + 16) {
            throw new CodecException("lz4 buffer declares an implausible uncompressed size " + Integer.toUnsignedString(size)
                    + " for " + (encoded.length - 4) + " compressed bytes");
        }
        DecodeBound.check("lz4 buffer", size, maxDecoded);
        byte[] out = new byte[size];
        if (size == 0) {
            return out;
        }
        int n;
        try {
            n = DECOMPRESSOR.get().decompress(encoded, 4, encoded.length - 4, out, 0, size);
        } catch (RuntimeException e) {
            throw new CodecException("corrupt lz4 block: " + e.getMessage(), e);
        }
        if (n != size) {
            throw new CodecException("lz4 block decoded to " + n + " bytes but declares " + size);
        }
        return out;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        Lz4Compressor c = COMPRESSOR.get();
        byte[] out = new byte[4 + c.maxCompressedLength(raw.length)];
        LittleEndian.putInt(out, 0, raw.length);
        int n = raw.length == 0 ? 0 : c.compress(raw, 0, raw.length, out, 4, out.length - 4);
        if (raw.length == 0) {
            out[4] = 0; // an empty LZ4 block is one zero token, as liblz4 writes it
            n = 1;
        }
        return java.util.Arrays.copyOf(out, 4 + n);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "lz4");
        c.put("acceleration", acceleration);
        return c;
    }
}
