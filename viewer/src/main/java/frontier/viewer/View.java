package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import frontier.zarr.ZarrGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code view(x)}: an interactive 3D view of a volume in a notebook cell, like itkwidgets'
 * {@code view}. Takes an {@link NdArray} ((y, x), (z, y, x), (c, z, y, x), (t, c, z, y, x)), a
 * {@link ChunkSource} (read chunk by chunk, e.g. a ZarrArray), a lazy {@link ChunkedArray} (only
 * the chunks the view needs are computed) or an OME-Zarr multiscale {@link ZarrGroup} (the
 * largest level that fits the data budget). Never throws for bad input: the result then shows
 * a message saying why.
 */
public final class View {
    private View() {
    }

    public static VolumeView view(Object x) {
        return view(x, new ViewOptions());
    }

    public static VolumeView view(Object x, ViewOptions options) {
        ViewOptions o = options == null ? new ViewOptions() : options;
        try {
            return build(x, o);
        } catch (ViewException e) {
            return VolumeView.message("Cannot view this " + describe(x) + ": " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return VolumeView.message("Cannot view this " + describe(x) + ": " + e);
        }
    }

    /** The viewer's script as a {@code <script>} element, to send once per kernel session (then call the session's {@link ViewSession#markSent()}). */
    public static String bundleScript() {
        return ViewerBundle.scriptTag();
    }

    private static String describe(Object x) {
        if (x == null) return "null";
        if (x instanceof NdArray) return ((NdArray) x).dtype() + " array " + OmeImage.shapeString(longs(((NdArray) x).shape()));
        return x.getClass().getSimpleName();
    }

    private static long[] longs(int[] s) {
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i];
        return out;
    }

    private static VolumeView build(Object x, ViewOptions o) {
        if (x == null) throw new ViewException("nothing to view (null)");
        if (x instanceof NdArray) {
            NdArray a = (NdArray) x;
            return fromSource(new NdArrayChunkSource(a), a.dtype() + " array " + OmeImage.shapeString(longs(a.shape())), null, null, o);
        }
        if (x instanceof ChunkSource) {
            ChunkSource s = (ChunkSource) x;
            return fromSource(s, s.dtype() + " chunked array " + OmeImage.shapeString(s.shape())
                    + (s.location() != null ? " at " + s.location() : ""), null, null, o);
        }
        if (x instanceof ChunkedArray) return fromChunked((ChunkedArray) x, o);
        if (x instanceof ZarrGroup) return fromOme(OmeImage.open((ZarrGroup) x), o);
        throw new ViewException("view takes an NdArray, a ChunkSource (a ZarrArray), a ChunkedArray or an OME-Zarr image group (a ZarrGroup)");
    }

    private static VolumeView fromOme(OmeImage img, ViewOptions o) {
        int pick;
        if (o.level != null) {
            if (o.level < 0 || o.level >= img.levels.size()) throw new ViewException("level " + o.level + " does not exist: the image has levels 0.." + (img.levels.size() - 1));
            pick = o.level;
        } else {
            pick = img.levels.size() - 1;
            for (int i = 0; i < img.levels.size(); i++) {
                if (OmeImage.levelBytes(img.levels.get(i)) <= o.budgetBytes) { pick = i; break; }
            }
        }
        OmeImage.Level l = img.levels.get(pick);
        OmeImage.Level l0 = img.levels.get(0);
        double[] spacing = l.scaleZyx();
        if (spacing == null) {
            // v0.1-0.3: no transforms; the level's reduction against level 0 gives the voxel size
            long[] s0 = l0.source().shape(), s = l.source().shape();
            int[] axes = {l.layout().z(), l.layout().y(), l.layout().x()};
            spacing = new double[3];
            for (int i = 0; i < 3; i++) spacing[i] = axes[i] < 0 || s[axes[i]] == 0 ? 1 : (double) s0[axes[i]] / s[axes[i]];
        }
        String what = "OME-Zarr image" + (img.name != null ? " '" + img.name + "'" : "") + ", level " + pick + " (path '" + l.path() + "', shape "
                + OmeImage.shapeString(l.source().shape()) + ") of " + img.levels.size()
                + (pick > 0 ? " (level 0: " + OmeImage.shapeString(l0.source().shape()) + ")" : "");
        return fromLayout(l.source(), l.layout(), what, img.styles, spacing, o);
    }

