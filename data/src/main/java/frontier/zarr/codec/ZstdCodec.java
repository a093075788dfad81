package frontier.zarr.codec;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.compress.zstd.ZstdInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' Zstd: one zstd frame. Encoding uses aircompressor's single compression level (the
 * configured level is kept in the config but does not change the bytes; any level decodes).
 */
public final class ZstdCodec implements Codec {
    private static final ThreadLocal<ZstdDecompressor> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressor::new);
    private static final ThreadLocal<ZstdCompressor> COMPRESSOR = ThreadLocal.withInitial(ZstdCompressor::new);
    private final int level;

    public ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        try {
            long size = ZstdDecompressor.getDecompressedSize(encoded, 0, encoded.length);
            if (size >= 0) {
                DecodeBound.check("zstd frame", size, maxDecoded);
                if (size > Integer.MAX_VALUE - 16 || size > (long) encoded.length * (1L << 17) + 1024) {
                    throw new CodecException("zstd frame declares an implausible size " + size + " for " + encoded.length + " bytes");
                }
                byte[] out = new byte[(int) size];
                int n = DECOMPRESSOR.get().decompress(encoded, 0, encoded.length, out, 0, out.length);
                if (n != size) {
                    throw new CodecException("zstd frame decoded to " + n + " bytes but declares " + size);
                }
                return out;
            }
            // no content size in the frame header (streamed writers): decode as a stream
            try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(encoded))) {
                return DecodeBound.readAll(in, maxDecoded, "zstd frame");
            }
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CodecException("corrupt zstd frame: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        ZstdCompressor c = COMPRESSOR.get();
        byte[] out = new byte[c.maxCompressedLength(raw.length)];
        int n = c.compress(raw, 0, raw.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "zstd");
        c.put("level", level);
        return c;
    }
}
