package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code frontier zarr stat}: {@link ArrayStats} of every array under a location (or of one
 * array with {@code path}), sorted by path, so that two copies of an image compare line by line.
 * Arrays are found from .zmetadata, by listing a local folder, or (HTTP) from the OME-Zarr
 * metadata: pyramid levels, labels and masks. Zarr v3 hierarchies (zarr.json) are walked through
 * their groups (consolidated metadata, listing, or the children their attributes name).
 */
public final class ZarrStat {
    private ZarrStat() {
    }

    public static List<ArrayStats> stat(String location, String arrayPath) throws IOException {
        return stat(location, arrayPath, StoreOptions.defaults());
    }

    /** As {@link #stat(String, String)}, opening the location with options (an S3 endpoint, say). */
    public static List<ArrayStats> stat(String location, String arrayPath, StoreOptions options) throws IOException {
        try (Store store = Stores.open(location, options)) {
            return stat(store, arrayPath);
        }
    }

    public static List<ArrayStats> stat(Store store, String arrayPath) throws IOException {
        String base = arrayPath == null ? "" : OmeLocation.normalize(arrayPath);
        if (base == null) throw new IllegalArgumentException("--path " + arrayPath + " leaves the store");
        List<ArrayStats> out = new ArrayList<>();
        for (String p : arrays(store, base)) {
            ZarrArray a = Zarr.openArray(store, p);
            out.add(ArrayStats.of(a, p));
        }
        return out;
    }

    /** Paths of the arrays at or under prefix ("" or "a/b/"), sorted. */
    static List<String> arrays(Store store, String prefix) throws IOException {
        String self = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        if (store.get(prefix + ".zarray") != null) return List.of(self);
        TreeSet<String> found = new TreeSet<>();
        byte[] zmeta = store.get(".zmetadata");
        if (zmeta != null) {
            JsonNode md = OmeMetadata.JSON.readTree(zmeta).path("metadata");
            for (Iterator<String> it = md.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.endsWith(".zarray") || !k.startsWith(prefix)) continue;
                String why = k.equals(".zarray") ? null : OmeMetadata.whyNotRelative(k);
                if (why != null) {
                    throw new OmeException("invalid consolidated metadata " + store.locate(".zmetadata") + ": refusing key '"
                            + frontier.text.TerminalText.escape(k) + "': not a relative path of plain names (" + why + ")");
                }
                found.add(k.substring(0, Math.max(0, k.length() - "/.zarray".length())));
            }
        } else if (store.get(prefix + ".zgroup") == null) {
            byte[] v3 = store.get(prefix + Zarr.ZARR_JSON);
            if (v3 == null) throw new NotAZarrException(store.locate(prefix), "no .zgroup, .zarray or zarr.json");
            Object type = frontier.zarr.ZarrJson.parseObject(v3, store.locate(prefix + Zarr.ZARR_JSON)).get("node_type");
            if ("array".equals(type)) return List.of(self);
            walkV3(Zarr.open(store, self), found, 0);
        } else if (store.isListable()) {
            walk(store, prefix, found);
        } else {
            try (OmeSession session = new OmeSession()) {
                OmeLocation root = session.open(store);
                OmeLocation start = prefix.isEmpty() ? root : root.child(prefix);
                OmeReader reader = new OmeReader();
                List<OmeNode> nodes = new ArrayList<>(reader.read(start));
                for (OmeNode n : List.copyOf(nodes)) {
                    if (!n.specs().contains("Multiscales")) continue;
                    OmeLocation masks = n.location().child("masks").prefetch();
                    if (masks.exists()) nodes.addAll(reader.readMore(masks));
                }
                for (OmeNode n : nodes) {
                    if (n.location().store() != store) continue;
                    for (OmeNode.Level l : n.levels()) {
                        if (l.path() == null) continue;
                        String p = n.location().child(l.path()).prefix();
                        found.add(p.isEmpty() ? "" : p.substring(0, p.length() - 1));
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static void walkV3(ZarrGroup g, TreeSet<String> found, int depth) throws IOException {
        for (String k : g.arrayKeys()) found.add(g.path().isEmpty() ? k : g.path() + "/" + k);
        if (depth < 32) for (String k : g.groupKeys()) walkV3(g.group(k), found, depth + 1);
    }

    private static void walk(Store store, String prefix, TreeSet<String> found) throws IOException {
        for (String name : store.list(prefix)) {
            if (name.startsWith(".")) continue;
            String p = prefix + name + "/";
            if (store.get(p + ".zarray") != null) found.add(prefix + name);
            else if (store.get(p + ".zgroup") != null) walk(store, p, found);
        }
    }
}