    private static VolumeView fromSource(ChunkSource s, String what, ChannelStyle[] styles, double[] spacing, ViewOptions o) {
        long[] shape = s.shape();
        for (long d : shape) {
            if (d == 0) throw new ViewException("it is empty (a dimension of size 0)");
        }
        if (shape.length == 0) throw new ViewException("a 0-d array (a single number) is not an image");
        return fromLayout(s, Layout.byRank(shape), what, styles, spacing, o);
    }

    private static VolumeView fromLayout(ChunkSource s, Layout layout, String what, ChannelStyle[] styles, double[] spacing, ViewOptions o) {
        return fromLayout(s, layout, what, styles, spacing, o, o.t, Layout.size(s.shape(), layout.t()), new int[]{1, 1, 1});
    }

    /**
     * A lazy chunked array: slice it with a step (so its graph reads only the chunks that hold
     * kept voxels, one time point) and compute just that, never the whole array.
     */
    private static VolumeView fromChunked(ChunkedArray a, ViewOptions o) {
        long[] shape = a.shape();
        String what = "lazy " + a.dtype() + " chunked array " + OmeImage.shapeString(shape);
        for (long d : shape) {
            if (d == 0) throw new ViewException("it is empty (shape " + OmeImage.shapeString(shape) + ")");
        }
        Layout layout = Layout.byRank(shape);
        long tSize = Layout.size(shape, layout.t());
        if (o.t < 0 || o.t >= tSize) throw new ViewException("time point " + o.t + " does not exist: the image has " + tSize);
        int[] f = DownsamplePlan.factors(Layout.size(shape, layout.c()), Layout.size(shape, layout.z()),
                Layout.size(shape, layout.y()), Layout.size(shape, layout.x()), o.budgetBytes);
        Object[] index = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (i == layout.t()) index[i] = ChunkedArray.range(o.t, o.t + 1);
            else if (i == layout.z()) index[i] = ChunkedArray.range(null, null, f[0]);
            else if (i == layout.y()) index[i] = ChunkedArray.range(null, null, f[1]);
            else if (i == layout.x()) index[i] = ChunkedArray.range(null, null, f[2]);
            else index[i] = ChunkedArray.ALL;
        }
        NdArray part = a.get(index).compute();
        if (f[0] > 1 || f[1] > 1 || f[2] > 1) {
            what += String.format(Locale.ROOT, "; sliced with step (z %d, y %d, x %d) before computing, to fit the budget of %s", f[0], f[1], f[2], bytes(o.budgetBytes));
        } else {
            what += " (computed)";
        }
        NdArrayChunkSource src = new NdArrayChunkSource(part);
        return fromLayout(src, Layout.byRank(src.shape()), what, null, null, o, 0, tSize, f);
    }

    private static VolumeView fromLayout(ChunkSource s, Layout layout, String what, ChannelStyle[] styles, double[] spacing, ViewOptions o,
                                         int t, long tTotal, int[] preFactors) {
        long[] shape = s.shape();
        for (long d : shape) {
            if (d == 0) throw new ViewException("it is empty (shape " + OmeImage.shapeString(shape) + ")");
        }
        if (s.dtype().isComplex()) what += " (real part)";
        VolumeReader reader = new VolumeReader(s, layout);
        long nc = reader.channels();
        long[] zyx = reader.zyx();
        long tSize = Layout.size(shape, layout.t());
        if (t < 0 || t >= tSize) throw new ViewException("time point " + t + " does not exist: the image has " + tSize);
        int[] f = DownsamplePlan.factors(nc, zyx[0], zyx[1], zyx[2], o.budgetBytes);
        Volume v = reader.read(f, o.pooling, t);
        ViewData d = Quantizer.quantize(v, mergeStyles(styles, o, (int) nc));

        List<String> notes = new ArrayList<>();
        if (tTotal > 1) notes.add("Showing time point t=" + o.t + " of " + tTotal + " (ViewOptions.t).");
        for (int c = 0; c < d.channels(); c++) {
            String name = d.names[c];
            if (d.nanCount[c] > 0) notes.add(name + ": " + d.nanCount[c] + " voxels are NaN (shown as the minimum).");
            if (d.constant[c]) notes.add(name + ": every voxel is " + fmt(d.range[c][0]) + " (constant).");
            else if (d.nanCount[c] == (long) d.nz * d.ny * d.nx) notes.add(name + ": every voxel is NaN: nothing to show.");
        }
        String size = bytes(d.bytes());
        String factors = v.downsampled()
                ? String.format(Locale.ROOT, "; downsampled by (z %d, y %d, x %d) with %s pooling to fit the budget of %s",
                f[0], f[1], f[2], o.pooling.name().toLowerCase(Locale.ROOT), bytes(o.budgetBytes))
                : "";
        String label = what + factors + ": shown as (c " + d.channels() + ", z " + d.nz + ", y " + d.ny + ", x " + d.nx + "), "
                + size + " of uint8 voxels (each channel's range mapped to 0-255).";
        String note = String.join(" ", notes);

        double[] sp = o.spacing != null ? o.spacing.clone() : spacing != null ? spacing.clone() : new double[]{1, 1, 1};
        for (int i = 0; i < 3; i++) sp[i] *= f[i] * preFactors[i];
        byte[] png = MipRenderer.png(MipRenderer.resized(MipRenderer.image(d, o.colormap)));
        String text = "View of " + label + (note.isEmpty() ? "" : " " + note);

        if (d.nz == 1) {
            // a 2-d image: a picture says it all
            return VolumeView.picture(text.replace("View of", "Image of"), ViewHtml.image(png, label + (note.isEmpty() ? "" : " " + note), o.title), png);
        }
        ViewHtml.Parts html = ViewHtml.render(d, sp, shortLabel(what, new int[]{f[0] * preFactors[0], f[1] * preFactors[1], f[2] * preFactors[2]}),
                note.isEmpty() ? label : label + " " + note, o, png);
        return VolumeView.interactive(text, html, png, o.embedBundle);
    }

    private static String shortLabel(String what, int[] f) {
        String s = what.contains(";") ? what.substring(0, what.indexOf(';')) : what;
        s = s.length() > 90 ? s.substring(0, 87) + "..." : s;
        boolean reduced = f[0] > 1 || f[1] > 1 || f[2] > 1;
        return reduced ? s + String.format(Locale.ROOT, ", reduced by (z %d, y %d, x %d)", f[0], f[1], f[2]) : s;
    }

    private static ChannelStyle[] mergeStyles(ChannelStyle[] fromData, ViewOptions o, int channels) {
        ChannelStyle[] out = new ChannelStyle[channels];
        for (int c = 0; c < channels; c++) {
            ChannelStyle base = fromData != null && c < fromData.length ? fromData[c] : null;
            ChannelStyle over = o.channels.get(c);
            if (over == null) { out[c] = base; continue; }
            out[c] = new ChannelStyle(base != null ? base.name() : null,
                    over.rgb() != null ? over.rgb() : base != null ? base.rgb() : null,
                    over.start() != null ? over.start() : base != null ? base.start() : null,
                    over.end() != null ? over.end() : base != null ? base.end() : null,
                    base == null || base.visible());
        }
        return out;
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
