/**
 * Zarr v3's chunk encoding (core 3.1): the codec chain of a {@code zarr.json}
 * ({@link frontier.zarr.v3.CodecPipeline}: transpose, bytes, sharding_indexed, blosc, gzip, zstd, crc32c),
 * shard indexes and ranged reads of single inner chunks ({@link frontier.zarr.v3.ShardingCodec}), chunk key
 * encodings and extension definitions. {@link frontier.zarr.v3.CodecPipeline#decode} is the whole per-chunk
 * decode: bytes of one stored chunk or shard in, its elements out. Arrays, groups and metadata documents
 * are in {@link frontier.zarr} ({@code ArrayMetadataV3}, {@code ZarrArray}); this package does not depend on it.
 */
package frontier.zarr.v3;
