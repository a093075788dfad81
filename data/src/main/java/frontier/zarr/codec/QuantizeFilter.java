package frontier.zarr.codec;

import frontier.zarr.dtype.ZarrDType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' Quantize: keeps `digits` decimal digits by rounding to a power-of-two grid
 * (round(2^bits * x) / 2^bits, in dtype's precision), stored as astype; decoding is a cast.
 */
public final class QuantizeFilter implements Codec {
    private final int digits;
    private final ZarrDType dtype;
    private final ZarrDType astype;
    private final double scale;

    QuantizeFilter(int digits, ZarrDType dtype, ZarrDType astype) throws CodecException {
        if (!dtype.isFloat() || !astype.isFloat()) {
            throw new CodecException("quantize: only floating point dtypes are supported, got " + dtype + " / " + astype);
        }
        this.digits = digits;
        this.dtype = dtype;
        this.astype = astype;
        // the same steps as numcodecs, so that the grid is identical
        double precision = Math.pow(10.0, -digits);
        double exp = Math.log(precision) / Math.log(10);
        int e = exp < 0 ? (int) Math.floor(exp) : (int) Math.ceil(exp);
        double bits = Math.ceil(Math.log(Math.pow(10.0, -e)) / Math.log(2));
        this.scale = Math.pow(2.0, bits);
    }

    public static QuantizeFilter fromConfig(Map<String, Object> config) throws CodecException {
        ZarrDType d = FilterDTypes.parse(config.get("dtype"), "dtype");
        Object a = config.get("astype");
        return new QuantizeFilter(Configs.requiredInteger(config, "digits"), d, a == null ? d : FilterDTypes.parse(a, "astype"));
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        int n = FilterDTypes.count(dtype, raw, "quantize");
        byte[] out = new byte[n * astype.size()];
        for (int i = 0; i < n; i++) {
            double v = dtype.getDouble(raw, i);
            double q = dtype.round(dtype.round(Math.rint(dtype.round(scale * v))) / scale);
            astype.putDouble(out, i, q);
        }
        return out;
    }

    @Override
    public long maxEncodedSize(long decodedSize) {
        return FilterDTypes.sizeFor(astype, decodedSize, dtype);
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        return AsTypeFilter.cast(astype, dtype, encoded, "quantize", maxDecoded);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "quantize");
        c.put("digits", digits);
        c.put("dtype", dtype.toString());
        c.put("astype", astype.toString());
        return c;
    }
}
