package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import frontier.ome.ValidationReport.Finding;
import frontier.text.TerminalText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ome_zarr validate}: checks a group's NGFF metadata against the JSON schemas of the version
 * it declares (0.4, 0.5, 0.6rc0; the schema for each kind of metadata present, as ome-ngff-validator
 * picks them: multiscales, plate, well, image-label, scene, bioformats2raw.layout, series), and for
 * 0.1-0.3, which publish none, against the rules of their spec text (the parser's checks). Strict
 * adds the spec's SHOULD rules: the strict_*.schema where a version has one (as ome-zarr-py's
 * {@code validate --strict} did), and for 0.1-0.3 a multiscale's name and version.
 * <p>
 * Unless metadata-only, it also checks what the schemas cannot express, walking the hierarchy:
 * every dataset is an array with as many dimensions as there are axes, of one dtype, largest first;
 * Zarr v3 {@code dimension_names} equal the axes' names; scale and translation vectors have one value
 * per axis; labels, wells and field images named by the metadata exist (each is validated in turn);
 * a well's path is its row's and column's names; one NGFF version in the whole hierarchy. Names taken
 * from metadata are checked before they are followed and never leave the store.
 */
public final class NgffValidator {
    private static final List<String> KNOWN = List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0");

    private final boolean strict;
    private final boolean metadataOnly;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private String rootVersion;

    public NgffValidator(boolean strict, boolean metadataOnly) {
        this.strict = strict;
        this.metadataOnly = metadataOnly;
    }

    /**
     * Validates TARGET: a group (folder or URL) or a JSON file holding a group's attributes (or a whole
     * zarr.json). Throws only when it cannot check at all (nothing there, not JSON).
     */
    public ValidationReport validate(String target) throws IOException {
        Path file = target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? null : Path.of(target);
        if (file != null && Files.isRegularFile(file)) {
            JsonNode doc = OmeMetadata.JSON.readTree(readJson(file));
            JsonNode attrs = doc.isObject() && doc.has("zarr_format") && doc.has("attributes") ? doc.get("attributes") : doc;
            String where = file.toString();
            checked.add(where);
            rootVersion = version(attrs, where);
            if (rootVersion != null) document(attrs, where, rootVersion);
            return new ValidationReport(target, String.valueOf(rootVersion), findings, checked, strict);
        }
        try (OmeSession session = new OmeSession()) {
            OmeLocation root = session.open(target);
            if (!root.exists()) throw new NotAZarrException(root.path(), "no .zgroup, .zarray or zarr.json: nothing to validate");
            if (root.zgroup() == null) throw new OmeException("cannot validate " + root.path() + ": it is a Zarr array, not a group");
            node(root, true);
            session.settle();
        }
        return new ValidationReport(target, String.valueOf(rootVersion), findings, checked, strict);
    }

