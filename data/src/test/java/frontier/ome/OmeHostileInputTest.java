package frontier.ome;

import frontier.http.StaticFileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile metadata seen from the server's side: a path that leaves the image is refused before any
 * request goes outside it (the server's log of requests is the witness). The CLI's view of the same
 * attacks is in magics' HostileInputCliIT.
 */
class OmeHostileInputTest {

    /** A plate, and beside it a secret image the plate's metadata points at. Returns the served folder. */
    private static Path plateBesideSecret(Path tmp, String file, String json) throws Exception {
        Path srv = Files.createDirectories(tmp.resolve("srv"));
        Path plate = OmeDownloadTest.servedCopy(srv, "plate.zarr", "--size", "tiny", "--plate");
        OmeDownloadTest.servedCopy(srv, "tiny.zarr", "--size", "tiny");
        Files.move(srv.resolve("tiny.zarr"), srv.resolve("secret.zarr"));
        Files.writeString(plate.resolve(file), json);
        return srv;
    }

    private static List<String> outside(List<String> requests) {
        return requests.stream().filter(p -> !p.startsWith("/plate.zarr/")).toList();
    }

    @Test
    void aWellImagePathLeavingThePlateIsRefusedBeforeAnyRequestFollowsIt(@TempDir Path tmp) throws Exception {
        Path srv = plateBesideSecret(tmp, "A/1/.zattrs", "{\"well\": {\"version\": \"0.4\", \"images\": [{\"path\": \"../../../secret.zarr\"}]}}");
        List<String> requests = new CopyOnWriteArrayList<>();
        try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
            s.setFault((path, ex) -> {
                requests.add(path);
                return false;
            });
            OmeException info = assertThrows(OmeException.class, () -> OmeZarr.info(s.url("plate.zarr")));
            assertTrue(info.getMessage().contains("refusing well.images[0].path = '../../../secret.zarr'"), info.getMessage());
            OmeException dl = assertThrows(OmeException.class, () -> OmeZarr.download(s.url("plate.zarr"), tmp.resolve("out")));
            assertTrue(dl.getMessage().contains(s.url("plate.zarr/A/1/.zattrs")), dl.getMessage());
            assertFalse(requests.isEmpty());
            assertEquals(List.of(), outside(requests), "requests outside the plate");
            assertFalse(Files.exists(tmp.resolve("out")));
        }
    }

    @Test
    void consolidatedKeysLeavingTheStoreAreRefused(@TempDir Path tmp) throws Exception {
        Path srv = plateBesideSecret(tmp, ".zmetadata", "{\"zarr_consolidated_format\": 1, \"metadata\": {\".zgroup\": {\"zarr_format\": 2},"
                + " \"../secret.zarr/0/.zarray\": {}}}");
        List<String> requests = new CopyOnWriteArrayList<>();
        try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
            s.setFault((path, ex) -> {
                requests.add(path);
                return false;
            });
            OmeException e = assertThrows(OmeException.class, () -> ZarrStat.stat(s.url("plate.zarr"), null));
            assertTrue(e.getMessage().contains("refusing key '../secret.zarr/0/.zarray'") && e.getMessage().contains(s.url("plate.zarr/.zmetadata")), e.getMessage());
            assertEquals(List.of(), outside(requests));
        }
    }

    /** zarr stat's JSON lines escape what a terminal would act on, C1 controls and DEL included (JSON itself needs only C0). */
    @Test
    void statLinesEscapeControlCharactersOfPaths() {
        ArrayStats s = new ArrayStats("a\u001b[2J\u007f\u009b\u202eb", new long[]{1}, new int[]{1}, "uint8", 0, 0, 0, "00");
        String line = s.toJsonLine();
        assertTrue(line.startsWith("{\"path\":\"a\\u001B[2J\\u007F\\u009b\\u202eb\","), line);
        for (char c : line.toCharArray()) assertTrue(c >= 0x20 && c < 0x7f, "raw control character in " + line);
    }

    /** The slabs of [2^62] are generated one by one: the first ones come at once, each 2^24 elements. */
    @Test
    void slabsOfAHugeArrayAreGeneratedLazily() {
        Iterator<long[][]> it = ArrayStats.slabs(new long[]{1L << 62}, new int[]{1}).iterator();
        for (long k = 0; k < 3; k++) {
            long[][] slab = it.next();
            assertArrayEquals(new long[]{k << 24}, slab[0]);
            assertArrayEquals(new long[]{1L << 24}, slab[1]);
        }
        assertTrue(it.hasNext());
        // the same slabs as before for a shape that fits: leading axes one by one, the cut axis in chunk multiples
        List<String> got = new ArrayList<>();
        for (long[][] sl : ArrayStats.slabs(new long[]{2, 3, 5000, 5000}, new int[]{1, 1, 700, 5000})) {
            got.add(java.util.Arrays.toString(sl[0]) + java.util.Arrays.toString(sl[1]));
        }
        assertEquals(2 * 3 * 2, got.size(), got.toString());
        assertEquals("[0, 0, 0, 0][1, 1, 2800, 5000]", got.get(0));
        assertEquals("[0, 0, 2800, 0][1, 1, 2200, 5000]", got.get(1));
        assertEquals("[1, 2, 2800, 0][1, 1, 2200, 5000]", got.get(got.size() - 1));
    }
}
