package frontier.viewer;

/**
 * Maps each channel's float voxels linearly onto bytes: the smallest finite value to 0, the
 * largest to 255 (so the view's window can still span the whole data range). NaN and -inf
 * become 0, +inf 255. A constant channel becomes 255 (0 if the constant is 0) so that it shows
 * as a solid block, not as nothing. Windows given in data units are converted to byte units.
 */
final class Quantizer {
    private Quantizer() {
    }

    static ViewData quantize(Volume v, ChannelStyle[] styles) {
        ViewData out = new ViewData(v.nz, v.ny, v.nx, v.channels);
        for (int c = 0; c < v.channels; c++) {
            float[] d = v.data[c];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            long nan = 0;
            for (float f : d) {
                if (Float.isNaN(f)) { nan++; continue; }
                if (Float.isInfinite(f)) continue;
                if (f < min) min = f;
                if (f > max) max = f;
            }
            boolean anyFinite = min <= max;
            if (!anyFinite) { min = 0; max = 0; }
            byte[] q = new byte[d.length];
            boolean constant = anyFinite && min == max;
            double scale = constant || !anyFinite ? 0 : 255.0 / (max - min);
            byte constByte = (byte) (constant && min != 0 ? 255 : 0);
            for (int i = 0; i < d.length; i++) {
                float f = d[i];
                if (Float.isNaN(f) || f == Float.NEGATIVE_INFINITY) q[i] = 0;
                else if (f == Float.POSITIVE_INFINITY) q[i] = (byte) 255;
                else if (scale == 0) q[i] = constByte;
                else q[i] = (byte) Math.round((f - min) * scale);
            }
            out.voxels[c] = q;
            out.range[c] = new double[]{min, max};
            out.nanCount[c] = nan;
            out.constant[c] = constant;
            ChannelStyle st = styles == null || c >= styles.length ? null : styles[c];
            double lo = 0, hi = 255;
            if (st != null && scale != 0) {
                if (st.start() != null && Double.isFinite(st.start())) lo = (st.start() - min) * scale;
                if (st.end() != null && Double.isFinite(st.end())) hi = (st.end() - min) * scale;
            }
            if (!(hi > lo)) { lo = 0; hi = 255; }
            out.window[c] = new double[]{lo, hi};
            out.colors[c] = st != null && st.rgb() != null ? st.rgb() : ChannelStyle.defaultColor(c, v.channels);
            out.names[c] = st != null && st.name() != null ? st.name() : "channel " + c;
            out.visible[c] = st == null || st.visible();
        }
        return out;
    }
}