    private static byte[] readJson(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        try {
            OmeMetadata.JSON.readTree(b);
        } catch (IOException e) {
            throw new OmeException("cannot validate " + file + ": it is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return b;
    }

    // ---- one metadata document ----

    /**
     * The version the attributes declare, as ome-ngff-validator reads it; a pre-0.5 document that says none
     * (a labels group) has its hierarchy's version, or 0.4 on its own (ome-ngff-validator's default).
     */
    private String version(JsonNode attrs, String where) {
        if (attrs == null || !attrs.isObject()) {
            add(where, "$", "is " + OmeMetadata.kind(attrs) + ", expected a JSON object of group attributes");
            return null;
        }
        String v;
        if (attrs.has("ome")) {
            JsonNode ome = attrs.get("ome");
            if (!ome.isObject() || !ome.hasNonNull("version")) {
                add(where, "$.ome", "has no 'version' (required since NGFF 0.5)");
                return null;
            }
            v = ome.get("version").asText();
        } else {
            JsonNode n = attrs.path("multiscales").path(0).path("version");
            if (n.isMissingNode()) n = attrs.path("plate").path("version");
            if (n.isMissingNode()) n = attrs.path("well").path("version");
            if (n.isMissingNode()) n = attrs.path("image-label").path("version");
            v = n.isMissingNode() || n.isNull() ? (rootVersion != null && !rootVersion.equals("0.5") && !rootVersion.startsWith("0.6")
                    ? rootVersion : "0.4") : n.asText();
        }
        if (!KNOWN.contains(v)) {
            add(where, attrs.has("ome") ? "$.ome.version" : "$", "declares NGFF version '" + v + "', not one of " + KNOWN);
            return null;
        }
        if (attrs.has("ome") != (v.equals("0.5") || v.startsWith("0.6"))) {
            add(where, "$", attrs.has("ome") ? "holds NGFF " + v + " metadata under 'ome', which only 0.5 and later use"
                    : "holds NGFF " + v + " metadata outside 'ome' (required there since 0.5)");
            return null;
        }
        return v;
    }

    /** Checks one group's attributes against its version's schemas or spec rules. */
    private void document(JsonNode attrs, String where, String version) {
        boolean ns = attrs.has("ome");
        JsonNode block = ns ? attrs.get("ome") : attrs;
        String prefix = ns ? "$.ome" : "$";
        if (NgffSchemas.has(version)) {
            NgffSchemas schemas = NgffSchemas.of(version);
            List<String> names = new ArrayList<>();
            if (block.has("multiscales")) names.add("image");
            if (block.has("plate")) names.add("plate");
            if (block.has("well")) names.add("well");
            if (block.has("image-label")) names.add("label");
            if (block.has("scene")) names.add("scene");
            if (block.has("bioformats2raw.layout")) names.add("bf2raw");
            if (block.has("series")) names.add("ome");
            for (String name : names) {
                String use = strict && schemas.hasSchema("strict_" + name) ? "strict_" + name : name;
                if (!schemas.hasSchema(use)) {
                    add(where, prefix, "holds '" + name + "' metadata, which NGFF " + version + " does not define");
                    continue;
                }
                for (Error e : schemas.validate(use, attrs)) {
                    add(where, jsonPath(e), e.getMessage() + " (" + schemas.id(use).replaceAll(".*/", "") + ")");
                }
            }
            if (names.isEmpty()) labelsOnly(block, where, prefix);
        } else {
            try {
                OmeMetadata md = OmeMetadata.parse(attrs, where);
                if (md.multiscales() == null && md.labels() == null && md.plate() == null && md.well() == null && md.imageLabel() == null) {
                    add(where, "$", "holds no NGFF metadata (multiscales, labels, image-label, plate or well)");
                }
                if (strict && md.multiscales() != null) {
                    for (int i = 0; i < md.multiscales().size(); i++) {
                        JsonNode m = attrs.get("multiscales").get(i);
                        if (!m.hasNonNull("name")) add(where, "$.multiscales[" + i + "]", "SHOULD have a 'name'");
                        if (!m.hasNonNull("version")) add(where, "$.multiscales[" + i + "]", "SHOULD have a 'version'");
                    }
                }
            } catch (OmeException e) {
                String msg = e.getMessage();
                String lead = "invalid OME-Zarr metadata in " + where + ": ";
                if (msg.startsWith(lead)) msg = msg.substring(lead.length());
                add(where, "$", msg + " (NGFF " + version + " spec)");
            }
        }
    }

    /** A group with only a "labels" list (no published schema covers it): the list of label names. */
    private void labelsOnly(JsonNode block, String where, String prefix) {
        JsonNode labels = block.get("labels");
        if (labels == null) {
            add(where, prefix, "holds no NGFF metadata (multiscales, labels, image-label, plate, well, bioformats2raw.layout, series)");
            return;
        }
        if (!labels.isArray()) {
            add(where, prefix + ".labels", "is " + OmeMetadata.kind(labels) + ", expected a list of label names");
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).isTextual()) add(where, prefix + ".labels[" + i + "]", "is " + OmeMetadata.kind(labels.get(i)) + ", expected a string");
        }
    }

    private static String jsonPath(Error e) {
        String p = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
        if (p.isEmpty() || p.equals("/")) return "$";
        if (p.startsWith("/")) { // JSON pointer: "/ome/multiscales/0" -> "$.ome.multiscales[0]"
            StringBuilder sb = new StringBuilder("$");
            for (String s : p.substring(1).split("/")) {
                s = s.replace("~1", "/").replace("~0", "~");
                if (s.matches("\\d+")) sb.append('[').append(s).append(']');
                else sb.append('.').append(s);
            }
            return sb.toString();
        }
        return p;
    }

    private void add(String file, String path, String message) {
        findings.add(new Finding(file, path, message));
    }

    // ---- the hierarchy ----

