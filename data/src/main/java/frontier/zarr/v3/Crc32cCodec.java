package frontier.zarr.v3;

import frontier.zarr.codec.Codec;
import frontier.zarr.codec.CodecException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** The crc32c codec: the data, then its CRC32C (RFC 3720) as 4 little-endian bytes; decoding checks it. */
public final class Crc32cCodec implements Codec {
    /** The checksum of b[off..off+len). */
    static int checksum(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    /** Decodes into at most maxDecoded bytes (the data: the input less its checksum). */
    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        if (encoded.length - 4 > maxDecoded) {
            throw new CodecException("crc32c: " + (encoded.length - 4) + " bytes of data, more than the " + maxDecoded + " expected");
        }
        if (encoded.length < 4) {
            throw new CodecException("crc32c: " + encoded.length + " bytes, fewer than the 4-byte checksum");
        }
        int n = encoded.length - 4;
        int stored = (encoded[n] & 0xff) | (encoded[n + 1] & 0xff) << 8 | (encoded[n + 2] & 0xff) << 16 | (encoded[n + 3] & 0xff) << 24;
        int actual = checksum(encoded, 0, n);
        if (stored != actual) {
            throw new CodecException(String.format("crc32c checksum mismatch: stored %08x, computed %08x over %d bytes", stored, actual, n));
        }
        return Arrays.copyOf(encoded, n);
    }

    /** The checksum adds 4 bytes. */
    @Override
    public long maxEncodedSize(long decodedSize) {
        return decodedSize + 4;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        byte[] out = Arrays.copyOf(raw, raw.length + 4);
        int c = checksum(raw, 0, raw.length);
        for (int i = 0; i < 4; i++) out[raw.length + i] = (byte) (c >>> (8 * i));
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "crc32c");
        return c;
    }
}
