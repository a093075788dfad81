package frontier.ome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.http.StaticFileServer;
import frontier.ome.convert.NgffConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ome_zarr validate. The documents here are written from the spec's rules (the NGFF 0.5 text: axes
 * 2 to 5 with 2 or 3 of type space; datasets with one scale; 0.1: multiscales with datasets), not
 * produced by our own writer; the converted images are zarr-python's fixtures rewritten by
 * NgffConverter, which the schemas must accept. (The spec repository's own conformance suite, run
 * through bin/frontier with ome_zarr_conformance.py, is reported in the commit notes: it is not
 * copied here.)
 */
class NgffValidatorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode image05(int axes) {
        ObjectNode attrs = JSON.createObjectNode();
        ObjectNode ome = attrs.putObject("ome");
        ome.put("version", "0.5");
        ObjectNode ms = ome.putArray("multiscales").addObject();
        ArrayNode ax = ms.putArray("axes");
        String[] names = {"t", "c", "z", "y", "x"};
        for (int i = 5 - axes; i < 5; i++) {
            ObjectNode a = ax.addObject().put("name", names[i]);
            a.put("type", i == 0 ? "time" : i == 1 ? "channel" : "space");
        }
        ObjectNode d = ms.putArray("datasets").addObject().put("path", "0");
        ArrayNode scale = d.putArray("coordinateTransformations").addObject().put("type", "scale").putArray("scale");
        for (int i = 0; i < axes; i++) scale.add(1.0);
        return attrs;
    }

    @Test
    void attributesFileValidAndInvalidWithJsonPaths(@TempDir Path tmp) throws Exception {
        Path good = tmp.resolve("good.json");
        Files.write(good, JSON.writeValueAsBytes(image05(3)));
        ValidationReport r = new NgffValidator(false, false).validate(good.toString());
        assertTrue(r.valid(), r.toString());
        assertEquals("0.5", r.version());

        Path bad = tmp.resolve("bad.json");
        Files.write(bad, JSON.writeValueAsBytes(image05(1))); // one axis: the 0.5 schema wants 2 to 5
        r = new NgffValidator(false, false).validate(bad.toString());
        assertFalse(r.valid());
        assertTrue(r.findings().stream().anyMatch(f -> f.jsonPath().equals("$.ome.multiscales[0].axes") && f.file().equals(bad.toString())),
                r.findings().toString());

        // the same document as a whole zarr.json
        ObjectNode zj = JSON.createObjectNode().put("zarr_format", 3).put("node_type", "group");
        zj.set("attributes", image05(3));
        Path whole = tmp.resolve("zarr.json");
        Files.write(whole, JSON.writeValueAsBytes(zj));
        assertTrue(new NgffValidator(false, false).validate(whole.toString()).valid());
    }

    @Test
    void strictAddsTheShouldRules(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("a.json");
        Files.write(f, JSON.writeValueAsBytes(image05(3)));
        ValidationReport r = new NgffValidator(true, false).validate(f.toString());
        assertFalse(r.valid(), "a multiscale without name, type and metadata breaks 0.5's strict_image.schema");
        assertTrue(r.findings().stream().anyMatch(x -> x.message().contains("'name'") && x.message().contains("strict_image.schema")), r.toString());
    }

    @Test
    void ngff01IsCheckedByItsSpecRules(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("a.json");
        Files.writeString(f, "{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": []}]}");
        ValidationReport r = new NgffValidator(false, false).validate(f.toString());
        assertFalse(r.valid());
        assertEquals("0.1", r.version());
        assertTrue(r.findings().get(0).message().contains("datasets is an empty list"), r.toString());
        Files.writeString(f, "{\"multiscales\": [{\"version\": \"0.1\", \"name\": \"n\", \"datasets\": [{\"path\": \"0\"}]}]}");
        assertTrue(new NgffValidator(true, false).validate(f.toString()).valid());
    }

    @Test
    void unknownVersionIsAFindingNotJsonIsAnError(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("a.json");
        Files.writeString(f, "{\"ome\": {\"version\": \"0.9\", \"multiscales\": []}}");
        ValidationReport r = new NgffValidator(false, false).validate(f.toString());
        assertFalse(r.valid());
        assertEquals("$.ome.version", r.findings().get(0).jsonPath());
        Files.writeString(f, "{not json");
        OmeException e = assertThrows(OmeException.class, () -> new NgffValidator(false, false).validate(f.toString()));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertThrows(NotAZarrException.class, () -> new NgffValidator(false, false).validate(tmp.resolve("nothing").toString()));
    }

    @Test
    void convertedImagesValidateAsOneHierarchy(@TempDir Path tmp) throws Exception {
        for (String[] f : List.of(new String[]{"tiny.zarr", "--size", "tiny"}, new String[]{"plate.zarr", "--size", "tiny", "--plate"})) {
            Path src = Fixtures.make(f[0], java.util.Arrays.copyOfRange(f, 1, f.length));
            ValidationReport v2 = new NgffValidator(false, false).validate(src.toString());
            assertTrue(v2.valid(), v2.toString());
            Path out = tmp.resolve("c-" + f[0]);
            new NgffConverter(src.toString(), out).run();
            ValidationReport r = new NgffValidator(false, false).validate(out.toString());
            assertTrue(r.valid(), r.toString());
            assertEquals("0.5", r.version());
            assertTrue(r.checked().size() >= 3, r.checked().toString()); // the image, labels/, the label (or the plate's wells and fields)
        }
    }

    @Test
    void whatTheSchemasCannotSayIsFoundInTheHierarchy(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path img = tmp.resolve("img.zarr");
        new NgffConverter(src.toString(), img).run();
        // dimension_names of level 1 no longer the axes' names; level 2's array gone; a label that is not there;
        // a scale vector one value short
        ObjectNode z1 = (ObjectNode) JSON.readTree(Files.readAllBytes(img.resolve("1/zarr.json")));
        ((ArrayNode) z1.get("dimension_names")).set(4, JSON.getNodeFactory().textNode("w"));
        Files.write(img.resolve("1/zarr.json"), JSON.writeValueAsBytes(z1));
        Files.delete(img.resolve("2/zarr.json"));
        ObjectNode labels = (ObjectNode) JSON.readTree(Files.readAllBytes(img.resolve("labels/zarr.json")));
        ((ArrayNode) labels.get("attributes").get("ome").get("labels")).add("missing");
        Files.write(img.resolve("labels/zarr.json"), JSON.writeValueAsBytes(labels));
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(img.resolve("zarr.json")));
        ((ArrayNode) root.at("/attributes/ome/multiscales/0/datasets/0/coordinateTransformations/0/scale")).remove(0);
        Files.write(img.resolve("zarr.json"), JSON.writeValueAsBytes(root));

        ValidationReport r = new NgffValidator(false, false).validate(img.toString());
        assertFalse(r.valid());
        String all = r.findings().toString();
        assertTrue(r.findings().stream().anyMatch(f -> f.file().endsWith("1/zarr.json") && f.jsonPath().equals("$.dimension_names")), all);
        assertTrue(r.findings().stream().anyMatch(f -> f.jsonPath().equals("$.ome.multiscales[0].datasets[2].path") && f.message().contains("there is none")), all);
        assertTrue(r.findings().stream().anyMatch(f -> f.file().endsWith("labels/zarr.json") && f.jsonPath().equals("$.ome.labels[1]")), all);
        assertTrue(r.findings().stream().anyMatch(f -> f.jsonPath().equals("$.ome.multiscales[0].datasets[0].coordinateTransformations[0].scale")
                && f.message().contains("4 values")), all);

        // --metadata-only: only the root document, so only the scale length the schema sees... which it cannot: valid
        ValidationReport m = new NgffValidator(false, true).validate(img.toString());
        assertTrue(m.valid(), m.toString());
        assertEquals(1, m.checked().size());
    }

    @Test
    void metadataOnlyOverHttpReadsTheRootOnly() throws Exception {
        Path img = Ngff05Test.tiny05();
        try (StaticFileServer s = StaticFileServer.start(img.getParent(), 0)) {
            ValidationReport r = new NgffValidator(false, true).validate(s.url("tiny05.zarr"));
            assertTrue(r.valid(), r.toString());
            assertEquals(4, s.requestCount(), "zarr.json, .zgroup, .zattrs, .zmetadata at the root, nothing else");
            s.resetRequestCount();
            assertTrue(new NgffValidator(false, false).validate(s.url("tiny05.zarr")).valid());
            assertTrue(s.requestCount() > 4);
        }
    }

    @Test
    void namesThatLeaveTheImageAreNotFollowed(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path img = tmp.resolve("img.zarr");
        new NgffConverter(src.toString(), img).run();
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/zarr.json"), "{\"zarr_format\":3,\"node_type\":\"group\",\"attributes\":{}}");
        ObjectNode labels = (ObjectNode) JSON.readTree(Files.readAllBytes(img.resolve("labels/zarr.json")));
        ((ArrayNode) labels.get("attributes").get("ome").get("labels")).add("../../outside");
        Files.write(img.resolve("labels/zarr.json"), JSON.writeValueAsBytes(labels));
        ValidationReport r = new NgffValidator(false, false).validate(img.toString());
        assertFalse(r.valid());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("not followed")), r.findings().toString());
        assertTrue(r.checked().stream().noneMatch(c -> c.contains("outside")), r.checked().toString());
    }
}