    private void node(OmeLocation loc, boolean isRoot) throws IOException {
        if (!seen.add(loc.path())) return;
        JsonNode attrs = loc.zattrs();
        if (attrs == null) attrs = OmeMetadata.JSON.createObjectNode();
        String where = loc.locate(loc.attrsFile());
        checked.add(where);
        String version = version(attrs, where);
        if (isRoot) rootVersion = version;
        if (version == null) return;
        if (!isRoot && rootVersion != null && !version.equals(rootVersion)) {
            add(where, attrs.has("ome") ? "$.ome.version" : "$", "is NGFF " + version + " inside an NGFF " + rootVersion
                    + " hierarchy (the version MUST be consistent within a hierarchy)");
        }
        document(attrs, where, version);
        if (metadataOnly) return;
        boolean ns = attrs.has("ome");
        JsonNode block = ns ? attrs.get("ome") : attrs;
        String prefix = ns ? "$.ome" : "$";
        if (block.path("multiscales").isArray()) {
            JsonNode ms = block.get("multiscales");
            for (int i = 0; i < ms.size(); i++) multiscale(loc, ms.get(i), version, where, prefix + ".multiscales[" + i + "]");
            OmeLocation labels = loc.child("labels").prefetch();
            if (labels.exists()) node(labels, false);
        }
        if (block.path("labels").isArray()) {
            JsonNode l = block.get("labels");
            for (int i = 0; i < l.size(); i++) {
                OmeLocation child = follow(loc, l.get(i), where, prefix + ".labels[" + i + "]", "label group");
                if (child != null) node(child, false);
            }
        }
        if (block.path("plate").isObject()) plate(loc, block.get("plate"), where, prefix + ".plate");
        if (block.path("well").path("images").isArray()) {
            JsonNode images = block.get("well").get("images");
            for (int i = 0; i < images.size(); i++) {
                OmeLocation child = follow(loc, images.get(i).get("path"), where, prefix + ".well.images[" + i + "].path", "field image");
                if (child != null) node(child, false);
            }
        }
    }

    /** A group named by metadata: a plain relative name that exists inside the store, else a finding and null. */
    private OmeLocation follow(OmeLocation loc, JsonNode name, String where, String path, String what) throws IOException {
        if (name == null || !name.isTextual()) return null; // the schema reports its type
        String why = OmeMetadata.whyNotRelative(name.asText());
        if (why != null) {
            add(where, path, "'" + TerminalText.escape(name.asText()) + "' is not a relative path of plain names (" + why + "): not followed");
            return null;
        }
        OmeLocation child = loc.child(name.asText()).prefetch();
        if (child.zgroup() == null) {
            add(where, path, "names the " + what + " '" + name.asText() + "', but there is no group at " + child.path());
            return null;
        }
        return child;
    }

    private void multiscale(OmeLocation loc, JsonNode m, String version, String where, String path) throws IOException {
        List<String> axes = axisNames(m, version);
        JsonNode ds = m.path("datasets");
        if (!ds.isArray()) return;
        for (int j = 0; j < ds.size(); j++) {
            JsonNode p = ds.get(j).path("path");
            if (p.isTextual() && OmeMetadata.whyNotRelative(p.asText()) == null) loc.prefetchArray(p.asText());
        }
        long[] previous = null;
        String dtype = null;
        for (int j = 0; j < ds.size(); j++) {
            String dp = path + ".datasets[" + j + "]";
            JsonNode p = ds.get(j).path("path");
            if (!p.isTextual()) continue; // the schema reports it
            String why = OmeMetadata.whyNotRelative(p.asText());
            if (why != null) {
                add(where, dp + ".path", "'" + TerminalText.escape(p.asText()) + "' is not a relative path of plain names (" + why + "): not followed");
                continue;
            }
            JsonNode z = loc.arrayJson(p.asText());
            String arrayFile = loc.arrayFile(p.asText());
            if (z == null || !"array".equals(z.path("node_type").asText("array")) || !z.has("shape")) {
                add(where, dp + ".path", "names the array '" + p.asText() + "', but there is none at " + arrayFile);
                continue;
            }
            JsonNode shape = z.get("shape");
            int ndim = shape.size();
            if (axes != null && ndim != axes.size()) {
                add(arrayFile, "$.shape", "has " + ndim + " dimensions, but the image has " + axes.size() + " axes " + axes);
            }
            String dt = z.has("data_type") ? z.get("data_type").toString() : z.path("dtype").toString();
            if (dtype != null && !dtype.equals(dt)) add(arrayFile, z.has("data_type") ? "$.data_type" : "$.dtype", "is " + dt + ", but dataset 0 is " + dtype + " (all levels MUST share one dtype)");
            if (dtype == null) dtype = dt;
            long[] s = new long[ndim];
            for (int k = 0; k < ndim; k++) s[k] = shape.get(k).asLong();
            if (previous != null && previous.length == ndim) {
                for (int k = 0; k < ndim; k++) {
                    if (s[k] > previous[k]) {
                        add(where, dp, "is larger than the dataset before it along axis " + k + " (" + s[k] + " > " + previous[k]
                                + "): datasets MUST go from the largest to the smallest");
                        break;
                    }
                }
            }
            previous = s;
            JsonNode names = z.get("dimension_names");
            if (names != null && names.isArray() && axes != null) {
                List<String> dn = new ArrayList<>();
                for (JsonNode n : names) dn.add(n.isNull() ? null : n.asText());
                if (!dn.equals(axes)) add(arrayFile, "$.dimension_names", "are " + dn + ", but the image's axes are " + axes);
            }
            vectors(ds.get(j).path("coordinateTransformations"), ndim, where, dp + ".coordinateTransformations");
        }
        if (previous != null) vectors(m.path("coordinateTransformations"), previous.length, where, path + ".coordinateTransformations");
    }

