package frontier.magics.ome;

import frontier.http.StaticFileServer;
import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import frontier.ome.DownloadReport;
import frontier.ome.OmeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** %ome_zarr and frontier zarr stat through the magic registry, as the kernel and the CLI run them. */
class OmeZarrCommandTest {
    @TempDir
    static Path dir;
    static Path image;
    static final MagicRegistry REGISTRY = MagicRegistry.load();

    @BeforeAll
    static void fixture() throws Exception {
        Path script = Files.isRegularFile(Path.of("../tools/make_ome_zarr.py")) ? Path.of("../tools/make_ome_zarr.py") : Path.of("tools/make_ome_zarr.py");
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!python) System.err.println("SKIPPED: needs /usr/bin/python3 with Debian python3-zarr");
        assumeTrue(python, "needs /usr/bin/python3 with Debian python3-zarr");
        image = dir.resolve("srv/tiny.zarr");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), image.toString(), "--size", "tiny").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0 || !out.contains("No module named"), "python3-zarr missing: " + out);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void registered() {
        assertTrue(REGISTRY.lineMagics().contains("ome_zarr"), REGISTRY.lineMagics().toString());
        assertTrue(REGISTRY.lineMagics().contains("zarr"));
        assertEquals(List.of(), REGISTRY.loadProblems());
    }

    @Test
    void infoOverHttp() throws Exception {
        try (StaticFileServer s = StaticFileServer.start(image.getParent(), 0)) {
            RecordingContext ctx = new RecordingContext(dir);
            Object r = REGISTRY.runLine("ome_zarr", "info " + s.url("tiny.zarr"), ctx);
            OmeInfo info = assertInstanceOf(OmeInfo.class, r);
            String text = info.toString();
            assertTrue(text.startsWith(s.url("tiny.zarr/") + " [zgroup]\n - metadata\n   - Multiscales\n   - OMERO\n - data\n   - (1, 2, 4, 20, 18)\n"), text);
            assertTrue(text.contains(s.url("tiny.zarr/labels/0/") + " [zgroup] (hidden)\n"), text);
        }
    }

    @Test
    void notAZarrIsAUserErrorNamingThePath() {
        RecordingContext ctx = new RecordingContext(dir, false);
        MagicException e = assertThrows(MagicException.class, () -> REGISTRY.runLine("ome_zarr", "info nope.zarr", ctx));
        assertTrue(e.getMessage().contains("not a zarr: " + dir.resolve("nope.zarr")), e.getMessage());
        assertEquals(2, e.exitStatus());
    }

    @Test
    void downloadPrintsOmeZarrPyLinesAndCopies() throws Exception {
        try (StaticFileServer s = StaticFileServer.start(image.getParent(), 0)) {
            RecordingContext ctx = new RecordingContext(dir);
            Object r = REGISTRY.runLine("ome_zarr", "download " + s.url("tiny.zarr") + " --output images", ctx);
            DownloadReport report = assertInstanceOf(DownloadReport.class, r);
            assertEquals("downloading...\n   tiny.zarr\n   tiny.zarr/labels\n   tiny.zarr/labels/0\n   tiny.zarr/masks\n   tiny.zarr/masks/0\nto images\n", ctx.outText());
            assertTrue(Files.isRegularFile(dir.resolve("images/tiny.zarr/masks/0/2/0.0.3.0.0")));
            assertEquals(report.filesWritten(), countFiles(image));

            RecordingContext stat = new RecordingContext(dir, false);
            String copy = REGISTRY.run("zarr", List.of("stat", "images/tiny.zarr"), null, stat).toString();
            String source = REGISTRY.run("zarr", List.of("stat", s.url("tiny.zarr")), null, stat).toString();
            assertEquals(source, copy);
            assertEquals(9, copy.split("\n").length);
            assertTrue(copy.startsWith("{\"path\":\"0\",\"shape\":[1,2,4,20,18],\"dtype\":\"uint16\",\"chunks\":[1,1,1,20,18],\"min\":"), copy);
            String one = REGISTRY.run("zarr", List.of("stat", "images/tiny.zarr", "--path", "labels/0/1"), null, stat).toString();
            assertEquals(1, one.split("\n").length);
            assertTrue(one.startsWith("{\"path\":\"labels/0/1\""), one);
        }
    }

    static long countFiles(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
