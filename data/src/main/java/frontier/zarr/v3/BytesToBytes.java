package frontier.zarr.v3;

import frontier.zarr.codec.Codec;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bytes to bytes codec of a v3 chain: one of the byte codecs (blosc, gzip, zstd, crc32c) with its
 * v3 configuration. typesize is what blosc shuffles by (the configured "typesize"); overhead is the
 * fixed number of bytes the codec adds (crc32c: 4), or -1 when the encoded size varies.
 */
public record BytesToBytes(String name, Codec codec, int typesize, int overhead, Map<String, Object> configuration)
        implements V3Codec {

    public byte[] encode(byte[] raw) throws IOException {
        return codec.encode(raw, typesize);
    }

    /**
     * Decodes into at most maxDecoded bytes. The codecs decode unbounded here and the size is checked after;
     * with the bounded Codec API of issue 12 this becomes codec.decode(encoded, maxDecoded), which stops a
     * decompression bomb as soon as it passes the bound.
     */
    public byte[] decode(byte[] encoded, int maxDecoded) throws IOException {
        byte[] out = codec.decode(encoded);
        if (out.length > maxDecoded) {
            throw new frontier.zarr.codec.CodecException("codec '" + name + "': decoded " + out.length + " bytes, more than the expected " + maxDecoded + " a chunk holds");
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (configuration != null && !configuration.isEmpty()) m.put("configuration", configuration);
        return m;
    }
}
