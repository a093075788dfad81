/**
 * numcodecs' compressors and filters in pure Java (no JNI/JNA), built from .zarray configurations by
 * {@link frontier.zarr.codec.Codecs#fromConfig}.
 * <ul>
 * <li>Blosc (blosc1 frames as c-blosc 1.21 writes them): blosclz, lz4, lz4hc, snappy, zlib, zstd;
 * shuffle none/byte/bit; split and unsplit blocks; memcpyed frames; c-blosc's automatic blocksize and
 * split choices when encoding. lz4hc is encoded with plain LZ4 and zstd with aircompressor's single
 * level (valid streams that c-blosc reads; only the ratio differs). BloscLZ is our own encoder and
 * decoder of the format.</li>
 * <li>zlib, gzip, zstd, lz4 (numcodecs framing), bz2 (commons-compress), lzma (xz / alone, org.tukaani:xz).</li>
 * <li>Filters: delta, fixedscaleoffset, astype, quantize, shuffle, packbits, crc32, adler32 (dtypes from
 * the config, parsed into {@link frontier.zarr.dtype.ZarrDType}, the one dtype model).</li>
 * </ul>
 * Every codec is cross-checked against numcodecs both ways in NumcodecsCrossCheckTest; corrupt input
 * ends in {@link frontier.zarr.codec.CodecException}. Every decode is bounded
 * ({@link frontier.zarr.codec.Codec#decode(byte[], int)}, {@link frontier.zarr.codec.DecodeBound}): a
 * decompression bomb stops at the chunk's size (DecodeBoundTest). For speed, readers can decode blosc straight into
 * their own buffer with {@link frontier.zarr.codec.Codec#decodeInto}.
 */
package frontier.zarr.codec;
