package frontier.ome;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * NGFF 0.6rc0 read for info and the view: a multiscale's axes are those of its intrinsic coordinate system
 * (the output of its datasets' transforms, spec section "multiscales"), and a dataset's sequence of one
 * scale and one translation is read as those two. The document follows the spec text's 5D example.
 */
class Ngff06Test {
    static final String DOC = """
            {"ome": {"version": "0.6rc0", "multiscales": [{
              "name": "example",
              "coordinateSystems": [
                {"name": "physical", "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}]},
                {"name": "intrinsic", "axes": [
                  {"name": "t", "type": "time", "unit": "millisecond"}, {"name": "c", "type": "channel"},
                  {"name": "z", "type": "space", "unit": "micrometer"}, {"name": "y", "type": "space", "unit": "micrometer"},
                  {"name": "x", "type": "space", "unit": "micrometer"}]}],
              "datasets": [
                {"path": "s0", "coordinateTransformations": [{"type": "scale", "scale": [0.1, 1.0, 0.5, 0.5, 0.5],
                  "input": {"path": "s0"}, "output": {"name": "intrinsic"}}]},
                {"path": "s1", "coordinateTransformations": [{"type": "sequence", "input": {"path": "s1"}, "output": {"name": "intrinsic"},
                  "transformations": [{"type": "scale", "scale": [0.1, 1.0, 1.0, 1.0, 1.0]},
                                      {"type": "translation", "translation": [0, 0, 0.25, 0.25, 0.25]}]}]}],
              "coordinateTransformations": [{"type": "identity", "input": {"name": "intrinsic"}, "output": {"name": "physical"}}]
            }]}}
            """;

    @Test
    void intrinsicAxesAndFlattenedSequences() throws Exception {
        OmeMetadata md = OmeMetadata.parse(new ObjectMapper().readTree(DOC), "test.json");
        assertEquals("0.6rc0", md.version());
        Multiscale ms = md.multiscale();
        assertEquals(List.of("t", "c", "z", "y", "x"), ms.axisNames());
        assertEquals("micrometer", ms.axes().get(2).unit());
        assertEquals(List.of("s0", "s1"), ms.datasets().stream().map(Dataset::path).toList());
        List<CoordinateTransformation> t1 = ms.datasets().get(1).coordinateTransformations();
        assertEquals(List.of("scale", "translation"), t1.stream().map(CoordinateTransformation::type).toList());
        assertEquals(List.of(0.0, 0.0, 0.25, 0.25, 0.25), t1.get(1).translation());
    }

    @Test
    void aMissingCoordinateSystemIsNamed() throws Exception {
        String doc = "{\"ome\": {\"version\": \"0.6rc0\", \"multiscales\": [{\"datasets\": [{\"path\": \"0\"}]}]}}";
        OmeException e = assertThrows(OmeException.class, () -> OmeMetadata.parse(new ObjectMapper().readTree(doc), "z.json"));
        assertTrue(e.getMessage().contains("multiscales[0] has no 'coordinateSystems'"), e.getMessage());
        String v9 = "{\"ome\": {\"version\": \"0.9\", \"multiscales\": []}}";
        e = assertThrows(OmeException.class, () -> OmeMetadata.parse(new ObjectMapper().readTree(v9), "z.json"));
        assertTrue(e.getMessage().contains("ome.version is '0.9'"), e.getMessage());
    }

    /** info on an image whose group says 0.6rc0 (the converted 0.5 tiny image with 0.6rc0 metadata written over it). */
    @Test
    void infoReadsA06Image(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path img = tmp.resolve("i06.zarr");
        new frontier.ome.convert.NgffConverter(Fixtures.make("tiny.zarr", "--size", "tiny").toString(), img).run();
        ObjectMapper json = new ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(java.nio.file.Files.readAllBytes(img.resolve("zarr.json")));
        var ome = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("attributes").get("ome");
        ome.put("version", "0.6rc0");
        var ms = (com.fasterxml.jackson.databind.node.ObjectNode) ome.get("multiscales").get(0);
        var cs = ms.putArray("coordinateSystems").addObject().put("name", "intrinsic");
        cs.set("axes", ms.remove("axes"));
        for (var d : ms.get("datasets")) {
            var t = (com.fasterxml.jackson.databind.node.ObjectNode) d.get("coordinateTransformations").get(0);
            t.putObject("input").put("path", d.get("path").asText());
            t.putObject("output").put("name", "intrinsic");
        }
        java.nio.file.Files.write(img.resolve("zarr.json"), json.writeValueAsBytes(root));
        for (String g : List.of("labels", "labels/0")) { // the whole hierarchy says one version
            var n = json.readTree(java.nio.file.Files.readAllBytes(img.resolve(g + "/zarr.json")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("attributes").get("ome")).put("version", "0.6rc0");
            if (g.equals("labels/0")) {
                var lms = (com.fasterxml.jackson.databind.node.ObjectNode) n.get("attributes").get("ome").get("multiscales").get(0);
                lms.putArray("coordinateSystems").addObject().put("name", "intrinsic").set("axes", lms.remove("axes"));
            }
            java.nio.file.Files.write(img.resolve(g + "/zarr.json"), json.writeValueAsBytes(n));
        }
        OmeInfo info = OmeZarr.info(img.toString());
        String text = info.text();
        assertTrue(text.startsWith(img + " [zgroup]\n - version: 0.6rc0\n - metadata\n   - Multiscales\n   - OMERO\n - data\n   - (1, 2, 4, 20, 18)\n"), text);
        assertEquals(List.of("t", "c", "z", "y", "x"), info.nodes().get(0).metadata().multiscale().axisNames());
        // the image's own document follows 0.6rc0's schema; the label's transforms were left without input/output
        ValidationReport r = new NgffValidator(false, false).validate(img.toString());
        assertEquals("0.6rc0", r.version());
        assertTrue(r.findings().stream().allMatch(f -> f.file().contains("labels/0")), r.toString());
    }
}
