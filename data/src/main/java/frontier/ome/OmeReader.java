package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an OME-Zarr hierarchy the way ome-zarr-py's Reader does, without ever listing the
 * store: the image, then (hidden) its {@code labels} group, then each label listed there; a
 * label whose source image was not yet seen puts that image (hidden) before itself. Metadata
 * files a node will need are requested together, before any of them is awaited.
 */
final class OmeReader {
    /** Vets a name taken from metadata before it is followed (download refuses names that leave its folder). */
    @FunctionalInterface
    interface NameCheck {
        void check(String field, String name, String where) throws OmeException;
    }

    private final List<OmeLocation> seen = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final NameCheck names;
    private final boolean stayInStore;

    OmeReader() {
        this((f, n, w) -> { }, false);
    }

    /** stayInStore: do not follow a label's source image out of the store being walked. */
    OmeReader(NameCheck names, boolean stayInStore) {
        this.names = names;
        this.stayInStore = stayInStore;
    }

    /** The nodes in output order; a bare array gives one node without specs. */
    List<OmeNode> read(OmeLocation root) throws IOException {
        root.prefetch();
        if (!root.exists()) {
            throw new NotAZarrException(root.path(), "no .zgroup, .zarray or zarr.json at " + root.locate(""));
        }
        seen.add(root);
        OmeNode node = node(root, true);
        List<OmeNode> out = new ArrayList<>();
        if (!node.specs.isEmpty()) {
            descend(node, out);
        } else if (root.zarray() != null) {
            ArrayInfo a = ArrayInfo.parse(root.zarray(), root.locate(root.zarrJson() != null ? frontier.zarr.Zarr.ZARR_JSON : ".zarray"));
            node.levels.add(new OmeNode.Level("", a, a.shape()));
            out.add(node);
        }
        return out;
    }

    /**
     * Walks another group with the same memory of what was seen (download's {@code masks/}, which
     * ome-zarr-py skips). Its children are listed under "labels" or, in early files, "masks".
     */
    List<OmeNode> readMore(OmeLocation loc) throws IOException {
        List<OmeNode> out = new ArrayList<>();
        if (seen.contains(loc)) return out;
        seen.add(loc);
        OmeNode node = node(loc, false);
        JsonNode masks = node.metadata.attrs().get("masks");
        String attrsFile = loc.attrsFile();
        if (node.metadata.labels() == null && masks != null && masks.isArray()) {
            for (int i = 0; i < masks.size(); i++) {
                String why = OmeMetadata.whyNotRelative(masks.get(i).asText());
                if (why != null) {
                    throw new OmeException("invalid OME-Zarr metadata in " + loc.locate(attrsFile) + ": refusing masks[" + i + "] = '"
                            + frontier.text.TerminalText.escape(masks.get(i).asText()) + "': not a relative path of plain names (" + why + ")");
                }
                names.check("masks[" + i + "]", masks.get(i).asText(), loc.locate(attrsFile));
            }
            for (JsonNode name : masks) {
                OmeLocation child = loc.child(name.asText()).prefetch();
                if (child.exists()) add(node, child, false, null);
            }
        }
        descend(node, out);
        return out;
    }

    List<String> warnings() {
        return warnings;
    }

    private void descend(OmeNode node, List<OmeNode> out) {
        for (OmeNode n : node.pre) descend(n, out);
        out.add(node);
        for (OmeNode n : node.post) descend(n, out);
    }

    private OmeNode node(OmeLocation loc, boolean visible) throws IOException {
        JsonNode attrs = loc.zattrs();
        String where = loc.locate(loc.attrsFile());
        OmeMetadata md = OmeMetadata.parse(attrs, where);
        warnings.addAll(md.warnings());
        OmeNode node = new OmeNode(loc, loc.describe(), visible, md);
        node.zarrV3 = loc.zarrJson() != null;
        boolean group = loc.zgroup() != null;

        // Ask for everything this node will look at before waiting for any of it.
        List<OmeLocation> labelChildren = new ArrayList<>();
        if (md.labels() != null) {
            for (int i = 0; i < md.labels().size(); i++) names.check("labels[" + i + "]", md.labels().get(i), where);
            for (String name : md.labels()) labelChildren.add(loc.child(name).prefetch());
        }
        OmeLocation source = null;
        if (md.imageLabel() != null && md.imageLabel().sourceImage() != null && !md.imageLabel().sourceImage().isEmpty()) {
            String rel = md.imageLabel().sourceImage();
            if (!stayInStore || OmeLocation.normalize(loc.prefix() + rel) != null) {
                source = loc.child(rel);
                if (!seen.contains(source)) source.prefetch();
            }
        }
        boolean multiscales = group && md.multiscale() != null;
        OmeLocation labelsGroup = null;
        if (multiscales) {
            List<Dataset> ds = md.multiscale().datasets();
            for (int i = 0; i < ds.size(); i++) names.check("multiscales[0].datasets[" + i + "].path", ds.get(i).path(), where);
            for (Dataset d : ds) loc.prefetchArray(d.path());
            labelsGroup = loc.child("labels");
            if (!seen.contains(labelsGroup)) labelsGroup.prefetch();
        }

        if (md.labels() != null) {
            node.specs.add("Labels");
            for (OmeLocation child : labelChildren) {
                if (child.exists()) add(node, child, false, null);
            }
        }
        if (md.imageLabel() != null) {
            node.specs.add("Label");
            if (source != null && source.exists()) {
                add(node, source, true, false);
            } else {
                warnings.add("no parent image found for " + loc.path() + ": " + (md.imageLabel().sourceImage()));
            }
        }
        if (multiscales) {
            node.specs.add("Multiscales");
            String version = md.multiscale().version();
            for (Dataset d : md.multiscale().datasets()) {
                JsonNode z = loc.arrayJson(d.path());
                if (z == null || !"array".equals(z.path("node_type").asText("array"))) {
                    throw new OmeException("invalid OME-Zarr image " + loc.path() + ": multiscales dataset '" + d.path()
                            + "' has no array (" + loc.arrayFile(d.path()) + (z == null ? " not found)" : " is not an array)"));
                }
                ArrayInfo a = ArrayInfo.parse(z, loc.arrayFile(d.path()));
                node.levels.add(new OmeNode.Level(d.path(), a, a.shape()));
            }
            if (labelsGroup.exists()) add(node, labelsGroup, false, false);
        }
        if (md.omero() != null || md.has("omero")) node.specs.add("OMERO");
        if (md.plate() != null) {
            for (Plate.WellRef w : md.plate().wells()) names.check("plate.wells[].path", w.path(), where);
            node.specs.add("Plate");
            plateLevels(loc, md.plate(), node);
        }
        if (md.well() != null) {
            for (Well.Image i : md.well().images()) names.check("well.images[].path", i.path(), where);
            node.specs.add("Well");
            wellLevels(loc, md.well(), node);
        }
        return node;
    }

