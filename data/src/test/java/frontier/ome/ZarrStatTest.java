package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.http.StaticFileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** zarr stat against numpy (zarr-python reads, numpy reduces and hashes), on the source, a download and over HTTP. */
class ZarrStatTest {
    /** numpy's view of every array under a group (paths given), one JSON line each, in the same order. */
    static final String NUMPY_STAT = String.join("\n",
            "import hashlib, json, sys, zarr, numpy as np",
            "root = zarr.open(sys.argv[1], mode='r')",
            "for p in sys.argv[2:]:",
            "    a = root[p] if p else root",
            "    v = a[...]",
            "    le = v.astype(v.dtype.newbyteorder('<'))",
            "    s = v.sum()",
            "    print(json.dumps({'path': p, 'shape': list(a.shape), 'dtype': v.dtype.name, 'chunks': list(a.chunks),",
            "        'min': v.min().item(), 'max': v.max().item(), 'sum': s.item(),",
            "        'sha256': hashlib.sha256(le.tobytes()).hexdigest()}))");

    static List<JsonNode> numpy(Path group, List<String> paths) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Fixtures.PYTHON, "-c", NUMPY_STAT, group.toString()));
        cmd.addAll(paths);
        List<JsonNode> out = new ArrayList<>();
        for (String line : Fixtures.run(cmd).strip().split("\n")) out.add(OmeMetadata.JSON.readTree(line));
        return out;
    }

    static List<JsonNode> ours(List<ArrayStats> stats) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ArrayStats s : stats) out.add(OmeMetadata.JSON.readTree(s.toJsonLine()));
        return out;
    }

    @Test
    void fixtureStatsEqualNumpysAndTheDownloadedCopys(@TempDir Path tmp) throws Exception {
        Path src = OmeDownloadTest.servedCopy(Files.createDirectories(tmp.resolve("srv")), "small.zarr", "--size", "small");
        List<String> paths = List.of("0", "1", "2", "labels/0/0", "labels/0/1", "labels/0/2", "masks/0/0", "masks/0/1", "masks/0/2");
        List<JsonNode> want = numpy(src, paths);
        List<JsonNode> local = ours(ZarrStat.stat(src.toString(), null));
        assertEquals(want, local, "local source vs numpy");
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            assertEquals(want, ours(ZarrStat.stat(s.url("small.zarr"), null)), "over HTTP (arrays found from the OME metadata)");
            OmeZarr.download(s.url("small.zarr"), tmp.resolve("out"));
        }
        assertEquals(want, ours(ZarrStat.stat(tmp.resolve("out/small.zarr").toString(), null)), "downloaded copy");
        assertEquals(List.of(want.get(3)), ours(ZarrStat.stat(src.toString(), "labels/0/0")), "--path");
    }

    @Test
    void dtypesEdgesMissingChunksAndOrderF(@TempDir Path tmp) throws Exception {
        Path g = tmp.resolve("m.zarr");
        Fixtures.assumePython();
        Fixtures.run(List.of(Fixtures.PYTHON, "-c", String.join("\n",
                "import sys, zarr, numpy as np",
                "from numcodecs import Zlib",
                "r = zarr.open_group(sys.argv[1], mode='w')",
                "rng = np.random.default_rng(7)",
                "r.create_dataset('i4', data=rng.integers(-1000, 1000, (7, 9, 5)).astype('<i4'), chunks=(3, 4, 5), compressor=Zlib(1))",
                "r.create_dataset('f8', data=rng.normal(size=(10, 11)).astype('>f8'), chunks=(4, 4), compressor=Zlib(1), order='F')",
                "a = r.create_dataset('u1', shape=(6, 6), chunks=(4, 4), dtype='u1', fill_value=7, compressor=None)",
                "a[0:4, 0:4] = 200",
                "r.create_dataset('sub/u8', data=np.arange(20, dtype='<u8') * 3, chunks=(6,), compressor=Zlib(1))"),
                g.toString()));
        List<String> paths = List.of("f8", "i4", "sub/u8", "u1");
        List<JsonNode> want = numpy(g, paths);
        List<JsonNode> got = ours(ZarrStat.stat(g.toString(), null));
        assertEquals(paths.size(), got.size());
        for (int i = 0; i < paths.size(); i++) {
            JsonNode w = want.get(i);
            JsonNode o = got.get(i);
            for (String k : List.of("path", "shape", "dtype", "chunks", "min", "max", "sha256")) assertEquals(w.get(k), o.get(k), paths.get(i) + " " + k);
            assertEquals(w.get("sum").asDouble(), o.get("sum").asDouble(), 1e-9 * Math.max(1, Math.abs(w.get("sum").asDouble())), paths.get(i) + " sum");
        }
    }

    @Test
    void infoStatsAddsMinMaxPerLevel() throws Exception {
        Path img = Fixtures.make("tiny.zarr", "--size", "tiny");
        OmeInfo info = OmeZarr.info(img.toString(), true);
        List<JsonNode> want = numpy(img, List.of("0", "1", "2", "labels/0/0", "labels/0/1", "labels/0/2"));
        String text = info.text();
        String[] lines = text.split("\n");
        int k = 0;
        for (String line : lines) {
            if (!line.startsWith("   - (")) continue;
            JsonNode w = want.get(k++);
            assertTrue(line.endsWith(" minmax=(" + w.get("min").asLong() + ", " + w.get("max").asLong() + ")"), line + " vs " + w);
        }
        assertEquals(6, k);
        assertEquals(OmeInfoTest.expectedTiny(img.toString(), ""), text.replaceAll(" minmax=\\(\\d+, \\d+\\)", ""));
    }
}
