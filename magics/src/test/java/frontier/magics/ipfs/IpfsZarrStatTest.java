package frontier.magics.ipfs;

import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tutorial's steps 5 and 6 through the magics: {@code %ipfs add} with the tutorial's flags, then
 * {@code frontier zarr stat ipfs://CID/6001240.zarr --path 0} prints the same line (sha256 of the
 * values included) as for the local folder written by zarr-python.
 */
class IpfsZarrStatTest {
    @TempDir
    static Path dir;
    static final MagicRegistry REGISTRY = MagicRegistry.load();

    @BeforeAll
    static void fixture() throws Exception {
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!python) System.err.println("SKIPPED: needs /usr/bin/python3 with Debian python3-zarr");
        assumeTrue(python, "needs /usr/bin/python3 with Debian python3-zarr");
        Path script = Files.isRegularFile(Path.of("../tools/make_ome_zarr.py")) ? Path.of("../tools/make_ome_zarr.py") : Path.of("tools/make_ome_zarr.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), dir.resolve("images/6001240.zarr").toString(), "--size", "tiny")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0 || !out.contains("No module named"), "python3-zarr missing: " + out);
        assertEquals(0, p.exitValue(), out);
        System.setProperty("frontier.ipfs.path", dir.resolve("repo").toString());
    }

    @AfterAll
    static void clear() {
        frontier.ipfs.node.IpfsNode.at(dir.resolve("repo")).close();
        System.clearProperty("frontier.ipfs.path");
    }

    @Test
    void statOverIpfsEqualsStatOfTheLocalFolder() {
        RecordingContext ctx = new RecordingContext(dir, false);
        String cid = REGISTRY.runLine("ipfs", "add -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w -Q ./images/6001240.zarr", ctx).toString().trim();
        assertTrue(cid.startsWith("bafy"), cid);
        String local = REGISTRY.run("zarr", List.of("stat", "images/6001240.zarr", "--path", "0"), null, ctx).toString();
        String ipfs = REGISTRY.run("zarr", List.of("stat", "ipfs://" + cid + "/6001240.zarr", "--path", "0"), null, ctx).toString();
        assertTrue(local.contains("\"sha256\":\""), local);
        assertEquals(local, ipfs);
        String all = REGISTRY.run("zarr", List.of("stat", "ipfs://" + cid + "/6001240.zarr"), null, ctx).toString();
        assertEquals(REGISTRY.run("zarr", List.of("stat", "images/6001240.zarr"), null, ctx).toString(), all);
    }
}
