package frontier.viewer;

import frontier.array.ChunkSource;
import frontier.array.NdArray;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An OME-Zarr multiscale image seen through a Zarr group object: its pyramid levels (each a
 * chunked array, read lazily) with axis roles and voxel scales, and the omero channel styles.
 * The group is used by reflection: attributes from attrs()/attributes(), levels from
 * openArray(path)/array(path)/get(path) (anything that is or gives a {@link ChunkSource}).
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

    /** The group's attributes as a map, or null if the object has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Object group) {
        Object a = Reflect.get(group, "attrs", "attributes", "getAttributes", "userAttributes");
        if (a instanceof Map) return (Map<String, Object>) a;
        if (a != null) {
            Object m = Reflect.get(a, "asMap", "toMap", "map");
            if (m instanceof Map) return (Map<String, Object>) m;
        }
        return null;
    }

    /** The OME block of attributes (v0.5 nests it under "ome"). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> omeBlock(Map<String, Object> attrs) {
        if (attrs == null) return null;
        if (attrs.get("multiscales") != null) return attrs;
        Object ome = attrs.get("ome");
        if (ome instanceof Map && ((Map<String, Object>) ome).get("multiscales") != null) return (Map<String, Object>) ome;
        return null;
    }

    static boolean isMultiscale(Object o) {
        if (o instanceof NdArray || o instanceof ChunkSource || o == null) return false;
        try {
            return omeBlock(attributes(o)) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static OmeImage open(Object group) {
        Map<String, Object> ome = omeBlock(attributes(group));
        if (ome == null) throw new ViewException("the group has no 'multiscales' attributes: not an OME-Zarr image");
        Object msList = ome.get("multiscales");
        if (!(msList instanceof List) || ((List<?>) msList).isEmpty() || !(((List<?>) msList).get(0) instanceof Map)) {
            throw new ViewException("'multiscales' in the group's attributes is not a non-empty list of objects");
        }
        Map<String, Object> ms = (Map<String, Object>) ((List<?>) msList).get(0);
        Object ds = ms.get("datasets");
        if (!(ds instanceof List) || ((List<?>) ds).isEmpty()) throw new ViewException("multiscales[0].datasets is missing or empty");
        List<String> axisNames = axisNames(ms.get("axes") != null ? ms.get("axes") : intrinsicAxes(ms));
        List<Level> levels = new ArrayList<>();
        for (Object d : (List<?>) ds) {
            if (!(d instanceof Map) || !(((Map<?, ?>) d).get("path") instanceof String)) {
                throw new ViewException("multiscales[0].datasets holds an entry without a 'path': " + d);
            }
            String path = (String) ((Map<?, ?>) d).get("path");
            ChunkSource src = openLevel(group, path);
            long[] shape = src.shape();
            Layout layout = Layout.byNames(axisNames, shape);
            levels.add(new Level(path, src, layout, scale((Map<String, Object>) d, layout)));
        }
        return new OmeImage(ms.get("name") instanceof String ? (String) ms.get("name") : null, levels, styles(ome.get("omero")));
    }

    /**
     * NGFF 0.6: the axes of the intrinsic coordinate system, the one the first dataset's transform
     * outputs to (the first coordinate system when it names none).
     */
    private static Object intrinsicAxes(Map<String, Object> ms) {
        if (!(ms.get("coordinateSystems") instanceof List<?> systems) || systems.isEmpty()) return null;
        String out = null;
        if (ms.get("datasets") instanceof List<?> ds && !ds.isEmpty() && ds.get(0) instanceof Map<?, ?> d0
                && d0.get("coordinateTransformations") instanceof List<?> cts && !cts.isEmpty() && cts.get(0) instanceof Map<?, ?> t0
                && t0.get("output") instanceof Map<?, ?> o && o.get("name") instanceof String n) {
            out = n;
        }
        Object axes = systems.get(0) instanceof Map<?, ?> s0 ? s0.get("axes") : null;
        for (Object cs : systems) {
            if (cs instanceof Map<?, ?> m && out != null && out.equals(m.get("name"))) axes = m.get("axes");
        }
        return axes;
    }

    private static List<String> axisNames(Object axes) {
        if (!(axes instanceof List)) return null;
        List<String> names = new ArrayList<>();
        for (Object a : (List<?>) axes) {
            if (a instanceof String) names.add((String) a);
            else if (a instanceof Map && ((Map<?, ?>) a).get("name") instanceof String) names.add((String) ((Map<?, ?>) a).get("name"));
            else return null;
        }
        return names;
    }

    /** v0.4+: the dataset's "scale" transform (0.6: also inside a "sequence"), picked out for (z, y, x); null when absent. */
    private static double[] scale(Map<String, Object> dataset, Layout layout) {
        return scale(dataset.get("coordinateTransformations"), layout);
    }

    private static double[] scale(Object cts, Layout layout) {
        if (!(cts instanceof List)) return null;
        for (Object ct : (List<?>) cts) {
            if (ct instanceof Map && "sequence".equals(((Map<?, ?>) ct).get("type"))) {
                double[] inner = scale(((Map<?, ?>) ct).get("transformations"), layout);
                if (inner != null) return inner;
                continue;
            }
            if (ct instanceof Map && "scale".equals(((Map<?, ?>) ct).get("type")) && ((Map<?, ?>) ct).get("scale") instanceof List) {
                List<?> s = (List<?>) ((Map<?, ?>) ct).get("scale");
                if (s.size() != layout.ndim()) return null;
                double[] out = new double[3];
                int[] axes = {layout.z(), layout.y(), layout.x()};
                for (int i = 0; i < 3; i++) out[i] = axes[i] < 0 ? 1 : ((Number) s.get(axes[i])).doubleValue();
                return out;
            }
        }
        return null;
    }

    private static ChunkSource openLevel(Object group, String path) {
        Method m = Reflect.find(group, new Class<?>[]{String.class}, "openArray", "array", "getArray", "open", "get");
        if (m == null) throw new ViewException("cannot open level '" + path + "': the group " + group.getClass().getName() + " has no openArray(String)");
        Object a = Reflect.call(m, group, path);
        if (a instanceof ChunkSource) return (ChunkSource) a;
        Object src = a == null ? null : Reflect.get(a, "chunkSource", "source", "asChunkSource");
        if (src instanceof ChunkSource) return (ChunkSource) src;
        throw new ViewException("level '" + path + "' opened as " + (a == null ? "null" : a.getClass().getName()) + ", which is not a chunked array");
    }

    @SuppressWarnings("unchecked")
    private static ChannelStyle[] styles(Object omero) {
        if (!(omero instanceof Map) || !(((Map<?, ?>) omero).get("channels") instanceof List)) return null;
        List<?> chans = (List<?>) ((Map<?, ?>) omero).get("channels");
        ChannelStyle[] out = new ChannelStyle[chans.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(chans.get(i) instanceof Map)) continue;
            Map<String, Object> c = (Map<String, Object>) chans.get(i);
            Double start = null, end = null;
            if (c.get("window") instanceof Map) {
                Map<String, Object> w = (Map<String, Object>) c.get("window");
                start = w.get("start") instanceof Number ? ((Number) w.get("start")).doubleValue() : null;
                end = w.get("end") instanceof Number ? ((Number) w.get("end")).doubleValue() : null;
            }
            String label = c.get("label") instanceof String ? (String) c.get("label") : null;
            float[] rgb = ChannelStyle.parseHex(c.get("color") instanceof String ? (String) c.get("color") : null);
            boolean active = !(c.get("active") instanceof Boolean) || (Boolean) c.get("active");
            out[i] = new ChannelStyle(label, rgb, start, end, active);
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
