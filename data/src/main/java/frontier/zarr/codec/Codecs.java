package frontier.zarr.codec;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Builds codecs from their .zarray configuration ({"id": "blosc", ...}), as numcodecs' registry does.
 * Compressors: blosc, zlib, gzip, zstd, lz4, bz2, lzma. Filters: delta, fixedscaleoffset, astype,
 * quantize, shuffle, packbits, crc32, adler32. Unknown ids are an error naming the id.
 */
public final class Codecs {
    /** Every id fromConfig knows. */
    public static final List<String> IDS = List.of("blosc", "zlib", "gzip", "zstd", "lz4", "bz2", "lzma",
            "delta", "fixedscaleoffset", "astype", "quantize", "shuffle", "packbits", "crc32", "adler32");

    private Codecs() {
    }

    public static Codec fromConfig(Map<String, Object> config) throws IOException {
        if (config == null) {
            throw new CodecException("codec configuration is null");
        }
        Object id = config.get("id");
        if (!(id instanceof String)) {
            throw new CodecException("codec configuration has no string 'id': " + config);
        }
        return switch ((String) id) {
            case "blosc" -> BloscCodec.fromConfig(config);
            case "zlib" -> new ZlibCodec(Configs.integer(config, "level", 1));
            case "gzip" -> new GzipCodec(Configs.integer(config, "level", 1));
            case "zstd" -> new ZstdCodec(Configs.integer(config, "level", 1));
            case "lz4" -> new Lz4Codec(Configs.integer(config, "acceleration", 1));
            case "bz2" -> new Bz2Codec(Configs.integer(config, "level", 1));
            case "lzma" -> LzmaCodec.fromConfig(config);
            case "delta" -> DeltaFilter.fromConfig(config);
            case "fixedscaleoffset" -> FixedScaleOffsetFilter.fromConfig(config);
            case "astype" -> AsTypeFilter.fromConfig(config);
            case "quantize" -> QuantizeFilter.fromConfig(config);
            case "shuffle" -> new ShuffleFilter(Configs.integer(config, "elementsize", 4));
            case "packbits" -> new PackBitsFilter();
            case "crc32", "adler32" -> new Checksum32Codec((String) id);
            default -> throw new CodecException("unknown codec '" + id + "' (known: " + String.join(", ", IDS) + ")");
        };
    }
}
