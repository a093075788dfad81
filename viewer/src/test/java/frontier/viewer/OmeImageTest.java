package frontier.viewer;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.MemoryStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OME-Zarr path: a Zarr group (in memory) holding a three-level pyramid shaped like the
 * tutorial image, read through its OmeMetadata (see also the fixture test on zarr-python's files).
 */
class OmeImageTest {
    static ZarrGroup group(Map<String, Object> attrs, Map<String, NdArray> arrays) throws IOException {
        ZarrGroup g = Zarr.createGroup(new MemoryStore(), "");
        g.updateAttrs(attrs);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            NdArray v = e.getValue();
            long[] shape = java.util.Arrays.stream(v.shape()).asLongStream().toArray();
            ZarrArray a = g.createArray(e.getKey(), ArrayMetadata.builder(v.dtype(), shape, v.shape()).build());
            a.write(v);
        }
        return g;
    }

    static ZarrGroup pyramid() throws IOException {
        NdArray l0 = NdArray.zeros(DType.UINT16, 1, 2, 40, 64, 64);
        NdArray l1 = NdArray.zeros(DType.UINT16, 1, 2, 40, 32, 32);
        NdArray l2 = NdArray.zeros(DType.UINT16, 1, 2, 40, 16, 16);
        l1.setDouble(l1.flatIndex(0, 0, 20, 8, 24), 3000);
        l1.setDouble(l1.flatIndex(0, 1, 20, 24, 8), 800);
        Map<String, Object> attrs = Map.of(
                "multiscales", List.of(Map.of("version", "0.1", "name", "tutorial-like",
                        "datasets", List.of(Map.of("path", "0"), Map.of("path", "1"), Map.of("path", "2")))),
                "omero", Map.of("channels", List.of(
                        Map.of("label", "LaminB1", "color", "0000FF", "active", true, "window", Map.of("start", 0, "end", 1500, "min", 0, "max", 65535)),
                        Map.of("label", "Dapi", "color", "FFFF00", "active", true, "window", Map.of("start", 0, "end", 1600, "min", 0, "max", 65535)))));
        return group(attrs, Map.of("0", l0, "1", l1, "2", l2));
    }

    @Test
    void picksTheLargestLevelThatFitsAndUsesOmero() throws IOException {
        // level 0: 2*40*64*64 = 327,680 bytes; level 1: 81,920; level 2: 20,480
        VolumeView v = View.view(pyramid(), new ViewOptions().budgetBytes(100_000).embedBundle(false));
        assertTrue(v.text().contains("level 1 (path '1', shape (1, 2, 40, 32, 32)) of 3"), v.text());
        assertFalse(v.text().contains("downsampled by"), v.text());
        String html = v.html();
        assertTrue(html.contains("\"name\":\"LaminB1\""), "omero labels");
        assertTrue(html.contains("\"name\":\"Dapi\""));
        assertTrue(html.contains("\"color\":[0.0,0.0,1.0]"), "omero colors");
        // window end 1500 over the channel's range 0..3000: byte 127.5
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("\"window\":\\[([-0-9.eE]+),([-0-9.eE]+)]").matcher(html);
        assertTrue(w.find(), "a window in the spec");
        assertEquals(0.0, Double.parseDouble(w.group(1)), 1e-9);
        assertEquals(127.5, Double.parseDouble(w.group(2)), 1e-9);
        // level 1 is half of level 0 in y and x: the voxels are twice as wide
        assertTrue(html.contains("\"spacing\":[2.0,2.0,1.0]"), "spacing (x, y, z) from the level's reduction");
    }

    @Test
    void noLevelFitsTakesTheSmallestAndDownsamples() throws IOException {
        VolumeView v = View.view(pyramid(), new ViewOptions().budgetBytes(5_000).embedBundle(false));
        assertTrue(v.text().contains("level 2 (path '2'"), v.text());
        assertTrue(v.text().contains("downsampled by (z 2, y 2, x 2)"), v.text());
    }

    @Test
    void aLevelCanBeChosen() throws IOException {
        VolumeView v = View.view(pyramid(), new ViewOptions().level(0).embedBundle(false));
        assertTrue(v.text().contains("level 0 (path '0'"), v.text());
        assertTrue(View.view(pyramid(), new ViewOptions().level(7)).text().contains("level 7 does not exist"));
    }

    @Test
    void brokenMetadataGivesAMessage() throws IOException {
        ZarrGroup empty = group(Map.of("multiscales", List.of(Map.of("datasets", List.of()))), Map.of());
        assertTrue(View.view(empty).text().contains("multiscales[0].datasets is an empty list"), View.view(empty).text());
        ZarrGroup missing = group(Map.of("multiscales", List.of(Map.of("datasets", List.of(Map.of("path", "0"))))), Map.of());
        assertTrue(View.view(missing).text().contains("cannot open level '0': no array '0'"), View.view(missing).text());
        ZarrGroup plain = group(Map.of("title", "not an image"), Map.of("0", NdArray.zeros(DType.UINT8, 2, 2)));
        assertTrue(View.view(plain).text().contains("not an OME-Zarr image"), View.view(plain).text());
    }

    @Test
    void aLevelPathLeavingTheImageIsRefused() throws IOException {
        ZarrGroup g = group(Map.of("multiscales", List.of(Map.of("datasets", List.of(Map.of("path", "../0"))))), Map.of());
        String text = View.view(g).text();
        assertTrue(text.contains("refusing multiscales[0].datasets[0].path = '../0'"), text);
    }

    @Test
    void ngff05KeepsItsMetadataUnderOme() throws IOException {
        ZarrGroup v2 = pyramid();
        ZarrGroup nested = group(Map.of("ome", v2.attrs()), Map.of("0", NdArray.zeros(DType.UINT16, 1, 2, 40, 64, 64),
                "1", NdArray.zeros(DType.UINT16, 1, 2, 40, 32, 32), "2", NdArray.zeros(DType.UINT16, 1, 2, 40, 16, 16)));
        VolumeView v = View.view(nested, new ViewOptions().budgetBytes(100_000).embedBundle(false));
        assertTrue(v.text().contains("OME-Zarr image 'tutorial-like', level 1"), v.text());
        assertTrue(v.html().contains("\"name\":\"LaminB1\""), "omero under \"ome\"");
    }
}
