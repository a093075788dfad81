package frontier.ome;

import frontier.http.StaticFileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * info's text against ome-zarr-py's format, written out by hand from its rules (REFERENCE.md):
 * node header "PATH [zgroup]" (+ " (hidden)"), " - metadata" with one "   - Spec" line per spec,
 * " - data" with one "   - (shape)" line per level; HTTP paths end in '/', local ones are absolute.
 */
class OmeInfoTest {
    static StaticFileServer server;

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static synchronized StaticFileServer serve(Path dir) throws IOException {
        if (server == null || !server.root().equals(dir.toAbsolutePath().normalize())) {
            if (server != null) server.close();
            server = StaticFileServer.start(dir, 0);
        }
        return server;
    }

    static String expectedTiny(String base, String sep) {
        // sep: "/" over HTTP (trailing slash), "" for local paths
        String img = base + sep;
        String labels = base + "/labels" + sep;
        String label0 = base + "/labels/0" + sep;
        return img + " [zgroup]\n"
                + " - metadata\n"
                + "   - Multiscales\n"
                + "   - OMERO\n"
                + " - data\n"
                + "   - (1, 2, 4, 20, 18)\n"
                + "   - (1, 2, 4, 10, 9)\n"
                + "   - (1, 2, 4, 5, 4)\n"
                + labels + " [zgroup] (hidden)\n"
                + " - metadata\n"
                + "   - Labels\n"
                + " - data\n"
                + label0 + " [zgroup] (hidden)\n"
                + " - metadata\n"
                + "   - Label\n"
                + "   - Multiscales\n"
                + " - data\n"
                + "   - (1, 1, 4, 20, 18)\n"
                + "   - (1, 1, 4, 10, 9)\n"
                + "   - (1, 1, 4, 5, 4)\n";
    }

