package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.store.Store;
import frontier.zarr.Zarr;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A group or array inside a store (ome-zarr-py's ZarrLocation): a key prefix with its
 * .zgroup/.zarray/.zattrs (Zarr v2) or zarr.json (Zarr v3), fetched lazily and concurrently through
 * the store's fetcher. Once the store's format is known, only that format's files are asked for.
 * Two locations are the same node when their {@link #path()} is equal.
 */
public final class OmeLocation {
    private final OmeSession session;
    private final MetadataFetcher fetcher;
    private final String prefix; // "" or "labels/0/"

    OmeLocation(OmeSession session, MetadataFetcher fetcher, String prefix) {
        this.session = session;
        this.fetcher = fetcher;
        this.prefix = prefix;
    }

    public Store store() {
        return fetcher.store();
    }

    /** The key prefix in the store ("" for the store's root, else ending in '/'). */
    public String prefix() {
        return prefix;
    }

    MetadataFetcher fetcher() {
        return fetcher;
    }

    /** Starts fetching the node's metadata: .zgroup and .zattrs (v2), zarr.json (v3), all three while the format is unknown. */
    OmeLocation prefetch() {
        int f = fetcher.format();
        if (f != 2) fetcher.prefetch(prefix + Zarr.ZARR_JSON);
        if (f != 3) {
            fetcher.prefetch(prefix + ".zgroup");
            fetcher.prefetch(prefix + ".zattrs");
        }
        return this;
    }

    /** Starts fetching the metadata of the array at relative path (.zarray or zarr.json). */
    void prefetchArray(String relative) throws IOException {
        OmeLocation a = child(relative);
        int f = a.fetcher.format();
        if (f != 2) a.fetcher.prefetch(a.prefix + Zarr.ZARR_JSON);
        if (f != 3) a.fetcher.prefetch(a.prefix + ".zarray");
    }

    /** The node's zarr.json (Zarr v3), or null; not asked for in a v2 store. */
    public JsonNode zarrJson() throws IOException {
        if (fetcher.format() == 2) return null;
        JsonNode j = fetcher.getJson(prefix + Zarr.ZARR_JSON);
        if (j != null && !j.isObject()) throw new OmeException("invalid Zarr metadata " + locate(Zarr.ZARR_JSON) + ": not a JSON object");
        return j;
    }

    /** 3 when the node is a Zarr v3 node, 2 when v2, 0 when it does not exist. */
    public int zarrFormat() throws IOException {
        if (zarrJson() != null) return 3;
        if (v2Group() != null || v2Array() != null) return 2;
        return 0;
    }

    private JsonNode v2Group() throws IOException {
        return fetcher.format() == 3 ? null : fetcher.getJson(prefix + ".zgroup");
    }

    private JsonNode v2Array() throws IOException {
        if (fetcher.format() == 3 || v2Group() != null) return null;
        return fetcher.getJson(prefix + ".zarray");
    }

    /** .zgroup, or a v3 group's zarr.json; null for an array or nothing. */
    public JsonNode zgroup() throws IOException {
        JsonNode j = zarrJson();
        if (j != null) return "group".equals(j.path("node_type").asText()) ? j : null;
        return v2Group();
    }

    /** .zarray (fetched only when there is no .zgroup: a path is a group or an array, hardly both), or a v3 array's zarr.json. */
    public JsonNode zarray() throws IOException {
        JsonNode j = zarrJson();
        if (j != null) return "array".equals(j.path("node_type").asText()) ? j : null;
        return v2Array();
    }

    /** The node's attributes: .zattrs, or zarr.json's "attributes" (null when none). */
    public JsonNode zattrs() throws IOException {
        JsonNode j = zarrJson();
        if (j != null) return j.get("attributes");
        if (zgroup() == null && zarray() == null) return null;
        return fetcher.getJson(prefix + ".zattrs");
    }

    /** The file holding the attributes, for messages: "zarr.json" in v3, else ".zattrs". */
    public String attrsFile() throws IOException {
        return zarrJson() != null ? Zarr.ZARR_JSON : ".zattrs";
    }

    /** The array metadata at relative path: zarr.json or .zarray, whichever this store's format has; null when absent. */
    JsonNode arrayJson(String relative) throws IOException {
        OmeLocation a = child(relative);
        if (a.fetcher.format() != 2) {
            JsonNode j = a.fetcher.getJson(a.prefix + Zarr.ZARR_JSON);
            if (j != null || a.fetcher.format() == 3) return j;
        }
        return a.fetcher.getJson(a.prefix + ".zarray");
    }

    /** Where the array metadata at relative path is (for messages). */
    String arrayFile(String relative) throws IOException {
        OmeLocation a = child(relative);
        return a.locate(a.fetcher.format() == 3 ? Zarr.ZARR_JSON : ".zarray");
    }

    public boolean exists() throws IOException {
        return zgroup() != null || zarray() != null;
    }

    public String locate(String key) {
        return store().locate(prefix + key);
    }

    /**
     * The node's name as ome-zarr-py prints it: an absolute path without trailing slash for local
     * files, the URL with a trailing slash otherwise.
     */
    public String path() {
        java.util.Optional<java.nio.file.Path> local = store().localPath(prefix);
        if (local.isPresent()) return local.get().normalize().toString();
        String s = store().locate(prefix);
        return s.endsWith("/") ? s : s + "/";
    }

    /** The last path segment ("6001240.zarr", "0"). */
    public String basename() {
        String p = path();
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** A location relative to this one ("labels", "0", "../../"); may leave this store (ome-zarr-py allows it). */
    public OmeLocation child(String relative) throws IOException {
        String joined = normalize(prefix + relative);
        if (joined != null) return new OmeLocation(session, fetcher, joined);
        return session.open(resolveOutside(relative));
    }

    private String resolveOutside(String relative) {
        java.util.Optional<java.nio.file.Path> local = store().localPath(prefix);
        if (local.isPresent()) return local.get().resolve(relative).normalize().toString();
        return java.net.URI.create(path()).resolve(relative).toString();
    }

    /** Normalises "a/b/../c/" to "a/c/"; null when the path climbs above the root. Always ends in '/' unless empty. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return parts.isEmpty() ? "" : String.join("/", parts) + "/";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmeLocation l && l.path().equals(path());
    }

    @Override
    public int hashCode() {
        return path().hashCode();
    }

    /**
     * ome-zarr-py's form: "PATH [zgroup]". On Zarr v3, ome-zarr-py 0.17 (io.py, ZarrLocation.__repr__) says
     * [zgroup] when the group's attributes, after unwrapping "ome", are not empty, and never [zarray].
     */
    public String describe() throws IOException {
        StringBuilder sb = new StringBuilder(path());
        JsonNode j = zarrJson();
        if (j != null) {
            JsonNode a = j.path("attributes");
            if (a.has("ome")) a = a.get("ome");
            if ("group".equals(j.path("node_type").asText()) && a.isObject() && a.size() > 0) sb.append(" [zgroup]");
            return sb.toString();
        }
        if (zgroup() != null) sb.append(" [zgroup]");
        if (zarray() != null) sb.append(" [zarray]");
        return sb.toString();
    }

    @Override
    public String toString() {
        return path();
    }
}
