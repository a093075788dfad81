package frontier.zarr;

import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point for Zarr v2 and v3: open groups and arrays from a path, a URL (any scheme a
 * {@link frontier.store.StoreProvider} handles: http(s)://, s3://, ipfs://) or a store, and create them.
 * Opening finds the format by itself (.zgroup/.zarray, else zarr.json); creation makes v2 unless
 * given v3 metadata ({@link ArrayMetadataV3}) or asked for a v3 group.
 * <pre>
 * ZarrGroup g = Zarr.open("images/6001240.zarr");
 * ZarrArray a = g.get("0");            // &lt;zarr Array '/0' (1, 2, 236, 275, 271) uint16&gt;
 * NdArray v = a.read(new long[]{0, 1, 100, 0, 0}, new int[]{1, 1, 1, 275, 271});
 * </pre>
 */
public final class Zarr {
    /** The metadata document of a Zarr v3 node. */
    public static final String ZARR_JSON = "zarr.json";

    private Zarr() {
    }

    // ---- groups ----

    public static ZarrGroup open(String pathOrUrl) throws IOException {
        return open(Stores.open(pathOrUrl), "");
    }

    /** Opens a path or URL with options (an S3 endpoint, say). */
    public static ZarrGroup open(String pathOrUrl, StoreOptions options) throws IOException {
        return open(Stores.open(pathOrUrl, options), "");
    }

    public static ZarrGroup open(Path path) throws IOException {
        return open(Stores.directory(path), "");
    }

    public static ZarrGroup open(Store store) throws IOException {
        return open(store, "");
    }

    /** The group at path inside store (consolidated metadata at that path is used when present). */
    public static ZarrGroup open(Store store, String path) throws IOException {
        String p = normalizePath(path);
        Hierarchy h = Hierarchy.open(store, p);
        if (h.json(key(p, ".zgroup")) != null) return new ZarrGroup(h, p, 2);
        Map<String, Object> v3 = h.isConsolidated() ? null : h.v3Node(p);
        if (v3 != null) {
            if ("group".equals(v3.get("node_type"))) {
                ZarrGroup.checkV3Group(v3, store.locate(key(p, ZARR_JSON)));
                return new ZarrGroup(Hierarchy.openV3(store, p, v3), p, 3);
            }
            throw new ZarrFormatException(store.locate(p) + " is a Zarr array, not a group: open it with Zarr.openArray(...)");
        }
        if (h.json(key(p, ".zarray")) != null) {
            throw new ZarrFormatException(store.locate(p) + " is a Zarr array, not a group: open it with Zarr.openArray(...)");
        }
        throw new ZarrFormatException("not a zarr: no .zgroup, .zarray or zarr.json at " + store.locate(p));
    }

    // ---- arrays ----

    public static ZarrArray openArray(String pathOrUrl) throws IOException {
        return openArray(Stores.open(pathOrUrl), "");
    }

    public static ZarrArray openArray(String pathOrUrl, String path) throws IOException {
        return openArray(Stores.open(pathOrUrl), path);
    }

    public static ZarrArray openArray(Path path) throws IOException {
        return openArray(Stores.directory(path), "");
    }

    public static ZarrArray openArray(Path path, String arrayPath) throws IOException {
        return openArray(Stores.directory(path), arrayPath);
    }

    public static ZarrArray openArray(Store store) throws IOException {
        return openArray(store, "");
    }

    public static ZarrArray openArray(Store store, String path) throws IOException {
        String p = normalizePath(path);
        Hierarchy h = Hierarchy.plain(store); // .zarray (or zarr.json) directly: one request, consolidated or not
        ZarrArray a = ZarrArray.openOrNull(h, p);
        if (a != null) return a;
        a = ZarrArray.openV3OrNull(h, p);
        if (a != null) return a;
        if (h.v3Node(p) != null || h.json(key(p, ".zgroup")) != null) {
            throw new ZarrFormatException(store.locate(p) + " is a Zarr group, not an array: open it with Zarr.open(...) and get(name)");
        }
        throw new ZarrFormatException("not a zarr array: no .zarray or zarr.json at " + store.locate(p));
    }

    // ---- creation ----

    /** Creates (or reuses) the Zarr v2 group at path, and any missing parent groups. */
    public static ZarrGroup createGroup(Store store, String path) throws IOException {
        return createGroup(Hierarchy.plain(store), normalizePath(path));
    }

    /** Creates (or reuses) the group at path, and any missing parent groups, in Zarr format 2 or 3. */
    public static ZarrGroup createGroup(Store store, String path, int zarrFormat) throws IOException {
        if (zarrFormat == 2) return createGroup(store, path);
        if (zarrFormat != 3) throw new IllegalArgumentException("zarr format " + zarrFormat + ": expected 2 or 3");
        return createGroupV3(Hierarchy.plain(store), normalizePath(path));
    }

    /** Creates a v2 array at path (refusing to replace an existing array or group), with missing parent groups. */
    public static ZarrArray createArray(Store store, String path, ArrayMetadata metadata) throws IOException {
        return createArray(Hierarchy.plain(store), normalizePath(path), metadata);
    }

    /** Creates a v3 array at path (refusing to replace an existing array or group), with missing parent v3 groups. */
    public static ZarrArray createArray(Store store, String path, ArrayMetadataV3 metadata) throws IOException {
        return createArray(Hierarchy.plain(store), normalizePath(path), metadata);
    }

    // ---- computing lazy arrays into Zarr ----

    /**
     * Computes a lazy array into a new Zarr v2 array at path in the store (chunks: the array's chunk
     * size; zarr-python's default compressor; fill value 0), one write task per chunk on the current
     * scheduler, and returns it. If the computation fails, the .zarray is removed again so that no
     * half-written array looks complete, and the error is rethrown.
     */
    public static ZarrArray write(frontier.array.ChunkedArray a, Store store, String path) throws IOException {
        return ZarrWriter.write(a, store, path, frontier.array.sched.Scheduler.current());
    }

    /** {@link #write(frontier.array.ChunkedArray, Store, String)} on the given scheduler. */
    public static ZarrArray write(frontier.array.ChunkedArray a, Store store, String path, frontier.array.sched.Scheduler scheduler) throws IOException {
        return ZarrWriter.write(a, store, path, scheduler);
    }

    /** Writes into a local directory (created; must not hold a Zarr array or group yet). */
    public static ZarrArray write(frontier.array.ChunkedArray a, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        return write(a, frontier.store.Stores.directory(dir), "");
    }

    /**
     * Computes a lazy array into a new Zarr v3 array at path with the given metadata (made with
     * {@code ArrayMetadataV3.builder(a.dtype(), a.shape(), chunks)}: its codecs, sharding, dimension
     * names), one write task per shard (or per chunk when unsharded). As with v2, a failed computation
     * removes the zarr.json again and rethrows.
     */
    public static ZarrArray write(frontier.array.ChunkedArray a, Store store, String path, ArrayMetadataV3 metadata) throws IOException {
        return ZarrWriter.write(a, store, path, metadata, frontier.array.sched.Scheduler.current());
    }

    public static ZarrArray write(frontier.array.ChunkedArray a, Store store, String path, ArrayMetadataV3 metadata,
                                  frontier.array.sched.Scheduler scheduler) throws IOException {
        return ZarrWriter.write(a, store, path, metadata, scheduler);
    }

    static ZarrGroup createGroup(Hierarchy h, String path) throws IOException {
        createParents(h, path);
        return ZarrGroup.create(h, path);
    }

    static ZarrArray createArray(Hierarchy h, String path, ArrayMetadata metadata) throws IOException {
        createParents(h, path);
        return ZarrArray.create(h, path, metadata);
    }

    static ZarrGroup createGroupV3(Hierarchy h, String path) throws IOException {
        createParentsV3(h, path);
        return ZarrGroup.createV3(h, path);
    }

    static ZarrArray createArray(Hierarchy h, String path, ArrayMetadataV3 metadata) throws IOException {
        createParentsV3(h, path);
        return ZarrArray.create(h, path, metadata);
    }

    /** The paths of path's ancestors, root first. */
    private static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        if (path.isEmpty()) return parents;
        String p = path;
        int slash;
        while ((slash = p.lastIndexOf('/')) >= 0) {
            p = p.substring(0, slash);
            parents.add(0, p);
        }
        parents.add(0, "");
        return parents;
    }

    private static void createParentsV3(Hierarchy h, String path) throws IOException {
        for (String parent : parents(path)) ZarrGroup.createV3(h, parent);
    }

    private static void createParents(Hierarchy h, String path) throws IOException {
        if (path.isEmpty()) return;
        List<String> parents = new ArrayList<>();
        String p = path;
        int slash;
        while ((slash = p.lastIndexOf('/')) >= 0) {
            p = p.substring(0, slash);
            parents.add(0, p);
        }
        parents.add(0, "");
        for (String parent : parents) {
            if (h.json(key(parent, ".zarray")) != null) {
                throw new IOException("cannot create " + h.store().locate(path) + ": " + h.store().locate(parent) + " is an array");
            }
            if (h.json(key(parent, ".zgroup")) == null) ZarrGroup.create(h, parent);
        }
    }

    // ---- consolidated metadata ----

    /**
     * Writes {@code .zmetadata} for the hierarchy at path as zarr-python's consolidate_metadata
     * does (every .zgroup, .zarray and .zattrs below it), so that readers over HTTP need one
     * request for the whole tree. The store must be able to list keys.
     */
    public static void consolidateMetadata(Store store, String path) throws IOException {
        String p = normalizePath(path);
        if (store.get(key(p, ZARR_JSON)) != null) {
            throw new IOException("cannot consolidate " + store.locate(p) + ": it is a Zarr v3 hierarchy (writing v3's inline "
                    + "consolidated_metadata is not supported; reading it is)");
        }
        if (!store.isListable()) throw new IOException("cannot consolidate " + store.locate(p) + ": the store cannot list keys");
        java.util.Map<String, Object> metadata = new java.util.TreeMap<>();
        collectMetadata(store, p, "", metadata, 0);
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("metadata", metadata);
        doc.put("zarr_consolidated_format", 1);
        store.put(key(p, ".zmetadata"), ZarrJson.write(doc));
    }

    private static void collectMetadata(Store store, String root, String rel, java.util.Map<String, Object> out, int depth)
            throws IOException {
        String dir = rel.isEmpty() ? root : key(root, rel);
        for (String name : store.list(dir.isEmpty() ? "" : dir + "/")) {
            String relKey = rel.isEmpty() ? name : rel + "/" + name;
            if (name.equals(".zgroup") || name.equals(".zarray") || name.equals(".zattrs")) {
                String k = key(root, relKey);
                byte[] b = store.get(k);
                if (b != null) out.put(relKey, ZarrJson.parse(b, store.locate(k)));
            } else if (!name.startsWith(".") && depth < 64) {
                String childDir = key(root, relKey);
                if (store.contains(key(childDir, ".zgroup")) || store.contains(key(childDir, ".zarray"))) {
                    collectMetadata(store, root, relKey, out, depth + 1);
                }
            }
        }
    }

    // ---- paths ----

    /** "a/b" from "/a/b/", refusing ".." and empty segments in the middle. */
    static String normalizePath(String path) {
        if (path == null) return "";
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) throw new IllegalArgumentException("path '" + path + "' may not contain '..'");
            if (sb.length() > 0) sb.append('/');
            sb.append(seg);
        }
        return sb.toString();
    }

    /** The store key of name under path. */
    static String key(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }
}
