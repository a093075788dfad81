package frontier.zarr;

import frontier.store.Store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metadata access for one Zarr hierarchy in a store: consolidated metadata (v2's .zmetadata, or
 * v3's inline {@code consolidated_metadata} in the root zarr.json) when the root has it (one
 * request for the whole tree, as zarr-python's open_consolidated), else one request per key,
 * cached, so that walking a hierarchy over HTTP costs each key once.
 */
final class Hierarchy {
    private final Store store;
    /** The root path of the consolidated metadata ("" or "a/b"), when there is one. */
    private final String consolidatedRoot;
    /** Metadata documents by full store key, from .zmetadata. */
    private final Map<String, Object> consolidated;
    private final Map<String, Optional<Map<String, Object>>> cache = new ConcurrentHashMap<>();

    private Hierarchy(Store store, String root, Map<String, Object> consolidated) {
        this.store = store;
        this.consolidatedRoot = root;
        this.consolidated = consolidated;
    }

    /** Metadata access without consolidated metadata: one request per key (opening a single array). */
    static Hierarchy plain(Store store) {
        return new Hierarchy(store, "", null);
    }

    /** Opens the hierarchy rooted at path, reading its .zmetadata when present. */
    @SuppressWarnings("unchecked")
    static Hierarchy open(Store store, String path) throws IOException {
        String key = Zarr.key(path, ".zmetadata");
        byte[] b = store.get(key);
        if (b == null) return new Hierarchy(store, path, null);
        Map<String, Object> zm = ZarrJson.parseObject(b, store.locate(key));
        Object md = zm.get("metadata");
        if (!(md instanceof Map)) {
            throw new ZarrFormatException("invalid consolidated metadata in " + store.locate(key) + ": no \"metadata\" object");
        }
        Map<String, Object> byKey = new ConcurrentHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) md).entrySet()) {
            if (e.getValue() != null) byKey.put(Zarr.key(path, e.getKey()), e.getValue());
        }
        return new Hierarchy(store, path, byKey);
    }

    /**
     * The hierarchy of the v3 group at path whose zarr.json (root) is read: with the zarr.json of every
     * node below it when root holds inline consolidated metadata. Paths in it are node names joined
     * by '/', none of them empty, "." or ".." (a path that would leave the group is an error).
     */
    @SuppressWarnings("unchecked")
    static Hierarchy openV3(Store store, String path, Map<String, Object> root) throws IOException {
        String where = store.locate(Zarr.key(path, Zarr.ZARR_JSON));
        Object cm = root.get("consolidated_metadata");
        if (cm == null) {
            Hierarchy h = new Hierarchy(store, path, null);
            h.cache.put(Zarr.key(path, Zarr.ZARR_JSON), Optional.of(root));
            return h;
        }
        if (!(cm instanceof Map)) throw new ZarrFormatException("invalid consolidated_metadata in " + where + ": not an object");
        Map<String, Object> c = (Map<String, Object>) cm;
        if (!"inline".equals(c.get("kind"))) {
            if (Boolean.FALSE.equals(c.get("must_understand"))) {
                Hierarchy h = new Hierarchy(store, path, null);
                h.cache.put(Zarr.key(path, Zarr.ZARR_JSON), Optional.of(root));
                return h;
            }
            throw new ZarrFormatException("unsupported consolidated_metadata kind " + c.get("kind") + " in " + where + " (supported: inline)");
        }
        if (!(c.get("metadata") instanceof Map)) throw new ZarrFormatException("invalid consolidated_metadata in " + where + ": no \"metadata\" object");
        Map<String, Object> byKey = new ConcurrentHashMap<>();
        byKey.put(Zarr.key(path, Zarr.ZARR_JSON), root);
        for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("metadata")).entrySet()) {
            String rel = e.getKey();
            for (String seg : rel.split("/", -1)) {
                if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                    throw new ZarrFormatException("invalid consolidated_metadata in " + where + ": node path '" + rel
                            + "' (names may not be empty, '.' or '..')");
                }
            }
            if (!(e.getValue() instanceof Map)) {
                throw new ZarrFormatException("invalid consolidated_metadata in " + where + ": '" + rel + "' is not an object");
            }
            byKey.put(Zarr.key(Zarr.key(path, rel), Zarr.ZARR_JSON), e.getValue());
        }
        return new Hierarchy(store, path, byKey);
    }

    Store store() {
        return store;
    }

    /** The v3 node (zarr.json) at path, checked to be zarr_format 3 with node_type array or group; null when absent. */
    Map<String, Object> v3Node(String path) throws IOException {
        String key = Zarr.key(path, Zarr.ZARR_JSON);
        Map<String, Object> m = json(key);
        if (m == null) return null;
        Object fmt = m.get("zarr_format");
        if (!(fmt instanceof Integer) || (Integer) fmt != 3) {
            throw new ZarrFormatException("unsupported zarr_format " + fmt + " in " + store.locate(key) + " (expected 3)");
        }
        Object type = m.get("node_type");
        if (!"array".equals(type) && !"group".equals(type)) {
            throw new ZarrFormatException("invalid node_type " + type + " in " + store.locate(key) + " (expected \"array\" or \"group\")");
        }
        return m;
    }

    /** A v3 node's attributes, in file order (a copy); empty when it has none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> v3Attributes(String path) throws IOException {
        Map<String, Object> node = v3Node(path);
        Object a = node == null ? null : node.get("attributes");
        if (a != null && !(a instanceof Map)) {
            throw new ZarrFormatException("attributes in " + store.locate(Zarr.key(path, Zarr.ZARR_JSON)) + " must be an object");
        }
        return a == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) a);
    }

    /** Rewrites a v3 node's zarr.json with other attributes. */
    void putV3Attributes(String path, Map<String, Object> attrs) throws IOException {
        Map<String, Object> node = v3Node(path);
        if (node == null) throw new IOException("no zarr.json at " + store.locate(path));
        Map<String, Object> m = new LinkedHashMap<>(node);
        m.put("attributes", attrs);
        putJsonV3(Zarr.key(path, Zarr.ZARR_JSON), m);
    }

    /** Refuses to create a node where an array or group (v2 or v3) already is. */
    void checkFree(String path) throws IOException {
        if (json(Zarr.key(path, ".zarray")) != null || json(Zarr.key(path, ".zgroup")) != null || json(Zarr.key(path, Zarr.ZARR_JSON)) != null) {
            throw new IOException("cannot create array: " + store.locate(path) + " already holds a Zarr array or group");
        }
    }

    boolean isConsolidated() {
        return consolidated != null;
    }

    private boolean coveredByConsolidated(String key) {
        return consolidated != null && (consolidatedRoot.isEmpty() || key.startsWith(consolidatedRoot + "/"));
    }

    /** A metadata JSON object by store key, or null when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json(String key) throws IOException {
        Optional<Map<String, Object>> hit = cache.get(key);
        if (hit != null) return hit.orElse(null);
        Map<String, Object> value;
        if (coveredByConsolidated(key)) {
            Object v = consolidated.get(key);
            if (v != null && !(v instanceof Map)) {
                throw new ZarrFormatException("invalid consolidated metadata for " + store.locate(key) + ": not an object");
            }
            value = (Map<String, Object>) v;
        } else {
            byte[] b = store.get(key);
            value = b == null ? null : ZarrJson.parseObject(b, store.locate(key));
        }
        cache.put(key, Optional.ofNullable(value));
        return value;
    }

    /** Writes a zarr.json (indent 2, keys in order, as zarr-python 3) and keeps the cache in step. */
    void putJsonV3(String key, Map<String, Object> value) throws IOException {
        store.put(key, ZarrJson.writeV3(value));
        cache.put(key, Optional.of(value));
        if (coveredByConsolidated(key)) consolidated.put(key, value);
    }

    /** Writes a metadata document and keeps the cache (and the consolidated view) in step. */
    void putJson(String key, Map<String, Object> value) throws IOException {
        store.put(key, ZarrJson.write(value));
        cache.put(key, Optional.of(value));
        if (coveredByConsolidated(key)) consolidated.put(key, value);
    }

    /** Child names under a group path from consolidated metadata (null when not consolidated). */
    TreeSet<String> consolidatedChildren(String path) {
        if (consolidated == null) return null;
        String prefix = path.isEmpty() ? "" : path + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String k : consolidated.keySet()) {
            if (!k.startsWith(prefix)) continue;
            String rest = k.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0) names.add(rest.substring(0, slash));
        }
        return names;
    }

    /** Everything known about the tree in one map (for writing .zmetadata). */
    Map<String, Object> snapshot() {
        return consolidated == null ? null : new LinkedHashMap<>(consolidated);
    }
}
