package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.ome.CoordinateTransformation;
import frontier.ome.Dataset;
import frontier.ome.Multiscale;
import frontier.ome.OmeException;
import frontier.ome.OmeMetadata;
import frontier.ome.Omero;
import frontier.zarr.ZarrGroup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An OME-Zarr multiscale image: its pyramid levels (each a chunked array of the group, read
 * lazily) with axis roles and voxel scales, and the omero channel styles, all from the group's
 * {@link OmeMetadata}.
 */
final class OmeImage {
    record Level(String path, ChunkSource source, Layout layout, double[] scaleZyx) {
    }

    final String name;
    final List<Level> levels;
    final ChannelStyle[] styles;

    private OmeImage(String name, List<Level> levels, ChannelStyle[] styles) {
        this.name = name;
        this.levels = levels;
        this.styles = styles;
    }

    static OmeImage open(ZarrGroup group) {
        OmeMetadata md;
        try {
            md = OmeMetadata.of(group);
        } catch (OmeException e) {
            throw new ViewException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ViewException("cannot read the attributes of " + group + ": " + e.getMessage(), e);
        }
        Multiscale ms = md.multiscale();
        if (ms == null) throw new ViewException("the group has no 'multiscales' attributes: not an OME-Zarr image");
        List<Level> levels = new ArrayList<>();
        for (Dataset d : ms.datasets()) {
            ChunkSource src;
            try {
                src = group.get(d.path());
            } catch (IOException e) {
                throw new ViewException("cannot open level '" + d.path() + "': " + e.getMessage(), e);
            }
            Layout layout = Layout.byNames(ms.axisNames(), src.shape());
            levels.add(new Level(d.path(), src, layout, scale(d, layout)));
        }
        return new OmeImage(ms.name(), levels, styles(md.omero()));
    }

    /** v0.4+: the dataset's "scale" transform, picked out for (z, y, x); null when absent. */
    private static double[] scale(Dataset dataset, Layout layout) {
        if (dataset.coordinateTransformations() == null) return null;
        for (CoordinateTransformation ct : dataset.coordinateTransformations()) {
            if (!"scale".equals(ct.type()) || ct.scale() == null) continue;
            List<Double> s = ct.scale();
            if (s.size() != layout.ndim()) return null;
            double[] out = new double[3];
            int[] axes = {layout.z(), layout.y(), layout.x()};
            for (int i = 0; i < 3; i++) out[i] = axes[i] < 0 ? 1 : s.get(axes[i]);
            return out;
        }
        return null;
    }

    private static ChannelStyle[] styles(Omero omero) {
        if (omero == null) return null;
        List<Omero.Channel> chans = omero.channels();
        ChannelStyle[] out = new ChannelStyle[chans.size()];
        for (int i = 0; i < out.length; i++) {
            Omero.Channel c = chans.get(i);
            Omero.Window w = c.window();
            out[i] = new ChannelStyle(c.label(), ChannelStyle.parseHex(c.color()), w == null ? null : w.start(), w == null ? null : w.end(),
                    !Boolean.FALSE.equals(c.active()));
        }
        return out;
    }

    /** Voxel bytes of one time point of a level (all channels, one byte each). */
    static long levelBytes(Level l) {
        long[] s = l.source().shape();
        Layout y = l.layout();
        return Layout.size(s, y.c()) * Layout.size(s, y.z()) * Layout.size(s, y.y()) * Layout.size(s, y.x());
    }

    static String shapeString(long[] s) {
        return Arrays.toString(s).replace('[', '(').replace(']', ')');
    }
}
