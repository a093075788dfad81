package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.http.StaticFileServer;
import frontier.ome.convert.NgffConverter;
import frontier.zarr.Zarrita;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * NGFF 0.5 on Zarr v3: an image written by zarr-python as NGFF 0.1 (tools/make_ome_zarr.py) is
 * converted by {@link NgffConverter}, then read back by zarrita (the values equal zarr-python's of the
 * source) and by info, whose text is ome-zarr-py 0.17's, written out here from its code.
 */
class Ngff05Test {
    static final ObjectMapper JSON = new ObjectMapper();
    static StaticFileServer server;

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The tiny fixture as 0.5, sharded with a whole z stack per shard; made once. */
    static synchronized Path tiny05() throws Exception {
        Path src = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path out = src.getParent().resolve("tiny05.zarr");
        if (!Files.isDirectory(out)) new NgffConverter(src.toString(), out).chunksPerShard(new int[]{1, 1, 4, 1, 1}).run();
        return out;
    }

    /**
     * ome-zarr-py 0.17's info text for the tiny image as 0.5 (utils.py info(): print(node), then
     * print(" - version:", version) with version = zgroup["version"] after io.py unwraps "ome", then
     * " - metadata", the spec class names, " - data" and each array's shape; io.py __repr__ appends
     * " [zgroup]" for a group with attributes; reader.py Node.__repr__ appends " (hidden)"; the
     * Multiscales spec adds labels/ hidden, the Labels spec adds each listed label, and the Label spec's
     * parent image was seen already). The order and shapes are the 0.1 layout's (OmeInfoTest).
     */
    static String expected017(String base) {
        return base + "/ [zgroup]\n"
                + " - version: 0.5\n"
                + " - metadata\n"
                + "   - Multiscales\n"
                + "   - OMERO\n"
                + " - data\n"
                + "   - (1, 2, 4, 20, 18)\n"
                + "   - (1, 2, 4, 10, 9)\n"
                + "   - (1, 2, 4, 5, 4)\n"
                + base + "/labels/ [zgroup] (hidden)\n"
                + " - version: 0.5\n"
                + " - metadata\n"
                + "   - Labels\n"
                + " - data\n"
                + base + "/labels/0/ [zgroup] (hidden)\n"
                + " - version: 0.5\n"
                + " - metadata\n"
                + "   - Label\n"
                + "   - Multiscales\n"
                + " - data\n"
                + "   - (1, 1, 4, 20, 18)\n"
                + "   - (1, 1, 4, 10, 9)\n"
                + "   - (1, 1, 4, 5, 4)\n";
    }

    @Test
    void infoOverHttpPrintsOmeZarrPy017TextAndAsksNoMoreThanItWould() throws Exception {
        Path img = tiny05();
        if (server == null) server = StaticFileServer.start(img.getParent(), 0);
        server.resetRequestCount();
        OmeInfo info = OmeZarr.info(server.url("tiny05.zarr"));
        assertEquals(expected017(server.url("tiny05.zarr")), info.text());
        // What ome-zarr-py 0.17 asks for here, from its code with zarr-python 3.2 and fsspec's HTTP
        // filesystem (one GET per key): every ZarrLocation (io.py __init__) opens a group with
        // zarr.open_group(mode="r", zarr_format=None), which gets zarr.json, .zgroup, .zattrs and
        // .zmetadata together (zarr/core/group.py AsyncGroup.open); every level is opened by
        // dask.array.from_zarr -> zarr.open_array, which gets zarr.json, .zarray and .zattrs
        // (zarr/core/array.py get_array_metadata). Locations: the image, labels/, labels/0/, the label's
        // source image ../../ (created, then found seen: reader.py Label), labels/0/labels/ (absent),
        // so 5 x 4 = 20, plus 6 levels x 3 = 18: 38 requests.
        int omeZarrPy = 5 * 4 + 6 * 3;
        // Ours: the root's zarr.json, .zgroup, .zattrs and .zmetadata (the format is unknown there), then
        // only zarr.json: 3 levels, labels/, labels/0/, its 3 levels, labels/0/labels/ = 13.
        assertEquals(13, server.requestCount(), "requests");
        assertTrue(server.requestCount() <= omeZarrPy);
        assertTrue(info.warnings().isEmpty(), info.warnings().toString());
    }

    @Test
    void infoOnTheLocalFolder() throws Exception {
        Path img = tiny05();
        String base = img.toAbsolutePath().normalize().toString();
        String want = expected017(base).replace(base + "/ [zgroup]", base + " [zgroup]")
                .replace(base + "/labels/ [zgroup]", base + "/labels [zgroup]").replace(base + "/labels/0/ [zgroup]", base + "/labels/0 [zgroup]");
        assertEquals(want, OmeZarr.info(img.toString()).text());
    }

