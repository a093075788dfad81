package frontier.zarr.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/** numcodecs' PackBits for bool arrays: a byte with the number of padding bits, then 8 values per byte, first value in the high bit. */
public final class PackBitsFilter implements Codec {

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        int n = raw.length;
        int packed = (n + 7) / 8;
        byte[] out = new byte[packed + 1];
        out[0] = (byte) (n % 8 == 0 ? 0 : 8 - n % 8);
        for (int i = 0; i < n; i++) {
            if (raw[i] != 0) {
                out[1 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    @Override
    public long maxEncodedSize(long decodedSize) {
        return (decodedSize + 7) / 8 + 1;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        if (encoded.length < 1) {
            throw new CodecException("packbits buffer is empty (it needs at least the padding byte)");
        }
        int pad = encoded[0] & 0xFF;
        long n = (long) (encoded.length - 1) * 8 - pad;
        if (pad > 7 || n < 0) {
            throw new CodecException("packbits padding " + pad + " is invalid for " + (encoded.length - 1) + " packed bytes");
        }
        DecodeBound.check("packbits buffer", n, maxDecoded);
        byte[] out = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((encoded[1 + i / 8] >>> (7 - i % 8)) & 1);
        }
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "packbits");
        return c;
    }
}
