package frontier.zarr.v3;

import java.util.Map;

/**
 * One entry of a Zarr v3 {@code codecs} list, bound to the chunk spec it decodes to. The three
 * kinds the core spec defines: array to array ({@link TransposeCodec}), array to bytes
 * ({@link BytesCodec}, {@link ShardingCodec}) and bytes to bytes ({@link BytesToBytes}: blosc,
 * gzip, zstd, crc32c).
 */
public sealed interface V3Codec permits ArrayToArrayCodec, ArrayToBytesCodec, BytesToBytes {
    /** The codec's name in zarr.json ("bytes", "sharding_indexed"). */
    String name();

    /** The codec as zarr.json holds it: {"name": ..., "configuration": {...}}. */
    Map<String, Object> toJson();
}
