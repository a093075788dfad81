package frontier.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * view() of a real OME-Zarr image written by zarr-python (tools/make_ome_zarr.py, Debian
 * python3-zarr), opened with our Zarr reader, against zarr-python's own reading of the level.
 */
class OmeZarrFixtureTest {
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    @TempDir
    static Path dir;
    static Path image;

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @BeforeAll
    static void fixture() throws Exception {
        boolean zarr = new ProcessBuilder("/usr/bin/python3", "-c", "import zarr, numcodecs").start().waitFor() == 0;
        if (!zarr) System.err.println("SKIPPED OmeZarrFixtureTest: /usr/bin/python3 lacks zarr (Debian python3-zarr python3-numcodecs)");
        Assumptions.assumeTrue(zarr, "Debian python3-zarr is not installed");
        image = dir.resolve("img.zarr");
        run("/usr/bin/python3", REPO.resolve("tools/make_ome_zarr.py").toString(), image.toString(), "--size", "small");
    }

    @Test
    void viewsTheLargestLevelThatFitsWithTheBytesZarrPythonReads() throws Exception {
        ZarrGroup g = Zarr.open(image);
        // small: level 0 (1, 2, 32, 96, 80) = 491,520 bytes; level 1 = 122,880; level 2 = 30,720
        VolumeView v = View.view(g, new ViewOptions().budgetBytes(200_000).embedBundle(false));
        assertTrue(v.text().contains("level 1 (path '1', shape (1, 2, 32, 48, 40)) of 3"), v.text());
        JsonNode oracle = new ObjectMapper().readTree(run("/usr/bin/python3",
                Path.of(System.getProperty("user.dir")).resolve("src/test/python/level_bytes.py").toString(), image.toString(), "1"));
        Matcher m = Pattern.compile("<script type=\"application/json\">(.*?)</script>", Pattern.DOTALL).matcher(v.html());
        assertTrue(m.find());
        JsonNode spec = new ObjectMapper().readTree(m.group(1).replace("<\\/", "</"));
        assertEquals("[40,48,32]", spec.get("dims").toString());
        for (int c = 0; c < 2; c++) {
            JsonNode ch = spec.get("channels").get(c);
            JsonNode want = oracle.get(c);
            assertEquals(want.get("min").asDouble(), ch.get("range").get(0).asDouble(), 0, "channel " + c + " min");
            assertEquals(want.get("max").asDouble(), ch.get("range").get(1).asDouble(), 0, "channel " + c + " max");
            byte[] ours = Base64.getDecoder().decode(ch.get("data").asText());
            byte[] theirs = Base64.getDecoder().decode(want.get("bytes").asText());
            assertEquals(theirs.length, ours.length);
            for (int i = 0; i < ours.length; i++) {
                assertTrue(Math.abs((ours[i] & 0xff) - (theirs[i] & 0xff)) <= 1, "channel " + c + " voxel " + i);
            }
        }
        assertEquals("LaminB1", spec.get("channels").get(0).get("name").asText());
        assertEquals("[1.0,1.0,0.0]", spec.get("channels").get(1).get("color").toString(), "Dapi is yellow in omero");

        // the PNG is brightest-yellow-ish where zarr-python's Dapi projection peaks
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(v.png()));
        int k = img.getWidth() / 40;
        JsonNode yx = oracle.get(1).get("argmax_yx");
        int rgb = img.getRGB(yx.get(1).asInt() * k, yx.get(0).asInt() * k);
        assertTrue((rgb >> 16 & 255) > 200 && (rgb >> 8 & 255) > 200, "Dapi peak pixel " + Integer.toHexString(rgb));
    }

    /** The same image as a sharded Zarr v3 copy, NGFF 0.5 style (metadata under "ome"): the view embeds the same voxels. */
    @Test
    void aShardedV3CopyViewsLikeTheV2Original() throws Exception {
        ZarrGroup src = Zarr.open(image);
        frontier.store.FileStore out = new frontier.store.FileStore(dir.resolve("img3.zarr"));
        ZarrGroup dst = Zarr.createGroup(out, "", 3);
        // NGFF 0.5 wants the axes and scales that the 0.1 original leaves implicit: (t, c, z, y, x), y and x halved per level
        java.util.List<Object> axes = java.util.List.of(java.util.Map.of("name", "t", "type", "time"), java.util.Map.of("name", "c", "type", "channel"),
                java.util.Map.of("name", "z", "type", "space"), java.util.Map.of("name", "y", "type", "space"), java.util.Map.of("name", "x", "type", "space"));
        java.util.List<Object> datasets = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double f = 1 << i;
            datasets.add(java.util.Map.of("path", "" + i, "coordinateTransformations",
                    java.util.List.of(java.util.Map.of("type", "scale", "scale", java.util.List.of(1.0, 1.0, 1.0, f, f)))));
        }
        dst.updateAttrs(java.util.Map.of("ome", java.util.Map.of("version", "0.5",
                "multiscales", java.util.List.of(java.util.Map.of("axes", axes, "datasets", datasets)), "omero", src.attrs().get("omero"))));
        for (String level : java.util.List.of("0", "1", "2")) {
            frontier.zarr.ZarrArray a = src.get(level);
            int[] c = a.chunks();
            frontier.zarr.ArrayMetadataV3 md = frontier.zarr.ArrayMetadataV3.builder(a.dtype(), a.shape(), c)
                    .shards(new int[]{1, 1, (int) a.shape()[2], c[3], c[4]})
                    .compressors(java.util.List.of(frontier.zarr.ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2))).build();
            frontier.zarr.Zarr.write(frontier.array.ChunkedArray.fromZarr(a), out, level, md);
        }
        ViewOptions o = new ViewOptions().budgetBytes(200_000).embedBundle(false);
        VolumeView v2 = View.view(src, o);
        VolumeView v3 = View.view(Zarr.open(dir.resolve("img3.zarr")), o);
        assertEquals(v2.text(), v3.text());
        Pattern spec = Pattern.compile("<script type=\"application/json\">(.*?)</script>", Pattern.DOTALL);
        Matcher a = spec.matcher(v2.html()), b = spec.matcher(v3.html());
        assertTrue(a.find() && b.find());
        String noId = "\"pngId\":\"[^\"]*\"";
        assertEquals(a.group(1).replaceAll(noId, ""), b.group(1).replaceAll(noId, ""), "the embedded volume and its settings");
    }

    @Test
    void levelZeroWithALargeBudget() throws Exception {
        VolumeView v = View.view(Zarr.open(image), new ViewOptions().embedBundle(false));
        assertTrue(v.text().contains("level 0 (path '0', shape (1, 2, 32, 96, 80)) of 3"), v.text());
        assertFalse(v.text().contains("downsampled"), v.text());
    }
}
