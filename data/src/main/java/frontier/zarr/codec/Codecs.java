package frontier.zarr.codec;

import java.io.IOException;
import java.util.Map;

/**
 * Builds codecs from their .zarray configuration. Only zlib for now; the codecs work adds
 * blosc, gzip, zstd, lz4, bz2, lzma and the filters.
 */
public final class Codecs {
    private Codecs() {
    }

    public static Codec fromConfig(Map<String, Object> config) throws IOException {
        Object id = config.get("id");
        if ("zlib".equals(id)) {
            int level = config.get("level") instanceof Number ? ((Number) config.get("level")).intValue() : 1;
            return new ZlibCodec(level);
        }
        throw new CodecException("unknown codec '" + id + "' in " + config);
    }
}
