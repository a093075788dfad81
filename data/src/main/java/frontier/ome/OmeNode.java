package frontier.ome;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of the walk (ome-zarr-py's Node): a location, the specs it matched (Labels, Label,
 * Multiscales, OMERO, Plate, Well), its parsed metadata, and its pyramid levels.
 */
public final class OmeNode {
    /** One pyramid level (or a plate's stitched level: then path is null). */
    public record Level(String path, ArrayInfo array, long[] shape) {
    }

    private final OmeLocation location;
    private final String describe;
    private boolean visible;
    final OmeMetadata metadata;
    final List<String> specs = new ArrayList<>();
    final List<Level> levels = new ArrayList<>();
    final List<OmeNode> pre = new ArrayList<>();
    final List<OmeNode> post = new ArrayList<>();
    /** min/max per level once computed with --stats (boxed numbers as read). */
    final List<Number[]> stats = new ArrayList<>();
    /** A Zarr v3 node (zarr.json): printed as ome-zarr-py 0.17 prints it. */
    boolean zarrV3;

    OmeNode(OmeLocation location, String describe, boolean visible, OmeMetadata metadata) {
        this.location = location;
        this.describe = describe;
        this.visible = visible;
        this.metadata = metadata;
    }

    public OmeLocation location() {
        return location;
    }

    public String path() {
        return location.path();
    }

    public boolean visible() {
        return visible;
    }

    void setVisible(boolean v) {
        if (v == visible) return;
        visible = v;
        for (OmeNode n : pre) n.setVisible(v);
        for (OmeNode n : post) n.setVisible(v);
    }

    /** Spec class names as ome-zarr-py prints them. */
    public List<String> specs() {
        return specs;
    }

    public OmeMetadata metadata() {
        return metadata;
    }

    public List<Level> levels() {
        return levels;
    }

    public List<Number[]> stats() {
        return stats;
    }

    public boolean isZarrV3() {
        return zarrV3;
    }

    /**
     * What ome-zarr-py 0.17 prints after " - version:": the group attributes' "version" (after
     * unwrapping "ome"), else multiscales[0].version, else nothing.
     */
    public String versionLine() {
        com.fasterxml.jackson.databind.JsonNode a = metadata.storedAttributes();
        if (a.has("ome")) a = a.get("ome");
        if (a.hasNonNull("version")) return a.get("version").asText();
        com.fasterxml.jackson.databind.JsonNode v = a.path("multiscales").path(0).path("version");
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    /** "PATH [zgroup]" plus " (hidden)". */
    public String header() {
        return describe + (visible ? "" : " (hidden)");
    }

    @Override
    public String toString() {
        return header();
    }
}