    @Test
    void tinyOverHttpPrintsOmeZarrPyTextWithFewRequests() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        StaticFileServer s = serve(img.getParent());
        s.resetRequestCount();
        OmeInfo info = OmeZarr.info(s.url("tiny.zarr"));
        assertEquals(expectedTiny(s.url("tiny.zarr"), "/"), info.text());
        // ome-zarr-py 0.8.3 made 31 requests for this layout; we: 3 at the root (.zmetadata, .zgroup,
        // .zattrs), 3 .zarray, 2 for labels/, 2 for labels/0/, 3 .zarray, 3 probing labels/0/labels/
        // (.zgroup and .zattrs asked together, then .zarray once .zgroup is known to be absent).
        assertEquals(16, s.requestCount(), "requests");
        assertEquals(16, info.requests());
        assertTrue(info.warnings().isEmpty(), info.warnings().toString());
    }

    @Test
    void trailingSlashInUrlGivesTheSameText() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        StaticFileServer s = serve(img.getParent());
        assertEquals(expectedTiny(s.url("tiny.zarr"), "/"), OmeZarr.info(s.url("tiny.zarr/")).text());
    }

    @Test
    void ngff04OverHttp() throws Exception {
        Path img = Fixtures.make("tiny04.zarr", "--size", "tiny", "--ngff", "0.4");
        StaticFileServer s = serve(img.getParent());
        OmeInfo info = OmeZarr.info(s.url("tiny04.zarr"));
        assertEquals(expectedTiny(s.url("tiny04.zarr"), "/"), info.text());
        OmeNode image = info.nodes().get(0);
        Multiscale ms = image.metadata().multiscale();
        assertEquals("0.4", ms.version());
        assertEquals(List.of("t", "c", "z", "y", "x"), ms.axisNames());
        assertEquals("micrometer", ms.axes().get(4).unit());
        assertEquals(List.of(1.0, 1.0, 0.5, 0.72, 0.72), ms.datasets().get(1).coordinateTransformations().get(0).scale());
        assertEquals("0.4", info.nodes().get(2).metadata().imageLabel().version());
    }

    @Test
    void plateAndWellAreStitchedAsOmeZarrPyDoesIt() throws Exception {
        // zarr-python wrote a 2 x 3 plate with wells A/1, A/3, B/2, two fields each
        Path plate = Fixtures.make("plate.zarr", "--size", "tiny", "--plate");
        StaticFileServer s = serve(plate.getParent());
        OmeInfo info = OmeZarr.info(s.url("plate.zarr"));
        OmeNode node = info.nodes().get(0);
        assertEquals(List.of("Plate"), node.specs());
        Plate p = node.metadata().plate();
        assertEquals(List.of("A", "B"), p.rows());
        assertEquals(List.of("1", "2", "3"), p.columns());
        assertEquals(List.of("A/1", "A/3", "B/2"), p.wells().stream().map(Plate.WellRef::path).toList());
        // ome-zarr-py's plate: the first well's first field, tiled rows x columns, at every level
        for (int level = 0; level < 3; level++) {
            long[] field = shape(plate.resolve("A/1/0/" + level + "/.zarray"));
            long[] want = field.clone();
            want[3] *= 2;
            want[4] *= 3;
            assertArrayEquals(want, node.levels().get(level).shape(), "level " + level);
        }
        OmeInfo well = OmeZarr.info(s.url("plate.zarr/B/2"));
        assertEquals(List.of("Well"), well.nodes().get(0).specs());
        assertEquals(List.of("0", "1"), well.nodes().get(0).metadata().well().images().stream().map(Well.Image::path).toList());
        // a well's fields on an almost square grid: 2 fields -> 1 row, 2 columns
        long[] field = shape(plate.resolve("B/2/0/0/.zarray"));
        assertArrayEquals(new long[]{field[0], field[1], field[2], field[3], field[4] * 2}, well.nodes().get(0).levels().get(0).shape());
    }

    /** An array's shape as zarr-python wrote it in its .zarray. */
    private static long[] shape(Path zarray) throws IOException {
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(zarray.toFile()).get("shape");
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asLong();
        return out;
    }

    @Test
    void localPathIsAbsoluteWithoutTrailingSlash() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        OmeInfo info = OmeZarr.info(img.toString());
        assertEquals(expectedTiny(img.toAbsolutePath().toString(), ""), info.text());
    }

    @Test
    void metadataModel() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        OmeInfo info = OmeZarr.info(img.toString());
        OmeNode image = info.nodes().get(0);
        Omero omero = image.metadata().omero();
        assertEquals(2, omero.channels().size());
        assertEquals("LaminB1", omero.channels().get(0).label());
        assertEquals("#0000FF", omero.channels().get(0).cssColor());
        assertEquals(1500.0, omero.channels().get(1).window().end());
        assertEquals(2, omero.rdefs().defaultZ());
        assertEquals(List.of("t", "c", "z", "y", "x"), image.metadata().multiscale().axisNames(), "0.1 implies tczyx");
        assertEquals(List.of("0"), info.nodes().get(1).metadata().labels());
        ImageLabel il = info.nodes().get(2).metadata().imageLabel();
        assertEquals("../../", il.sourceImage());
        assertFalse(il.colors().isEmpty());
        OmeNode.Level l0 = image.levels().get(0);
        assertEquals("uint16", l0.array().dtypeName());
        assertEquals(">u2", l0.array().dtype());
        assertEquals("Blosc(cname='lz4', clevel=5, shuffle=SHUFFLE, blocksize=0)", l0.array().compressorName());
    }

    /**
     * A fetch started beside another but never needed (labels/0/labels/.zattrs, once .zgroup there
     * is absent) has ended by the time info returns: the server has seen every request reported.
     * CI once counted 15 of 16 because that request was still in flight.
     */
    @Test
    void noRequestOutlivesInfo(@TempDir Path dir) throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        copyTree(img, dir.resolve("t.zarr"));
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            java.util.concurrent.atomic.AtomicBoolean slowOneDone = new java.util.concurrent.atomic.AtomicBoolean();
            s.setFault((path, ex) -> {
                if (path.endsWith("/labels/0/labels/.zattrs")) {
                    try {
                        Thread.sleep(500); // the walk needs .zgroup and .zarray there, not this
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    slowOneDone.set(true);
                }
                return false; // then served as usual (a 404)
            });
            OmeInfo info = OmeZarr.info(s.url("t.zarr"));
            assertTrue(slowOneDone.get(), "info returned while a request it made was still being answered");
            assertEquals(16, s.requestCount(), "requests the server saw when info returned");
            assertEquals(16, info.requests());
        }
    }

    @Test
    void consolidatedMetadataAnswersWithoutFurtherRequests(@TempDir Path dir) throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path copy = dir.resolve("c.zarr");
        copyTree(img, copy);
        Fixtures.run(List.of(Fixtures.PYTHON, "-c", "import zarr,sys; zarr.consolidate_metadata(sys.argv[1])", copy.toString()));
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            OmeInfo info = OmeZarr.info(s.url("c.zarr"));
            assertEquals(expectedTiny(s.url("c.zarr"), "/"), info.text());
            // .zmetadata, plus .zgroup and .zattrs asked for at the same time before .zmetadata answered.
            assertEquals(3, s.requestCount(), "requests");
        }
    }

    @Test
    void bareArrayIsNotAnOmeZarrNode() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        OmeInfo info = OmeZarr.info(img.resolve("0").toString());
        assertEquals("not an ome-zarr node: " + img.resolve("0").toAbsolutePath() + " [zarray]\n", info.text());
    }

    @Test
    void missingPathIsNotAZarrNamingIt(@TempDir Path dir) throws Exception {
        NotAZarrException e = assertThrows(NotAZarrException.class, () -> OmeZarr.info(dir.resolve("nope.zarr").toString()));
        assertTrue(e.getMessage().startsWith("not a zarr: " + dir.resolve("nope.zarr")), e.getMessage());
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            NotAZarrException e2 = assertThrows(NotAZarrException.class, () -> OmeZarr.info(s.url("nope.zarr")));
            assertTrue(e2.getMessage().startsWith("not a zarr: " + s.url("nope.zarr/")), e2.getMessage());
        }
    }

    @Test
    void invalidJsonNamesTheFile(@TempDir Path dir) throws Exception {
        Path g = Files.createDirectories(dir.resolve("bad.zarr"));
        Files.writeString(g.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(g.resolve(".zattrs"), "{\"multiscales\": [ {\"datasets\": ");
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            OmeException e = assertThrows(OmeException.class, () -> OmeZarr.info(s.url("bad.zarr")));
            assertTrue(e.getMessage().startsWith("invalid JSON in " + s.url("bad.zarr/.zattrs")), e.getMessage());
        }
    }

    @Test
    void malformedMetadataSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path g = Files.createDirectories(dir.resolve("m.zarr"));
        Files.writeString(g.resolve(".zgroup"), "{\"zarr_format\": 2}");
        String[][] cases = {
                {"{\"multiscales\": {}}", "multiscales is an object, expected a list"},
                {"{\"multiscales\": [{\"version\": \"0.1\"}]}", "multiscales[0] has no 'datasets'"},
                {"{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{}]}]}", "multiscales[0].datasets[0] has no 'path'"},
                {"{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": []}]}", "multiscales[0].datasets is an empty list"},
                {"{\"multiscales\": [{\"version\": \"0.9\", \"datasets\": [{\"path\": \"0\"}]}]}", "multiscales[0].version is '0.9', not a known NGFF version"},
                {"{\"multiscales\": [{\"version\": \"0.4\", \"datasets\": [{\"path\": \"0\"}], \"axes\": [{\"name\": \"x\", \"type\": \"space\"}, {\"name\": \"t\", \"type\": \"time\"}]}]}",
                        "'time' at index 1; it must be the first axis"},
                {"{\"multiscales\": [{\"version\": \"0.3\", \"datasets\": [{\"path\": \"0\"}]}]}", "multiscales[0] has no 'axes'"},
                {"{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{\"path\": \"0\"}]}]}", "multiscales dataset '0' has no array"},
                {"{\"labels\": \"cells\"}", "labels is the string \"cells\", expected a list of label names"},
                {"[1, 2]", "the content is a list, expected a JSON object"},
        };
        for (String[] c : cases) {
            Files.writeString(g.resolve(".zattrs"), c[0]);
            OmeException e = assertThrows(OmeException.class, () -> OmeZarr.info(g.toString()), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(g.toString()), "names the file: " + e.getMessage());
        }
    }

    @Test
    void malformedArrayMetadataSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path g = Files.createDirectories(dir.resolve("a.zarr"));
        Files.writeString(g.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(g.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{\"path\": \"0\"}]}]}");
        Files.createDirectories(g.resolve("0"));
        Files.writeString(g.resolve("0/.zarray"), "{\"zarr_format\": 2, \"shape\": [-1, 5], \"chunks\": [1, 5], \"dtype\": \"<u2\"}");
        OmeException e = assertThrows(OmeException.class, () -> OmeZarr.info(g.toString()));
        assertTrue(e.getMessage().contains("0/.zarray") && e.getMessage().contains("expected non-negative integers"), e.getMessage());
        Files.writeString(g.resolve("0/.zarray"), "{\"zarr_format\": 2, \"shape\": [4, 5], \"chunks\": [0, 5], \"dtype\": \"<u2\"}");
        e = assertThrows(OmeException.class, () -> OmeZarr.info(g.toString()));
        assertTrue(e.getMessage().contains("expected positive integers"), e.getMessage());
    }

    @Test
    void malformedOmeroIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        Path copy = dir.resolve("w.zarr");
        copyTree(img, copy);
        String attrs = Files.readString(copy.resolve(".zattrs")).replace("\"0000FF\"", "\"blue\"");
        Files.writeString(copy.resolve(".zattrs"), attrs);
        OmeInfo info = OmeZarr.info(copy.toString());
        assertEquals(expectedTiny(copy.toString(), ""), info.text(), "ome-zarr-py also lists OMERO and goes on");
        assertEquals(1, info.warnings().size(), info.warnings().toString());
        assertTrue(info.warnings().get(0).contains("omero.channels[0].color is 'blue'"), info.warnings().get(0));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
