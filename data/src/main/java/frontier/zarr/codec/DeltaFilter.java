package frontier.zarr.codec;

import frontier.zarr.dtype.ZarrDType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' Delta: the first element, then differences of neighbours (computed in dtype, stored as
 * astype). Decoding is a cumulative sum, accumulated as numpy does (64-bit for integers, in astype's
 * precision for floats).
 */
public final class DeltaFilter implements Codec {
    private final ZarrDType dtype;
    private final ZarrDType astype;

    DeltaFilter(ZarrDType dtype, ZarrDType astype) {
        this.dtype = dtype;
        this.astype = astype;
    }

    public static DeltaFilter fromConfig(Map<String, Object> config) throws CodecException {
        ZarrDType d = FilterDTypes.parse(config.get("dtype"), "dtype");
        Object a = config.get("astype");
        return new DeltaFilter(d, a == null ? d : FilterDTypes.parse(a, "astype"));
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        int n = FilterDTypes.count(dtype, raw, "delta");
        byte[] out = new byte[n * astype.size()];
        if (dtype.isFloat()) {
            double prev = 0;
            for (int i = 0; i < n; i++) {
                double v = dtype.getDouble(raw, i);
                astype.putDouble(out, i, i == 0 ? v : dtype.round(v - prev));
                prev = v;
            }
        } else {
            long prev = 0;
            for (int i = 0; i < n; i++) {
                long v = dtype.getLong(raw, i);
                if (i == 0) {
                    astype.putLong(out, i, v, dtype.isUint64());
                } else {
                    astype.putLong(out, i, dtype.wrap(v - prev), dtype.isUint64());
                }
                prev = v;
            }
        }
        return out;
    }

    @Override
    public long maxEncodedSize(long decodedSize) {
        return FilterDTypes.sizeFor(astype, decodedSize, dtype);
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        byte[] out = new byte[FilterDTypes.castSize(astype, encoded, dtype, maxDecoded, "delta")];
        int n = out.length / dtype.size();
        if (astype.isFloat()) {
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc = i == 0 ? astype.getDouble(encoded, i) : astype.round(acc + astype.getDouble(encoded, i));
                dtype.putDouble(out, i, acc);
            }
        } else {
            long acc = 0;
            for (int i = 0; i < n; i++) {
                acc += astype.getLong(encoded, i);
                dtype.putLong(out, i, acc, astype.isUint64());
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "delta");
        c.put("dtype", dtype.toString());
        c.put("astype", astype.toString());
        return c;
    }
}
