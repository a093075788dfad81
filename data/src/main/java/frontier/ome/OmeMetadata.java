package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.zarr.ZarrGroup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NGFF metadata of one group's {@code .zattrs}, parsed and checked. Parsing names the file
 * and the JSON path at fault ("multiscales[0].datasets[1] has no 'path'") instead of failing
 * later with "not a zarr: None" (ome-zarr-py #102, #96). Unknown keys are ignored; the
 * {@code omero} block is informative only, so its faults become {@link #warnings()}.
 */
public final class OmeMetadata {
    /** NGFF versions of the Zarr v2 line, as ome-zarr-py knows them. */
    public static final List<String> VERSIONS = List.of("0.1", "0.2", "0.3", "0.4");
    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode attrs;
    private final String where;
    private final List<String> warnings = new ArrayList<>();
    private List<Multiscale> multiscales;
    private Omero omero;
    private List<String> labels;
    private ImageLabel imageLabel;
    private Plate plate;
    private Well well;
    private Integer bioformats2rawLayout;

    private OmeMetadata(JsonNode attrs, String where) {
        this.attrs = attrs == null || attrs.isNull() ? JSON.createObjectNode() : attrs;
        this.where = where;
    }

    /** Parses .zattrs; where names the file for messages (e.g. its URL). */
    public static OmeMetadata parse(JsonNode attrs, String where) throws OmeException {
        OmeMetadata m = new OmeMetadata(attrs, where);
        if (!m.attrs.isObject()) throw m.bad("", "is " + kind(m.attrs) + ", expected a JSON object");
        m.parseAll();
        return m;
    }

    /**
     * The NGFF metadata of an opened Zarr group: its attributes (.zattrs, or zarr.json's), which
     * NGFF 0.5 keeps under "ome" (unwrapped here until {@link #parse} reads that block itself).
     */
    @SuppressWarnings("unchecked")
    public static OmeMetadata of(ZarrGroup group) throws IOException, OmeException {
        Map<String, Object> attrs = group.attrs();
        if (attrs.get("ome") instanceof Map && !attrs.containsKey("multiscales")) attrs = (Map<String, Object>) attrs.get("ome");
        String file = group.zarrFormat() == 3 ? "zarr.json" : ".zattrs";
        return parse(JSON.valueToTree(attrs), group.store().locate(group.path().isEmpty() ? file : group.path() + "/" + file));
    }

    public JsonNode attrs() {
        return attrs;
    }

    public boolean has(String key) {
        return attrs.has(key);
    }

    public List<Multiscale> multiscales() {
        return multiscales;
    }

    public Multiscale multiscale() {
        return multiscales == null || multiscales.isEmpty() ? null : multiscales.get(0);
    }

    public Omero omero() {
        return omero;
    }

    /** Names listed by a {@code labels} group, or null. */
    public List<String> labels() {
        return labels;
    }

    public ImageLabel imageLabel() {
        return imageLabel;
    }

    public Plate plate() {
        return plate;
    }

    public Well well() {
        return well;
    }

    public Integer bioformats2rawLayout() {
        return bioformats2rawLayout;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * The NGFF version as ome-zarr-py detects it: multiscales[0].version, else that of plate,
     * well or image-label; null when none says.
     */
    public String version() {
        JsonNode ms = attrs.get("multiscales");
        if (ms != null && ms.isArray() && ms.size() > 0) {
            JsonNode v = ms.get(0).get("version");
            return v == null || v.isNull() ? null : v.asText();
        }
        for (String k : List.of("plate", "well", "image-label")) {
            JsonNode n = attrs.get(k);
            if (n != null && n.has("version")) return n.get("version").asText();
        }
        return null;
    }

    private void parseAll() throws OmeException {
        if (attrs.has("multiscales")) multiscales = parseMultiscales(attrs.get("multiscales"));
        if (attrs.has("omero")) {
            try {
                omero = parseOmero(attrs.get("omero"));
            } catch (OmeException e) {
                warnings.add(e.getMessage());
            }
        }
        if (attrs.has("labels")) labels = parseLabels(attrs.get("labels"));
        if (attrs.has("image-label")) imageLabel = parseImageLabel(attrs.get("image-label"));
        if (attrs.has("plate")) plate = parsePlate(attrs.get("plate"));
        if (attrs.has("well")) well = parseWell(attrs.get("well"));
        JsonNode b2r = attrs.get("bioformats2raw.layout");
        if (b2r != null) {
            if (!b2r.isInt()) throw bad("bioformats2raw.layout", "is " + kind(b2r) + ", expected an integer (3)");
            bioformats2rawLayout = b2r.asInt();
        }
    }

    private List<Multiscale> parseMultiscales(JsonNode ms) throws OmeException {
        if (!ms.isArray()) throw bad("multiscales", "is " + kind(ms) + ", expected a list of objects");
        if (ms.size() == 0) throw bad("multiscales", "is an empty list");
        List<Multiscale> out = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            String p = "multiscales[" + i + "]";
            JsonNode m = ms.get(i);
            if (!m.isObject()) throw bad(p, "is " + kind(m) + ", expected an object");
            String version = m.has("version") ? text(m.get("version"), p + ".version") : "0.1";
            if (!VERSIONS.contains(version)) {
                throw bad(p + ".version", "is '" + version + "', not a known NGFF version " + VERSIONS
                        + ("0.5".equals(version) ? " (0.5 is Zarr v3)" : ""));
            }
            List<Axis> axes = parseAxes(m.get("axes"), version, p + ".axes");
            JsonNode ds = m.get("datasets");
            if (ds == null) throw bad(p, "has no 'datasets'");
            if (!ds.isArray()) throw bad(p + ".datasets", "is " + kind(ds) + ", expected a list");
            if (ds.size() == 0) throw bad(p + ".datasets", "is an empty list: the image has no pyramid levels");
            List<Dataset> datasets = new ArrayList<>();
            for (int j = 0; j < ds.size(); j++) {
                String dp = p + ".datasets[" + j + "]";
                JsonNode d = ds.get(j);
                if (!d.isObject()) throw bad(dp, "is " + kind(d) + ", expected an object with a 'path'");
                if (!d.has("path")) throw bad(dp, "has no 'path'");
                String path = relativePath(d.get("path"), dp + ".path");
                List<CoordinateTransformation> ct = d.has("coordinateTransformations")
                        ? parseTransforms(d.get("coordinateTransformations"), dp + ".coordinateTransformations", axes.size()) : null;
                if (ct == null && "0.4".equals(version)) {
                    warn(dp, "has no 'coordinateTransformations' (required since NGFF 0.4)");
                }
                datasets.add(new Dataset(path, ct));
            }
            List<CoordinateTransformation> ct = m.has("coordinateTransformations")
                    ? parseTransforms(m.get("coordinateTransformations"), p + ".coordinateTransformations", axes.size()) : null;
            String name = m.has("name") && !m.get("name").isNull() ? m.get("name").asText() : null;
            String type = m.has("type") && !m.get("type").isNull() ? m.get("type").asText() : null;
            @SuppressWarnings("unchecked")
            Map<String, Object> md = m.has("metadata") ? JSON.convertValue(m.get("metadata"), Map.class) : null;
            out.add(new Multiscale(version, name, axes, datasets, ct, type, md));
        }
        return out;
    }

    /** Axes as ome-zarr-py's Axes class reads and validates them. */
    private List<Axis> parseAxes(JsonNode axes, String version, String p) throws OmeException {
        List<Axis> out = new ArrayList<>();
        if (axes == null || axes.isNull()) {
            if (version.equals("0.1") || version.equals("0.2")) {
                for (String n : List.of("t", "c", "z", "y", "x")) out.add(Axis.ofName(n));
                return out;
            }
            throw bad(p.substring(0, p.length() - 5), "has no 'axes' (required since NGFF 0.3)");
        }
        if (!axes.isArray()) throw bad(p, "is " + kind(axes) + ", expected a list");
        for (int i = 0; i < axes.size(); i++) {
            JsonNode a = axes.get(i);
            if (a.isTextual()) {
                out.add(Axis.ofName(a.asText()));
            } else if (a.isObject()) {
                if (!a.has("name")) throw bad(p + "[" + i + "]", "has no 'name'");
                String name = text(a.get("name"), p + "[" + i + "].name");
                String type = a.has("type") && !a.get("type").isNull() ? a.get("type").asText() : null;
                String unit = a.has("unit") && !a.get("unit").isNull() ? a.get("unit").asText() : null;
                out.add(new Axis(name, type, unit));
            } else {
                throw bad(p + "[" + i + "]", "is " + kind(a) + ", expected a name or an object with a 'name'");
            }
        }
        if (version.equals("0.1") || version.equals("0.2")) return out;
        if (out.size() < 2 || out.size() > 5) throw bad(p, "has " + out.size() + " axes, expected 2 to 5");
        List<String> names = out.stream().map(Axis::name).toList();
        if (version.equals("0.3")) {
            Set<List<String>> ok = Set.of(List.of("y", "x"), List.of("z", "y", "x"), List.of("c", "y", "x"),
                    List.of("t", "y", "x"), List.of("t", "z", "y", "x"), List.of("c", "z", "y", "x"),
                    List.of("t", "c", "y", "x"), List.of("t", "c", "z", "y", "x"));
            if (!ok.contains(names)) throw bad(p, "are " + names + ", not an order NGFF 0.3 allows (e.g. [t, c, z, y, x])");
            return out;
        }
        // 0.4 rules (ome-zarr-py's _validate_axes_types).
        List<String> types = out.stream().map(a -> a.type() == null ? "" : a.type()).toList();
        List<String> unknown = types.stream().filter(t -> !Set.of("space", "time", "channel").contains(t)).toList();
        if (unknown.size() > 1) throw bad(p, "have " + unknown.size() + " axes of unknown type " + unknown + "; at most 1 is allowed");
        if (types.lastIndexOf("time") > 0) throw bad(p, "put 'time' at index " + types.lastIndexOf("time") + "; it must be the first axis");
        if (types.stream().filter("channel"::equals).count() > 1) throw bad(p, "have more than one axis of type 'channel'");
        if (types.contains("channel") && types.contains("space") && types.lastIndexOf("channel") > types.indexOf("space")) {
            throw bad(p, "put the 'channel' axis after a 'space' axis; space axes must come last");
        }
        long space = types.stream().filter("space"::equals).count();
        if (space < 2 || space > 3) warn(p, "have " + space + " axes of type 'space', expected 2 or 3");
        return out;
    }

    private List<CoordinateTransformation> parseTransforms(JsonNode ct, String p, int ndim) throws OmeException {
        if (!ct.isArray()) throw bad(p, "is " + kind(ct) + ", expected a list");
        List<CoordinateTransformation> out = new ArrayList<>();
        for (int i = 0; i < ct.size(); i++) {
            String tp = p + "[" + i + "]";
            JsonNode t = ct.get(i);
            if (!t.isObject() || !t.has("type")) throw bad(tp, "has no 'type' (scale, translation or identity)");
            String type = t.get("type").asText();
            List<Double> scale = null;
            List<Double> translation = null;
            String path = t.has("path") ? t.get("path").asText() : null;
            switch (type) {
                case "scale" -> {
                    if (path == null) scale = numbers(t.get("scale"), tp + ".scale", ndim);
                }
                case "translation" -> {
                    if (path == null) translation = numbers(t.get("translation"), tp + ".translation", ndim);
                }
                case "identity" -> {
                }
                default -> throw bad(tp + ".type", "is '" + type + "', expected scale, translation or identity");
            }
            out.add(new CoordinateTransformation(type, scale, translation, path));
        }
        return out;
    }

    private List<Double> numbers(JsonNode n, String p, int ndim) throws OmeException {
        if (n == null || !n.isArray()) throw bad(p, n == null ? "is missing" : "is " + kind(n) + ", expected a list of numbers");
        List<Double> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isNumber()) throw bad(p, "holds " + kind(x) + ", expected numbers only");
            out.add(x.asDouble());
        }
        if (ndim > 0 && out.size() != ndim) throw bad(p, "has " + out.size() + " values for " + ndim + " axes");
        return out;
    }

    private Omero parseOmero(JsonNode o) throws OmeException {
        if (!o.isObject()) throw bad("omero", "is " + kind(o) + ", expected an object");
        List<Omero.Channel> channels = new ArrayList<>();
        JsonNode ch = o.get("channels");
        if (ch != null && !ch.isNull()) {
            if (!ch.isArray()) throw bad("omero.channels", "is " + kind(ch) + ", expected a list");
            for (int i = 0; i < ch.size(); i++) {
                JsonNode c = ch.get(i);
                String p = "omero.channels[" + i + "]";
                if (!c.isObject()) throw bad(p, "is " + kind(c) + ", expected an object");
                String color = c.has("color") && !c.get("color").isNull() ? c.get("color").asText() : null;
                if (color != null && !color.matches("[0-9A-Fa-f]{6}")) throw bad(p + ".color", "is '" + color + "', expected 6 hex digits like 'FF0000'");
                Omero.Window w = null;
                JsonNode wn = c.get("window");
                if (wn != null && wn.isObject()) {
                    w = new Omero.Window(dbl(wn, "start"), dbl(wn, "end"), dbl(wn, "min"), dbl(wn, "max"));
                }
                channels.add(new Omero.Channel(str(c, "label"), color, bool(c, "active"), w, str(c, "family"),
                        dbl(c, "coefficient"), bool(c, "inverted")));
            }
        }
        Omero.RenderingDefaults rdefs = null;
        JsonNode r = o.get("rdefs");
        if (r != null && r.isObject()) {
            rdefs = new Omero.RenderingDefaults(r.has("defaultT") ? r.get("defaultT").asInt() : null,
                    r.has("defaultZ") ? r.get("defaultZ").asInt() : null, str(r, "model"));
        }
        Object id = o.has("id") ? JSON.convertValue(o.get("id"), Object.class) : null;
        return new Omero(id, str(o, "name"), str(o, "version"), channels, rdefs);
    }

    private List<String> parseLabels(JsonNode l) throws OmeException {
        if (!l.isArray()) throw bad("labels", "is " + kind(l) + ", expected a list of label names");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) out.add(relativePath(l.get(i), "labels[" + i + "]"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private ImageLabel parseImageLabel(JsonNode il) throws OmeException {
        if (!il.isObject()) throw bad("image-label", "is " + kind(il) + ", expected an object");
        List<ImageLabel.LabelColor> colors = new ArrayList<>();
        JsonNode cs = il.get("colors");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) throw bad("image-label.colors", "is " + kind(cs) + ", expected a list");
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                String p = "image-label.colors[" + i + "]";
                if (!c.isObject() || !c.has("label-value")) throw bad(p, "has no 'label-value'");
                JsonNode v = c.get("label-value");
                if (!v.isIntegralNumber() && !v.isBoolean()) throw bad(p + ".label-value", "is " + kind(v) + ", expected an integer");
                List<Integer> rgba = null;
                if (c.has("rgba") && !c.get("rgba").isNull()) {
                    JsonNode rn = c.get("rgba");
                    if (!rn.isArray() || rn.size() != 4) throw bad(p + ".rgba", "is not a list of 4 integers 0-255");
                    rgba = new ArrayList<>();
                    for (JsonNode x : rn) {
                        if (!x.isNumber() || x.asInt() < 0 || x.asInt() > 255) throw bad(p + ".rgba", "holds " + x + ", expected integers 0-255");
                        rgba.add(x.asInt());
                    }
                }
                colors.add(new ImageLabel.LabelColor(v.isBoolean() ? v.asBoolean() : v.asLong(), rgba));
            }
        }
        List<Map<String, Object>> props = new ArrayList<>();
        JsonNode ps = il.get("properties");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) throw bad("image-label.properties", "is " + kind(ps) + ", expected a list");
            for (int i = 0; i < ps.size(); i++) {
                if (!ps.get(i).isObject() || !ps.get(i).has("label-value")) throw bad("image-label.properties[" + i + "]", "has no 'label-value'");
                props.add(JSON.convertValue(ps.get(i), LinkedHashMap.class));
            }
        }
        String source = null;
        JsonNode s = il.get("source");
        if (s != null && s.isObject() && s.has("image") && !s.get("image").isNull()) source = s.get("image").asText();
        return new ImageLabel(str(il, "version"), colors, props, source);
    }

    private Plate parsePlate(JsonNode p) throws OmeException {
        if (!p.isObject()) throw bad("plate", "is " + kind(p) + ", expected an object");
        List<String> rows = names(p.get("rows"), "plate.rows");
        List<String> cols = names(p.get("columns"), "plate.columns");
        JsonNode ws = p.get("wells");
        if (ws == null || !ws.isArray()) throw bad("plate", "has no list of 'wells'");
        if (ws.size() == 0) throw bad("plate.wells", "is an empty list");
        List<Plate.WellRef> wells = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            JsonNode w = ws.get(i);
            if (!w.isObject() || !w.has("path")) throw bad("plate.wells[" + i + "]", "has no 'path'");
            Integer ri = w.has("rowIndex") ? w.get("rowIndex").asInt() : null;
            Integer ci = w.has("columnIndex") ? w.get("columnIndex").asInt() : null;
            if (ri != null && (ri < 0 || ri >= rows.size())) throw bad("plate.wells[" + i + "].rowIndex", "is " + ri + " but the plate has " + rows.size() + " rows");
            if (ci != null && (ci < 0 || ci >= cols.size())) throw bad("plate.wells[" + i + "].columnIndex", "is " + ci + " but the plate has " + cols.size() + " columns");
            wells.add(new Plate.WellRef(relativePath(w.get("path"), "plate.wells[" + i + "].path"), ri, ci));
        }
        List<Plate.Acquisition> acq = new ArrayList<>();
        JsonNode as = p.get("acquisitions");
        if (as != null && as.isArray()) {
            for (JsonNode a : as) {
                acq.add(new Plate.Acquisition(a.has("id") ? JSON.convertValue(a.get("id"), Object.class) : null, str(a, "name"),
                        a.has("maximumfieldcount") ? a.get("maximumfieldcount").asInt() : null));
            }
        }
        return new Plate(str(p, "version"), str(p, "name"), rows, cols, wells, acq,
                p.has("field_count") ? p.get("field_count").asInt() : null);
    }

    private List<String> names(JsonNode n, String p) throws OmeException {
        if (n == null || !n.isArray()) throw bad(p, n == null ? "is missing" : "is " + kind(n) + ", expected a list of {name}");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode x = n.get(i);
            if (!x.isObject() || !x.has("name")) throw bad(p + "[" + i + "]", "has no 'name'");
            out.add(x.get("name").asText());
        }
        return out;
    }

    private Well parseWell(JsonNode w) throws OmeException {
        if (!w.isObject()) throw bad("well", "is " + kind(w) + ", expected an object");
        JsonNode is = w.get("images");
        if (is == null || !is.isArray()) throw bad("well", "has no list of 'images'");
        if (is.size() == 0) throw bad("well.images", "is an empty list");
        List<Well.Image> images = new ArrayList<>();
        for (int i = 0; i < is.size(); i++) {
            JsonNode im = is.get(i);
            if (!im.isObject() || !im.has("path")) throw bad("well.images[" + i + "]", "has no 'path'");
            images.add(new Well.Image(relativePath(im.get("path"), "well.images[" + i + "].path"),
                    im.has("acquisition") ? JSON.convertValue(im.get("acquisition"), Object.class) : null));
        }
        return new Well(str(w, "version"), images);
    }

    /** A path the walk will follow (a dataset, a label, a well, a field image), checked before any request uses it. */
    private String relativePath(JsonNode n, String p) throws OmeException {
        String path = text(n, p);
        String why = whyNotRelative(path);
        if (why != null) {
            throw new OmeException("invalid OME-Zarr metadata in " + where + ": refusing " + p + " = '"
                    + frontier.text.TerminalText.escape(path) + "': not a relative path of plain names (" + why + ")");
        }
        return path;
    }

    /**
     * Why a path from metadata is not a relative path of plain names ("a", "A/1"), or null when it is:
     * absolute paths, URLs, '..', '.', empty segments, backslashes and NUL are refused, so that a name
     * can neither climb out of the image nor reach another host. (Other control characters are legal in
     * file names; they are escaped when printed.)
     */
    static String whyNotRelative(String path) {
        if (path.isEmpty()) return "it is empty";
        if (path.startsWith("/") || path.matches("^[a-zA-Z]:.*")) return "it is absolute";
        if (path.contains("\\")) return "it contains a backslash";
        if (path.indexOf('\0') >= 0) return "it contains a NUL character";
        for (String seg : path.split("/", -1)) {
            if (seg.equals("..")) return "it contains '..'";
            if (seg.isEmpty() || seg.equals(".")) return "it has an empty or '.' segment";
        }
        return null;
    }

    private String text(JsonNode n, String p) throws OmeException {
        if (n == null || n.isNull()) throw bad(p, "is missing");
        if (n.isTextual()) return n.asText();
        if (n.isNumber()) return n.asText(); // "version": 0.1 written as a number by old tools
        throw bad(p, "is " + kind(n) + ", expected a string");
    }

    private static String str(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double dbl(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Boolean bool(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "a list";
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private void warn(String jsonPath, String what) {
        warnings.add(where + ": " + jsonPath + " " + what);
    }

    private OmeException bad(String jsonPath, String what) {
        return new OmeException("invalid OME-Zarr metadata in " + where + ": "
                + (jsonPath.isEmpty() ? "the content " : jsonPath + " ") + what);
    }
}