    /** scale and translation vectors (also inside a 0.6 sequence) have one value per dimension. */
    private void vectors(JsonNode cts, int ndim, String where, String path) {
        if (!cts.isArray()) return;
        for (int i = 0; i < cts.size(); i++) {
            JsonNode t = cts.get(i);
            String tp = path + "[" + i + "]";
            if ("sequence".equals(t.path("type").asText())) {
                vectors(t.path("transformations"), ndim, where, tp + ".transformations");
                continue;
            }
            for (String k : List.of("scale", "translation")) {
                JsonNode v = t.get(k);
                if (v != null && v.isArray() && v.size() != ndim) {
                    add(where, tp + "." + k, "has " + v.size() + " values, but the arrays have " + ndim + " dimensions");
                }
            }
        }
    }

    private static List<String> axisNames(JsonNode m, String version) {
        JsonNode axes = m.get("axes");
        if (version.startsWith("0.6")) {
            String out = m.path("datasets").path(0).path("coordinateTransformations").path(0).path("output").path("name").asText(null);
            JsonNode systems = m.path("coordinateSystems");
            axes = systems.path(0).get("axes");
            for (JsonNode cs : systems) if (out != null && out.equals(cs.path("name").asText())) axes = cs.get("axes");
        }
        if (axes == null) return version.equals("0.1") || version.equals("0.2") ? List.of("t", "c", "z", "y", "x") : null;
        if (!axes.isArray()) return null;
        List<String> names = new ArrayList<>();
        for (JsonNode a : axes) names.add(a.isTextual() ? a.asText() : a.path("name").asText(null));
        return names;
    }

    private void plate(OmeLocation loc, JsonNode plate, String where, String path) throws IOException {
        JsonNode wells = plate.path("wells");
        if (!wells.isArray()) return;
        List<String> rows = names(plate.path("rows"));
        List<String> cols = names(plate.path("columns"));
        for (int i = 0; i < wells.size(); i++) {
            JsonNode w = wells.get(i);
            String wp = path + ".wells[" + i + "]";
            JsonNode p = w.get("path");
            if (p == null || !p.isTextual()) continue;
            int ri = w.path("rowIndex").asInt(-1), ci = w.path("columnIndex").asInt(-1);
            if (ri >= 0 && ci >= 0 && ri < rows.size() && ci < cols.size()) {
                String want = rows.get(ri) + "/" + cols.get(ci);
                if (!want.equals(p.asText())) {
                    add(where, wp + ".path", "is '" + TerminalText.escape(p.asText()) + "', but its rowIndex and columnIndex name the well '" + want + "'");
                }
            }
            OmeLocation well = follow(loc, p, where, wp + ".path", "well");
            if (well != null) node(well, false);
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list.isArray()) for (JsonNode n : list) out.add(n.path("name").asText(""));
        return out;
    }
}
