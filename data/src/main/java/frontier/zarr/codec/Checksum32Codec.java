package frontier.zarr.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/** numcodecs' CRC32 and Adler32: the checksum of the data as 4 little-endian bytes, then the data. */
public final class Checksum32Codec implements Codec {
    private final String id;

    public Checksum32Codec(String id) throws CodecException {
        if (!id.equals("crc32") && !id.equals("adler32")) {
            throw new CodecException("unknown checksum '" + id + "'");
        }
        this.id = id;
    }

    private int checksum(byte[] b, int off, int len) {
        Checksum c = id.equals("crc32") ? new CRC32() : new Adler32();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        if (encoded.length < 4) {
            throw new CodecException(id + " buffer too short: " + encoded.length + " bytes, the checksum alone is 4");
        }
        DecodeBound.check(id + " buffer", encoded.length - 4, maxDecoded);
        int expect = LittleEndian.getInt(encoded, 0);
        int actual = checksum(encoded, 4, encoded.length - 4);
        if (expect != actual) {
            throw new CodecException(id + " checksum failed: stored " + Integer.toHexString(expect) + ", computed " + Integer.toHexString(actual));
        }
        return java.util.Arrays.copyOfRange(encoded, 4, encoded.length);
    }

    @Override
    public long maxEncodedSize(long decodedSize) {
        return decodedSize + 4;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        byte[] out = new byte[raw.length + 4];
        LittleEndian.putInt(out, 0, checksum(raw, 0, raw.length));
        System.arraycopy(raw, 0, out, 4, raw.length);
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        return c;
    }
}
