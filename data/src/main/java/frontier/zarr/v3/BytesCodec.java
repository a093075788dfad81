package frontier.zarr.v3;

import frontier.zarr.codec.CodecException;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes codec: a chunk's elements in C order, each in the configured byte order ("endian":
 * "little" or "big"; one-byte types need none).
 */
public final class BytesCodec implements ArrayToBytesCodec {
    private final ChunkSpec spec;
    /** null for one-byte types written without "endian". */
    private final ByteOrder endian;

    BytesCodec(ChunkSpec spec, ByteOrder endian) {
        this.spec = spec;
        this.endian = endian;
    }

    static BytesCodec fromConfig(Map<String, Object> config, ChunkSpec spec) throws CodecException {
        Object e = config.get("endian");
        ByteOrder order;
        if (e == null) {
            // the spec requires "endian" for multi-byte types; writers that left it out meant the usual little
            order = spec.dtype().itemSize() == 1 ? null : ByteOrder.LITTLE_ENDIAN;
        } else if ("little".equals(e)) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if ("big".equals(e)) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new CodecException("codec 'bytes': endian must be \"little\" or \"big\", got " + e);
        }
        return new BytesCodec(spec, order);
    }

    @Override
    public String name() {
        return "bytes";
    }

    /** The byte order elements are stored in (little for one-byte types). */
    public ByteOrder endian() {
        return endian == null ? ByteOrder.LITTLE_ENDIAN : endian;
    }

    @Override
    public byte[] encode(RawChunk chunk) {
        return chunk.exactBytes(endian());
    }

    @Override
    public RawChunk decode(byte[] encoded, int offset, int length) throws CodecException {
        long expected = spec.byteLength();
        if (length != expected) {
            throw new CodecException("codec 'bytes': " + length + " bytes, expected " + expected + " (chunk shape "
                    + Arrays.toString(spec.shape()) + " of " + spec.dtype() + ")");
        }
        byte[] b = offset == 0 && length == encoded.length ? encoded : Arrays.copyOfRange(encoded, offset, offset + length);
        return new RawChunk(b, spec.shape(), spec.dtype(), endian());
    }

    @Override
    public long encodedSize(long decodedBytes) {
        return decodedBytes;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "bytes");
        if (endian != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("endian", endian == ByteOrder.BIG_ENDIAN ? "big" : "little");
            m.put("configuration", c);
        }
        return m;
    }
}
