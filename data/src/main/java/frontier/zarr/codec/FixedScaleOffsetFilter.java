package frontier.zarr.codec;

import frontier.zarr.dtype.ZarrDType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' FixedScaleOffset: encode round((x - offset) * scale) as astype, decode x / scale + offset
 * as dtype. Arithmetic follows numpy's promotion: float32 data stays float32, integer data with integer
 * offset and scale stays integer, anything else is float64.
 */
public final class FixedScaleOffsetFilter implements Codec {
    private final Number offset;
    private final Number scale;
    private final ZarrDType dtype;
    private final ZarrDType astype;

    FixedScaleOffsetFilter(Number offset, Number scale, ZarrDType dtype, ZarrDType astype) {
        this.offset = offset;
        this.scale = scale;
        this.dtype = dtype;
        this.astype = astype;
    }

    public static FixedScaleOffsetFilter fromConfig(Map<String, Object> config) throws CodecException {
        if (!(config.get("offset") instanceof Number o) || !(config.get("scale") instanceof Number s)) {
            throw new CodecException("fixedscaleoffset needs numeric 'offset' and 'scale', got " + config);
        }
        ZarrDType d = FilterDTypes.parse(config.get("dtype"), "dtype");
        Object a = config.get("astype");
        return new FixedScaleOffsetFilter(o, s, d, a == null ? d : FilterDTypes.parse(a, "astype"));
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        int n = FilterDTypes.count(dtype, raw, "fixedscaleoffset");
        byte[] out = new byte[n * astype.size()];
        if (!dtype.isFloat() && integral(offset) && integral(scale)) {
            long o = offset.longValue();
            long s = scale.longValue();
            for (int i = 0; i < n; i++) {
                astype.putLong(out, i, (dtype.getLong(raw, i) - o) * s, dtype.isUint64());
            }
        } else {
            ZarrDType precision = dtype.isFloat() ? dtype : null;
            double o = offset.doubleValue();
            double s = scale.doubleValue();
            for (int i = 0; i < n; i++) {
                double v = dtype.getDouble(raw, i);
                double e = precision == null ? (v - o) * s : precision.round(precision.round(v - o) * s);
                astype.putDouble(out, i, Math.rint(e));
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
        byte[] out = new byte[FilterDTypes.castSize(astype, encoded, dtype, maxDecoded, "fixedscaleoffset")];
        int n = out.length / dtype.size();
        double o = offset.doubleValue();
        double s = scale.doubleValue();
        for (int i = 0; i < n; i++) {
            double e = astype.getDouble(encoded, i);
            double v = astype.isFloat() ? astype.round(astype.round(e / s) + o) : e / s + o;
            dtype.putDouble(out, i, v);
        }
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "fixedscaleoffset");
        c.put("scale", scale);
        c.put("offset", offset);
        c.put("dtype", dtype.toString());
        c.put("astype", astype.toString());
        return c;
    }
}
