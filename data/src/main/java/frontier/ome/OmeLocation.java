package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.store.Store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A group or array inside a store (ome-zarr-py's ZarrLocation): a key prefix with its
 * .zgroup/.zarray/.zattrs, fetched lazily and concurrently through the store's fetcher.
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

    /** Starts fetching .zgroup and .zattrs (and nothing whose absence can be inferred later). */
    OmeLocation prefetch() {
        fetcher.prefetch(prefix + ".zgroup");
        fetcher.prefetch(prefix + ".zattrs");
        return this;
    }

    public JsonNode zgroup() throws IOException {
        return fetcher.getJson(prefix + ".zgroup");
    }

    /** .zarray, fetched only when there is no .zgroup (a path is a group or an array, hardly both). */
    public JsonNode zarray() throws IOException {
        if (zgroup() != null) return null;
        return fetcher.getJson(prefix + ".zarray");
    }

    public JsonNode zattrs() throws IOException {
        if (zgroup() == null && zarray() == null) return null;
        return fetcher.getJson(prefix + ".zattrs");
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

    /** ome-zarr-py's form: "PATH [zgroup]". */
    public String describe() throws IOException {
        StringBuilder sb = new StringBuilder(path());
        if (zgroup() != null) sb.append(" [zgroup]");
        if (zarray() != null) sb.append(" [zarray]");
        return sb.toString();
    }

    @Override
    public String toString() {
        return path();
    }
}
