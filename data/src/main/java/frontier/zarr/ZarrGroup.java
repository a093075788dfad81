package frontier.zarr;

import frontier.store.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A Zarr group, v2 (.zgroup, .zattrs) or v3 (zarr.json): attributes, children (arrays and groups),
 * and creation of new children in the group's format. Children come from consolidated metadata
 * when present, else from listing the store; stores that cannot list (HTTP) fall back to the
 * children the metadata names (multiscales datasets and labels, also under NGFF 0.5's "ome") and
 * those opened or created through this object.
 */
public final class ZarrGroup {
    private final Hierarchy hierarchy;
    private final String path;
    private final int zarrFormat;
    private final Set<String> known = new ConcurrentSkipListSet<>();

    ZarrGroup(Hierarchy hierarchy, String path, int zarrFormat) {
        this.hierarchy = hierarchy;
        this.path = path;
        this.zarrFormat = zarrFormat;
    }

    private static final Set<String> V3_GROUP_KEYS = Set.of("zarr_format", "node_type", "attributes", "consolidated_metadata");

    /** Refuses a group zarr.json with a field this reader must understand and does not. */
    static void checkV3Group(Map<String, Object> json, String where) throws ZarrFormatException {
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (V3_GROUP_KEYS.contains(e.getKey())) continue;
            if (!(e.getValue() instanceof Map<?, ?> v) || !Boolean.FALSE.equals(v.get("must_understand"))) {
                throw new ZarrFormatException("unsupported field '" + e.getKey() + "' in " + where
                        + " (an extension this reader does not know and that does not say \"must_understand\": false)");
            }
        }
        Object a = json.get("attributes");
        if (a != null && !(a instanceof Map)) throw new ZarrFormatException("attributes in " + where + " must be an object, got " + a);
    }

    /** Creates (or reuses) a v3 group at path. */
    static ZarrGroup createV3(Hierarchy h, String path) throws IOException {
        Map<String, Object> node = h.v3Node(path);
        if (node != null && !"group".equals(node.get("node_type"))) {
            throw new IOException("cannot create group: " + h.store().locate(path) + " already holds a Zarr array");
        }
        if (node == null) {
            if (h.json(Zarr.key(path, ".zarray")) != null || h.json(Zarr.key(path, ".zgroup")) != null) {
                throw new IOException("cannot create a Zarr v3 group: " + h.store().locate(path) + " already holds a Zarr v2 array or group");
            }
            Map<String, Object> zg = new LinkedHashMap<>();
            zg.put("zarr_format", 3);
            zg.put("node_type", "group");
            zg.put("attributes", new LinkedHashMap<>());
            h.putJsonV3(Zarr.key(path, Zarr.ZARR_JSON), zg);
        }
        return new ZarrGroup(h, path, 3);
    }

    static ZarrGroup create(Hierarchy h, String path) throws IOException {
        if (h.json(Zarr.key(path, ".zarray")) != null) {
            throw new IOException("cannot create group: " + h.store().locate(path) + " already holds a Zarr array");
        }
        if (h.json(Zarr.key(path, ".zgroup")) == null) {
            Map<String, Object> zg = new LinkedHashMap<>();
            zg.put("zarr_format", 2);
            h.putJson(Zarr.key(path, ".zgroup"), zg);
        }
        return new ZarrGroup(h, path, 2);
    }

    /** 2 or 3. */
    public int zarrFormat() {
        return zarrFormat;
    }

    public Store store() {
        return hierarchy.store();
    }

    /** The path inside the store ("" for the root). */
    public String path() {
        return path;
    }

    /** zarr-python's name: "/" + path. */
    public String name() {
        return "/" + path;
    }

    /** The attributes (.zattrs, or zarr.json's "attributes") in file order (zarr-python 2 sorts keys when writing); empty when none. */
    public Map<String, Object> attrs() throws IOException {
        if (zarrFormat == 3) return hierarchy.v3Attributes(path);
        Map<String, Object> a = hierarchy.json(Zarr.key(path, ".zattrs"));
        return a == null ? new LinkedHashMap<>() : new LinkedHashMap<>(a);
    }

    /** Adds or replaces attributes and writes .zattrs. */
    public void updateAttrs(Map<String, Object> changes) throws IOException {
        Map<String, Object> a = attrs();
        a.putAll(changes);
        if (zarrFormat == 3) hierarchy.putV3Attributes(path, a);
        else hierarchy.putJson(Zarr.key(path, ".zattrs"), a);
    }

    private String child(String name) {
        String n = Zarr.normalizePath(name);
        if (n.isEmpty()) throw new IllegalArgumentException("empty child name");
        return path.isEmpty() ? n : path + "/" + n;
    }

    private boolean isArray(String childPath) throws IOException {
        if (zarrFormat == 3) {
            Map<String, Object> n = hierarchy.v3Node(childPath);
            return n != null && "array".equals(n.get("node_type"));
        }
        return hierarchy.json(Zarr.key(childPath, ".zarray")) != null;
    }

    private boolean isGroup(String childPath) throws IOException {
        if (zarrFormat == 3) {
            Map<String, Object> n = hierarchy.v3Node(childPath);
            return n != null && "group".equals(n.get("node_type"));
        }
        return hierarchy.json(Zarr.key(childPath, ".zgroup")) != null;
    }

    /** The array child (a path such as "0" or "labels/cells/0"). */
    public ZarrArray get(String name) throws IOException {
        String p = child(name);
        ZarrArray a = zarrFormat == 3 ? ZarrArray.openV3OrNull(hierarchy, p) : ZarrArray.openOrNull(hierarchy, p);
        if (a != null) {
            rememberChild(name);
            return a;
        }
        if (isGroup(p)) {
            throw new ZarrFormatException("'" + name + "' in " + this + " is a group, not an array: use group(\"" + name + "\")");
        }
        throw new ZarrFormatException("no array '" + name + "' in " + this + " (nothing at "
                + store().locate(Zarr.key(p, zarrFormat == 3 ? Zarr.ZARR_JSON : ".zarray")) + ")");
    }

    /** The group child. */
    public ZarrGroup group(String name) throws IOException {
        String p = child(name);
        if (isGroup(p)) {
            rememberChild(name);
            if (zarrFormat == 3) checkV3Group(hierarchy.v3Node(p), store().locate(Zarr.key(p, Zarr.ZARR_JSON)));
            return new ZarrGroup(hierarchy, p, zarrFormat);
        }
        if (isArray(p)) {
            throw new ZarrFormatException("'" + name + "' in " + this + " is an array, not a group: use get(\"" + name + "\")");
        }
        throw new ZarrFormatException("no group '" + name + "' in " + this + " (nothing at "
                + store().locate(Zarr.key(p, zarrFormat == 3 ? Zarr.ZARR_JSON : ".zgroup")) + ")");
    }

    public boolean contains(String name) throws IOException {
        String p = child(name);
        return isArray(p) || isGroup(p);
    }

    private void rememberChild(String name) {
        String n = Zarr.normalizePath(name);
        int slash = n.indexOf('/');
        known.add(slash < 0 ? n : n.substring(0, slash));
    }

    /** Child names that might exist, from wherever this store lets us learn them. */
    @SuppressWarnings("unchecked")
    private TreeSet<String> candidates() throws IOException {
        TreeSet<String> names = hierarchy.consolidatedChildren(path);
        if (names != null) return names;
        names = new TreeSet<>(known);
        Store s = store();
        if (s.isListable()) {
            for (String n : s.list(path.isEmpty() ? "" : path + "/")) {
                // metadata files are not children, nor (v3) names starting with "__"
                if (!n.startsWith(".") && !n.startsWith("__") && !n.equals(Zarr.ZARR_JSON)) names.add(n);
            }
            return names;
        }
        // Not listable (HTTP): the children the metadata names (NGFF 0.5 keeps them under "ome").
        Map<String, Object> attrs = attrs();
        if (attrs.get("ome") instanceof Map && attrs.get("multiscales") == null && attrs.get("labels") == null) {
            attrs = (Map<String, Object>) attrs.get("ome");
        }
        Object ms = attrs.get("multiscales");
        if (ms instanceof List) {
            for (Object m : (List<Object>) ms) {
                if (!(m instanceof Map) || !(((Map<String, Object>) m).get("datasets") instanceof List)) continue;
                for (Object d : (List<Object>) ((Map<String, Object>) m).get("datasets")) {
                    if (d instanceof Map && ((Map<String, Object>) d).get("path") instanceof String) {
                        addFirstSegment(names, (String) ((Map<String, Object>) d).get("path"));
                    }
                }
            }
        }
        Object labels = attrs.get("labels");
        if (labels instanceof List) for (Object l : (List<Object>) labels) if (l instanceof String) addFirstSegment(names, (String) l);
        return names;
    }

    private static void addFirstSegment(TreeSet<String> names, String p) {
        String n;
        try {
            n = Zarr.normalizePath(p);
        } catch (IllegalArgumentException e) {
            return; // a name escaping the group is not a child
        }
        if (n.isEmpty()) return;
        int slash = n.indexOf('/');
        names.add(slash < 0 ? n : n.substring(0, slash));
    }

    /** Names of child arrays, sorted. */
    public List<String> arrayKeys() throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : candidates()) if (isArray(child(n))) out.add(n);
        return out;
    }

    /** Names of child groups, sorted. */
    public List<String> groupKeys() throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : candidates()) if (!isArray(child(n)) && isGroup(child(n))) out.add(n);
        return out;
    }

    /** Names of all children (arrays and groups), sorted. */
    public List<String> keys() throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : candidates()) {
            String p = child(n);
            if (isArray(p) || isGroup(p)) out.add(n);
        }
        return out;
    }

    /** Creates a v2 array child (in a v2 group). */
    public ZarrArray createArray(String name, ArrayMetadata metadata) throws IOException {
        if (zarrFormat != 2) throw new IllegalArgumentException("cannot create a Zarr v2 array in the Zarr v3 group " + this);
        ZarrArray a = Zarr.createArray(hierarchy, child(name), metadata);
        rememberChild(name);
        return a;
    }

    /** Creates a v3 array child (in a v3 group). */
    public ZarrArray createArray(String name, ArrayMetadataV3 metadata) throws IOException {
        if (zarrFormat != 3) throw new IllegalArgumentException("cannot create a Zarr v3 array in the Zarr v2 group " + this);
        ZarrArray a = Zarr.createArray(hierarchy, child(name), metadata);
        rememberChild(name);
        return a;
    }

    /** Creates (or reuses) a group child in this group's format. */
    public ZarrGroup createGroup(String name) throws IOException {
        ZarrGroup g = zarrFormat == 3 ? Zarr.createGroupV3(hierarchy, child(name)) : Zarr.createGroup(hierarchy, child(name));
        rememberChild(name);
        return g;
    }

    /** {@code <zarr Group '/'>} */
    @Override
    public String toString() {
        return "<zarr Group '" + name() + "'>";
    }

    /** A text tree like zarr-python's group.tree(). */
    public String tree() throws IOException {
        StringBuilder sb = new StringBuilder(name()).append('\n');
        treeText(sb, "", 0);
        return sb.toString();
    }

    private void treeText(StringBuilder sb, String indent, int depth) throws IOException {
        List<String> keys = keys();
        for (int i = 0; i < keys.size(); i++) {
            boolean last = i == keys.size() - 1;
            String k = keys.get(i);
            String p = child(k);
            sb.append(indent).append(last ? " └── " : " ├── ").append(k);
            if (isArray(p)) {
                ZarrArray a = get(k);
                sb.append(' ').append(ZarrText.tuple(a.shape())).append(' ').append(a.dtype()).append('\n');
            } else {
                sb.append('\n');
                if (depth < 16) group(k).treeText(sb, indent + (last ? "     " : " │   "), depth + 1);
            }
        }
    }
}
