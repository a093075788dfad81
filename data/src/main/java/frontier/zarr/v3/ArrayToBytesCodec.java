package frontier.zarr.v3;

import java.io.IOException;

/** The one array to bytes codec of a chain: serializes a chunk (the bytes codec) or a shard of inner chunks. */
public sealed interface ArrayToBytesCodec extends V3Codec permits BytesCodec, ShardingCodec {
    byte[] encode(RawChunk chunk) throws IOException;

    /** Decodes encoded[offset..offset+length) into a chunk of the spec this codec was made for. */
    RawChunk decode(byte[] encoded, int offset, int length) throws IOException;

    /** The encoded size for a decoded size when it is fixed (the bytes codec), else -1. */
    long encodedSize(long decodedBytes);
}