    /** ome-zarr-py's Node.add: a child node unless its location was seen already. */
    private void add(OmeNode parent, OmeLocation loc, boolean prepend, Boolean visibility) throws IOException {
        if (seen.contains(loc)) return;
        seen.add(loc);
        boolean v = visibility == null ? parent.visible() : visibility;
        OmeNode child = node(loc, v);
        (prepend ? parent.pre : parent.post).add(child);
    }

    /** The level shapes of a well's first image, for a grid of all its fields (as ome-zarr-py stitches them). */
    private void wellLevels(OmeLocation loc, Well well, OmeNode node) throws IOException {
        int n = well.images().size();
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil(n / (double) cols);
        stitch(node, firstImageLevels(loc.child(well.images().get(0).path()), loc), rows, cols);
    }

    private void plateLevels(OmeLocation loc, Plate plate, OmeNode node) throws IOException {
        List<String> paths = new ArrayList<>(plate.wells().stream().map(Plate.WellRef::path).toList());
        paths.sort(null);
        OmeLocation wellLoc = loc.child(paths.get(0));
        OmeLocation image = wellLoc.child(well(loc, wellLoc).images().get(0).path());
        stitch(node, firstImageLevels(image, wellLoc), plate.rows().size(), plate.columns().size());
    }

    /** The {@code well} metadata of one of a plate's wells, or an error naming the plate and the well. */
    static Well well(OmeLocation plate, OmeLocation wellLoc) throws IOException {
        wellLoc.prefetch();
        if (!wellLoc.exists()) throw new OmeException("invalid OME-Zarr plate " + plate.path() + ": well " + wellLoc.path() + " not found");
        OmeMetadata wmd = OmeMetadata.parse(wellLoc.zattrs(), wellLoc.locate(wellLoc.attrsFile()));
        if (wmd.well() == null) throw new OmeException("invalid OME-Zarr plate " + plate.path() + ": " + wellLoc.locate(wellLoc.attrsFile()) + " has no 'well'");
        return wmd.well();
    }

    private List<ArrayInfo> firstImageLevels(OmeLocation image, OmeLocation from) throws IOException {
        image.prefetch();
        if (!image.exists()) throw new OmeException("invalid OME-Zarr " + from.path() + ": image " + image.path() + " not found");
        OmeMetadata md = OmeMetadata.parse(image.zattrs(), image.locate(image.attrsFile()));
        if (md.multiscale() == null) throw new OmeException("invalid OME-Zarr " + from.path() + ": " + image.locate(image.attrsFile()) + " has no 'multiscales'");
        List<ArrayInfo> out = new ArrayList<>();
        for (Dataset d : md.multiscale().datasets()) image.prefetchArray(d.path());
        for (Dataset d : md.multiscale().datasets()) {
            JsonNode z = image.arrayJson(d.path());
            if (z == null) throw new OmeException("invalid OME-Zarr image " + image.path() + ": dataset '" + d.path() + "' has no array");
            out.add(ArrayInfo.parse(z, image.arrayFile(d.path())));
        }
        return out;
    }

    private static void stitch(OmeNode node, List<ArrayInfo> levels, int rows, int cols) {
        for (ArrayInfo a : levels) {
            long[] shape = a.shape().clone();
            if (shape.length >= 2) {
                shape[shape.length - 1] *= cols;
                shape[shape.length - 2] *= rows;
            }
            node.levels.add(new OmeNode.Level(null, a, shape));
        }
    }
}
