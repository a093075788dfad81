package frontier.ome.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.ChunkedArray;
import frontier.ome.Axis;
import frontier.ome.OmeException;
import frontier.ome.OmeMetadata;
import frontier.store.Store;
import frontier.store.Stores;
import frontier.text.TerminalText;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ome_zarr convert SRC DST --ngff 0.5}: rewrites an NGFF 0.1-0.4 image (Zarr v2) as an NGFF
 * 0.5 image on Zarr v3, with its labels, masks, plate wells and field images. Metadata moves under
 * {@code attributes.ome} with one {@code version}; axes become objects with types (0.1-0.3 give names
 * or nothing); datasets without {@code coordinateTransformations} get the scale of each level relative
 * to the first (as ome-zarr-py writes them); arrays keep their dtype, chunks and compressor (blosc,
 * gzip, zstd) with {@code dimension_names} from the axes, and are sharded when chunks per shard are
 * given. Values are copied chunk by chunk through the task graph. Paths taken from metadata are plain
 * relative names, checked before use; the result is written to {@code DST.frontier-part} and renamed to
 * DST only when complete, so DST is never half written, and nothing is written outside it.
 */
public final class NgffConverter {
    static final String PART = ".frontier-part";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NGFF_KEYS = Set.of("multiscales", "omero", "labels", "image-label", "plate", "well",
            "bioformats2raw.layout");

    private final String source;
    private final Path target;
    private int[] chunksPerShard;
    private final Set<String> done = new HashSet<>();
    private final List<String> written = new ArrayList<>();
    private long arrays;

    public NgffConverter(String source, Path target) {
        this.source = source;
        this.target = target.toAbsolutePath().normalize();
    }

    /** Chunks per shard along each axis (null: no sharding). */
    public NgffConverter chunksPerShard(int[] cps) {
        if (cps != null) {
            for (int c : cps) if (c < 1) throw new IllegalArgumentException("--chunks-per-shard values must be positive integers");
        }
        this.chunksPerShard = cps == null ? null : cps.clone();
        return this;
    }

    /** Converts; returns what was written. */
    public ConvertReport run() throws IOException {
        long t0 = System.nanoTime();
        if (Files.exists(target)) throw new IOException("refusing to convert into " + target + ": it exists already");
        Path part = target.resolveSibling(target.getFileName() + PART);
        if (Files.exists(part)) deleteTree(part); // an interrupted run's leftovers
        Files.createDirectories(part);
        boolean ok = false;
        try (Store src = Stores.open(source)) {
            Store dst = Stores.directory(part);
            byte[] zattrs = src.get(".zattrs");
            if (src.get(".zgroup") == null) {
                if (src.get(Zarr.ZARR_JSON) != null) {
                    throw new OmeException("nothing to convert: " + src.locate(Zarr.ZARR_JSON) + " is Zarr v3 already (NGFF 0.5 or later)");
                }
                throw new OmeException("not an OME-Zarr image: no .zgroup at " + src.locate(""));
            }
            JsonNode attrs = zattrs == null ? JSON.createObjectNode() : parse(zattrs, src.locate(".zattrs"));
            OmeMetadata md = OmeMetadata.parse(attrs, src.locate(".zattrs"));
            if (md.multiscale() == null && md.labels() == null && md.plate() == null && md.well() == null && md.imageLabel() == null) {
                throw new OmeException("not an OME-Zarr image: " + src.locate(".zattrs") + " has no multiscales, labels, plate or well");
            }
            group(src, dst, "", attrs);
            moveInto(part, target);
            ok = true;
        } finally {
            if (!ok) deleteTree(part);
        }
        return new ConvertReport(source, target, written.size(), arrays, (System.nanoTime() - t0) / 1e9);
    }

