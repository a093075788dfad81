package frontier.zarr.codec;

import frontier.zarr.dtype.ZarrDType;

import java.util.LinkedHashMap;
import java.util.Map;

/** numcodecs' AsType: stores decode_dtype data as encode_dtype (numpy astype both ways). */
public final class AsTypeFilter implements Codec {
    private final ZarrDType encodeDtype;
    private final ZarrDType decodeDtype;

    AsTypeFilter(ZarrDType encodeDtype, ZarrDType decodeDtype) {
        this.encodeDtype = encodeDtype;
        this.decodeDtype = decodeDtype;
    }

    public static AsTypeFilter fromConfig(Map<String, Object> config) throws CodecException {
        return new AsTypeFilter(FilterDTypes.parse(config.get("encode_dtype"), "encode_dtype"),
                FilterDTypes.parse(config.get("decode_dtype"), "decode_dtype"));
    }

    static byte[] cast(ZarrDType from, ZarrDType to, byte[] src, String codec) throws CodecException {
        return cast(from, to, src, codec, Integer.MAX_VALUE);
    }

    static byte[] cast(ZarrDType from, ZarrDType to, byte[] src, String codec, int maxDecoded) throws CodecException {
        byte[] out = new byte[FilterDTypes.castSize(from, src, to, maxDecoded, codec)];
        int n = out.length / to.size();
        for (int i = 0; i < n; i++) {
            to.cast(from, src, out, i);
        }
        return out;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        return cast(decodeDtype, encodeDtype, raw, "astype");
    }

    @Override
    public long maxEncodedSize(long decodedSize) {
        return FilterDTypes.sizeFor(encodeDtype, decodedSize, decodeDtype);
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        return cast(encodeDtype, decodeDtype, encoded, "astype", maxDecoded);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "astype");
        c.put("encode_dtype", encodeDtype.toString());
        c.put("decode_dtype", decodeDtype.toString());
        return c;
    }
}
