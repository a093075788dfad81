package frontier.zarr;

import frontier.store.Store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metadata access for one Zarr hierarchy in a store: consolidated metadata (.zmetadata) when
 * the root has it (one request for the whole tree, as zarr-python's open_consolidated), else one
 * request per key, cached, so that walking a hierarchy over HTTP costs each key once.
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

    Store store() {
        return store;
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