    @Test
    void convertedValuesEqualZarrPythonsOfTheSourceAsZarritaReadsThem() throws Exception {
        Zarrita.assumeAvailable();
        Path src = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path out = tiny05();
        List<String> arrays = List.of("0", "1", "2", "labels/0/0", "labels/0/2", "masks/0/1");
        List<String> want = new ArrayList<>();
        for (String a : arrays) want.add(zarrPythonSha(src.resolve(a)));
        List<String> got = new ArrayList<>();
        for (String line : Zarrita.run(prepend("read", out.toString(), arrays))) {
            JsonNode j = JSON.readTree(line);
            assertFalse(j.has("error"), line);
            got.add(j.get("sha256").asText());
        }
        assertEquals(want, got);
        JsonNode z = JSON.readTree(Files.readAllBytes(out.resolve("0/zarr.json")));
        assertEquals("sharding_indexed", z.get("codecs").get(0).get("name").asText());
        assertEquals("[\"t\",\"c\",\"z\",\"y\",\"x\"]", z.get("dimension_names").toString());
    }

    @Test
    void convertedMetadataMovesUnderOme() throws Exception {
        Path out = tiny05();
        JsonNode root = JSON.readTree(Files.readAllBytes(out.resolve("zarr.json")));
        assertEquals(3, root.get("zarr_format").asInt());
        JsonNode ome = root.get("attributes").get("ome");
        assertEquals("0.5", ome.get("version").asText());
        JsonNode ms = ome.get("multiscales").get(0);
        assertFalse(ms.has("version"));
        assertEquals("{\"name\":\"t\",\"type\":\"time\"}", ms.get("axes").get(0).toString());
        assertEquals("[1.0,1.0,1.0,2.0,2.0]", ms.get("datasets").get(1).get("coordinateTransformations").get(0).get("scale").toString());
        assertTrue(ome.has("omero"));
        JsonNode label = JSON.readTree(Files.readAllBytes(out.resolve("labels/0/zarr.json"))).get("attributes").get("ome");
        assertFalse(label.get("image-label").has("version"));
        assertEquals("../../", label.get("image-label").get("source").get("image").asText());
    }

    @Test
    void convertRefusesAnExistingTargetAndLeavesNothingOnFailure(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path dst = Files.createDirectories(tmp.resolve("exists.zarr"));
        IOException e = assertThrows(IOException.class, () -> new NgffConverter(src.toString(), dst).run());
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
        Path bad = tmp.resolve("bad.zarr");
        assertThrows(IllegalArgumentException.class, () -> new NgffConverter(src.toString(), bad).chunksPerShard(new int[]{1, 2}).run());
        assertFalse(Files.exists(bad));
        assertFalse(Files.exists(tmp.resolve("bad.zarr" + ".frontier-part")));
    }

    @Test
    void downloadCopiesShardsByteForByteAndResumesShardByShard(@TempDir Path tmp) throws Exception {
        Path img = tiny05();
        if (server == null) server = StaticFileServer.start(img.getParent(), 0);
        Path out = tmp.resolve("out");
        DownloadReport first = OmeZarr.download(server.url("tiny05.zarr"), out);
        java.util.TreeMap<String, String> want = Fixtures.tree(img);
        assertEquals(want, Fixtures.tree(out.resolve("tiny05.zarr")), "same files, same bytes (masks too)");
        assertTrue(want.containsKey("0/c/0/1/0/0/0"), "a shard of level 0: " + want.keySet());
        assertEquals(want.size(), first.filesWritten());
        // a shard cut short and one removed: the second run fetches exactly those two again
        Path shard = out.resolve("tiny05.zarr/0/c/0/1/0/0/0");
        byte[] whole = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(out.resolve("tiny05.zarr/labels/0/1/c/0/0/0/0/0"));
        DownloadReport second = OmeZarr.download(server.url("tiny05.zarr"), out);
        assertEquals(want, Fixtures.tree(out.resolve("tiny05.zarr")));
        assertEquals(2, second.filesWritten(), second.toString());
    }

    @Test
    void aPlateConvertsValidatesAndDownloadsByteForByte(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.make("plate.zarr", "--size", "tiny", "--plate");
        Path plate = tmp.resolve("srv/plate05.zarr");
        new NgffConverter(src.toString(), plate).run();
        try (StaticFileServer s = StaticFileServer.start(plate.getParent(), 0)) {
            OmeInfo info = OmeZarr.info(s.url("plate05.zarr"));
            assertEquals(List.of("Plate"), info.nodes().get(0).specs());
            // ome-zarr-py stitches the first well's first field rows x columns: 2 x 3 fields of (20, 18)
            assertArrayEquals(new long[]{1, 2, 4, 40, 54}, info.nodes().get(0).levels().get(0).shape());
            Path out = tmp.resolve("out");
            OmeZarr.download(s.url("plate05.zarr"), out);
            assertEquals(Fixtures.tree(plate), Fixtures.tree(out.resolve("plate05.zarr")), "wells, fields and their labels, byte for byte");
        }
    }

    static String[] prepend(String cmd, String root, List<String> items) {
        List<String> all = new ArrayList<>(List.of(cmd, root));
        all.addAll(items);
        return all.toArray(new String[0]);
    }

    /** sha256 of an array's values as C-order little-endian bytes, read by zarr-python. */
    static String zarrPythonSha(Path array) throws Exception {
        return Fixtures.run(List.of(Fixtures.PYTHON, "-c", "import sys, hashlib, zarr, numpy as np\n"
                + "a = zarr.open_array(sys.argv[1], mode='r')[...]\n"
                + "print(hashlib.sha256(np.ascontiguousarray(a.astype(a.dtype.newbyteorder('<'))).tobytes()).hexdigest())",
                array.toString())).strip();
    }
}
