package frontier.viewer;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings of one view, fluent: {@code new ViewOptions().budgetBytes(2 << 20).mode("composite")}.
 * The data budget counts the voxel bytes embedded in the output (one byte per voxel and
 * channel; base64 adds a third on top).
 */
public final class ViewOptions {
    /** About 8 MB of voxel data per view. */
    public static final long DEFAULT_BUDGET = 8L << 20;

    long budgetBytes = DEFAULT_BUDGET;
    String mode = "mip";
    String colormap = "channels";
    int size = 420;
    Boolean embedBundle;
    Pooling pooling = Pooling.MEAN;
    Integer level;
    int t;
    String title;
    double[] spacing;
    final Map<Integer, ChannelStyle> channels = new HashMap<>();

    /** Voxel bytes embedded at most (at least 1). */
    public ViewOptions budgetBytes(long bytes) {
        if (bytes < 1) throw new IllegalArgumentException("budget must be at least 1 byte, got " + bytes);
        this.budgetBytes = bytes;
        return this;
    }

    /** "mip" (maximum intensity) or "composite" (alpha). */
    public ViewOptions mode(String mode) {
        if (!"mip".equals(mode) && !"composite".equals(mode)) {
            throw new IllegalArgumentException("mode must be \"mip\" or \"composite\", got \"" + mode + "\"");
        }
        this.mode = mode;
        return this;
    }

    /** "channels" (each channel's color), "gray", "hot", "viridis" or "inferno". */
    public ViewOptions colormap(String colormap) {
        if (!java.util.List.of("channels", "gray", "hot", "viridis", "inferno").contains(colormap)) {
            throw new IllegalArgumentException("colormap must be channels, gray, hot, viridis or inferno, got \"" + colormap + "\"");
        }
        this.colormap = colormap;
        return this;
    }

    /** Side of the 3D canvas in CSS pixels. */
    public ViewOptions size(int pixels) {
        this.size = Math.max(64, Math.min(2048, pixels));
        return this;
    }

    /** true: always embed the script bundle; false: never; unset: embed unless already sent this session. */
    public ViewOptions embedBundle(boolean embed) {
        this.embedBundle = embed;
        return this;
    }

    public ViewOptions pooling(Pooling pooling) {
        this.pooling = pooling;
        return this;
    }

    /** Use this pyramid level of an OME-Zarr image (downsampled further if over budget). */
    public ViewOptions level(int level) {
        this.level = level;
        return this;
    }

    /** Time point of a 5D (t, c, z, y, x) image. */
    public ViewOptions t(int t) {
        this.t = t;
        return this;
    }

    public ViewOptions title(String title) {
        this.title = title;
        return this;
    }

    /** Voxel size (z, y, x) of the full-resolution data, for the 3D aspect ratio. */
    public ViewOptions spacing(double z, double y, double x) {
        this.spacing = new double[]{z, y, x};
        return this;
    }

    /** Overrides a channel's color (hex "FF00FF") and window (nulls: from metadata or data). */
    public ViewOptions channel(int index, String hexColor, Double start, Double end) {
        float[] rgb = ChannelStyle.parseHex(hexColor);
        if (hexColor != null && rgb == null) throw new IllegalArgumentException("color must be 6 hex digits like \"FF00FF\", got \"" + hexColor + "\"");
        channels.put(index, new ChannelStyle(null, rgb, start, end, true));
        return this;
    }

    public long budgetBytes() {
        return budgetBytes;
    }
}