    private static JsonNode parse(byte[] b, String where) throws OmeException {
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new OmeException("invalid JSON in " + where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Converts the group at rel (its attributes given) and what its metadata names below it. */
    private void group(Store src, Store dst, String rel, JsonNode attrs) throws IOException {
        if (!done.add(rel)) return;
        String where = src.locate(key(rel, ".zattrs"));
        OmeMetadata md = OmeMetadata.parse(attrs, where);
        List<long[]> shapes = new ArrayList<>();
        List<ZarrArray> levels = new ArrayList<>();
        if (md.multiscale() != null) {
            for (int i = 0; i < md.multiscale().datasets().size(); i++) {
                String p = checked(md.multiscale().datasets().get(i).path(), "multiscales[0].datasets[" + i + "].path", where);
                ZarrArray a = Zarr.openArray(src, key(rel, p));
                levels.add(a);
                shapes.add(a.shape());
            }
        }
        ZarrGroup g = Zarr.createGroup(dst, rel, 3);
        g.updateAttrs(attributes(attrs, md, shapes));
        written.add(rel);
        if (md.multiscale() != null) {
            List<String> names = md.multiscale().axisNames();
            for (int i = 0; i < levels.size(); i++) {
                array(levels.get(i), dst, key(rel, md.multiscale().datasets().get(i).path()), names);
            }
            for (String sub : List.of("labels", "masks")) child(src, dst, key(rel, sub));
        }
        if (md.labels() != null) {
            for (int i = 0; i < md.labels().size(); i++) {
                child(src, dst, key(rel, checked(md.labels().get(i), "labels[" + i + "]", where)));
            }
        }
        if (md.plate() != null) {
            for (int i = 0; i < md.plate().wells().size(); i++) {
                String w = checked(md.plate().wells().get(i).path(), "plate.wells[" + i + "].path", where);
                String[] parts = w.split("/");
                String g2 = rel;
                for (int j = 0; j < parts.length - 1; j++) { // a plate's row groups
                    g2 = key(g2, parts[j]);
                    if (!done.contains(g2)) {
                        Zarr.createGroup(dst, g2, 3);
                        done.add(g2);
                    }
                }
                child(src, dst, key(rel, w));
            }
        }
        if (md.well() != null) {
            for (int i = 0; i < md.well().images().size(); i++) {
                child(src, dst, key(rel, checked(md.well().images().get(i).path(), "well.images[" + i + "].path", where)));
            }
        }
    }

    /** A group the metadata names, converted when it exists in the source. */
    private void child(Store src, Store dst, String rel) throws IOException {
        if (done.contains(rel) || src.get(key(rel, ".zgroup")) == null) return;
        byte[] a = src.get(key(rel, ".zattrs"));
        group(src, dst, rel, a == null ? JSON.createObjectNode() : parse(a, src.locate(key(rel, ".zattrs"))));
    }

    private static String checked(String path, String field, String where) throws OmeException {
        String why = OmeMetadata.whyNotRelative(path);
        if (why != null) {
            throw new OmeException("refusing to convert: " + field + " = '" + TerminalText.escape(path) + "' in " + where + ": " + why
                    + ", and it would be written outside the target");
        }
        return path;
    }

    /** The 0.5 attributes: NGFF keys under "ome" with one version, other keys (e.g. _creator) beside it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(JsonNode attrs, OmeMetadata md, List<long[]> shapes) {
        Map<String, Object> ome = new LinkedHashMap<>();
        ome.put("version", "0.5");
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (!NGFF_KEYS.contains(k)) {
                rest.put(k, JSON.convertValue(e.getValue(), Object.class));
                continue;
            }
            JsonNode v = e.getValue();
            switch (k) {
                case "multiscales" -> ome.put(k, multiscales(v, md, shapes));
                case "image-label", "plate", "well" -> {
                    Map<String, Object> m = JSON.convertValue(v, LinkedHashMap.class);
                    m.remove("version");
                    ome.put(k, m);
                }
                default -> ome.put(k, JSON.convertValue(v, Object.class));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ome", ome);
        out.putAll(rest);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> multiscales(JsonNode v, OmeMetadata md, List<long[]> shapes) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            Map<String, Object> m = JSON.convertValue(v.get(i), LinkedHashMap.class);
            m.remove("version");
            List<Axis> axes = md.multiscales().get(i).axes();
            int ndim = i == 0 && !shapes.isEmpty() ? shapes.get(0).length : axes.size();
            List<Object> ax = new ArrayList<>();
            // 0.1/0.2 name no axes: they are the last ndim of t, c, z, y, x
            List<Axis> use = axes.size() > ndim ? axes.subList(axes.size() - ndim, axes.size()) : axes;
            for (Axis a : use) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", a.name());
                if (a.type() != null) o.put("type", a.type());
                if (a.unit() != null) o.put("unit", a.unit());
                ax.add(o);
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("axes", ax);
            List<Object> datasets = new ArrayList<>();
            List<Object> src = (List<Object>) m.get("datasets");
            for (int j = 0; j < src.size(); j++) {
                Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) src.get(j));
                if (!d.containsKey("coordinateTransformations") && i == 0 && j < shapes.size()) {
                    List<Object> scale = new ArrayList<>();
                    for (int k = 0; k < shapes.get(j).length; k++) {
                        long full = shapes.get(0)[k], level = shapes.get(j)[k];
                        scale.add(level == 0 ? 1.0 : (double) full / level);
                    }
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("type", "scale");
                    t.put("scale", scale);
                    d.put("coordinateTransformations", List.of(t));
                }
                datasets.add(d);
            }
            ordered.put("datasets", datasets);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!e.getKey().equals("axes") && !e.getKey().equals("datasets")) ordered.put(e.getKey(), e.getValue());
            }
            out.add(ordered);
        }
        return out;
    }

    /** Copies one v2 array's values into a new v3 array at path. */
    private void array(ZarrArray a, Store dst, String path, List<String> axisNames) throws IOException {
        if (!(a.metadata() instanceof ArrayMetadata m)) {
            throw new OmeException("nothing to convert: " + a.location() + " is a Zarr v3 array already");
        }
        ArrayMetadataV3.Builder b = ArrayMetadataV3.builder(m.dtype(), m.shape(), m.chunks());
        b.compressors(compressors(m, a.location()));
        if (m.filters() != null && !m.filters().isEmpty()) {
            throw new OmeException("cannot convert " + a.location() + ": its filters " + m.filters() + " have no Zarr v3 codec");
        }
        if (m.order() == 'F') {
            int[] order = new int[m.ndim()];
            for (int i = 0; i < order.length; i++) order[i] = order.length - 1 - i;
            b.transpose(order);
        }
        b.fillValue(m.fillValue().isNull() ? 0 : m.fillValue().toJsonV3());
        if (axisNames.size() == m.ndim()) b.dimensionNames(axisNames);
        if (chunksPerShard != null) {
            if (chunksPerShard.length != m.ndim()) {
                throw new IllegalArgumentException("--chunks-per-shard has " + chunksPerShard.length + " values but " + a.location()
                        + " has " + m.ndim() + " dimensions");
            }
            int[] shard = new int[m.ndim()];
            for (int i = 0; i < shard.length; i++) shard[i] = Math.multiplyExact(m.chunks()[i], chunksPerShard[i]);
            b.shards(shard);
        }
        frontier.zarr.Zarr.write(ChunkedArray.fromZarr(a), dst, path, b.build());
        written.add(path);
        arrays++;
    }

    /** The v2 compressor as v3 bytes-to-bytes codecs; one without a v3 codec is an error naming it. */
    private static List<Map<String, Object>> compressors(ArrayMetadata m, String where) throws OmeException {
        Map<String, Object> c = m.compressor();
        if (c == null) return List.of();
        Object id = c.get("id");
        int level;
        switch (String.valueOf(id)) {
            case "blosc" -> {
                int shuffle = c.get("shuffle") instanceof Number n ? n.intValue() : 1;
                String sh = switch (shuffle) {
                    case 0 -> "noshuffle";
                    case 2 -> "bitshuffle";
                    default -> "shuffle"; // 1, and -1 (auto: byte shuffle for items wider than a byte)
                };
                if (shuffle == -1 && m.dtype().itemSize() == 1) sh = "noshuffle";
                int clevel = c.get("clevel") instanceof Number n ? n.intValue() : 5;
                return List.of(ArrayMetadataV3.blosc(String.valueOf(c.getOrDefault("cname", "lz4")), clevel, sh, m.dtype().itemSize()));
            }
            case "gzip", "zlib" -> {
                if ("zlib".equals(id)) break;
                level = c.get("level") instanceof Number n ? n.intValue() : 1;
                return List.of(ArrayMetadataV3.gzip(level));
            }
            case "zstd" -> {
                level = c.get("level") instanceof Number n ? n.intValue() : 0;
                return List.of(ArrayMetadataV3.zstd(level));
            }
            default -> {
            }
        }
        throw new OmeException("cannot convert " + where + ": its compressor '" + TerminalText.escape(String.valueOf(id))
                + "' has no Zarr v3 codec (blosc, gzip and zstd have)");
    }

    private static String key(String rel, String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }

    private static void moveInto(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
        }
    }

    // visible for the report
    List<String> written() {
        return written;
    }
}
