package frontier.zarr.v3;

import frontier.zarr.codec.CodecException;

/** An array to array codec: rearranges a chunk's elements (the transpose codec). */
public sealed interface ArrayToArrayCodec extends V3Codec permits TransposeCodec {
    /** The spec of what this codec encodes to. */
    ChunkSpec encodedSpec();

    RawChunk encode(RawChunk decoded) throws CodecException;

    RawChunk decode(RawChunk encoded) throws CodecException;
}
