package frontier.zarr;

import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.NdArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's steps on the repo's OME-Zarr fixture (tools/make_ome_zarr.py, written by
 * zarr-python: >u2, blosc lz4+shuffle, labels/ and masks/), compared with what zarr-python shows.
 */
class ZarrFixtureTest {
    @TempDir
    static Path dir;
    static Path image;
    static Map<String, Object> python;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void makeFixture() throws IOException {
        if (!PythonZarr.available()) return;
        image = dir.resolve("6001240.zarr");
        PythonZarr.Result r = PythonZarr.exec(300, PythonZarr.PYTHON, Path.of("../tools/make_ome_zarr.py").toAbsolutePath().normalize().toString(),
                image.toString(), "--size", "small");
        if (r.exitCode != 0) throw new IOException("make_ome_zarr.py failed: " + r.stderr);
        python = new ObjectMapper().readValue(PythonZarr.run("fixture", image.toString()), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupArrayInfoAndValuesPrintAsZarrPythonShowsThem() throws IOException {
        PythonZarr.assumeAvailable();
        ZarrGroup g = Zarr.open(image.toString());
        assertEquals(python.get("attrs").toString(), g.attrs().keySet().toString());
        assertEquals(python.get("keys"), g.keys());
        ZarrArray a = g.get("0");
        // zarr-python: <zarr.core.Array '/0' (1, 2, 32, 96, 80) >u2>; ours names the numpy dtype as the issue asks
        assertEquals("<zarr Array '/0' (1, 2, 32, 96, 80) uint16>", a.toString());
        assertTrue(((String) python.get("array")).startsWith("<zarr.core.Array '/0' (1, 2, 32, 96, 80)"));
        Map<String, String> theirs = new HashMap<>();
        for (List<String> row : (List<List<String>>) python.get("info")) theirs.put(row.get(0), row.get(1));
        Map<String, String> ours = new HashMap<>();
        for (ZarrInfo.Row row : a.info().rows()) ours.put(row.name(), row.value());
        for (String k : List.of("Name", "Data type", "Shape", "Chunk shape", "Order", "Compressor", "No. bytes",
                "No. bytes stored", "Storage ratio", "Chunks initialized")) {
            assertEquals(theirs.get(k), ours.get(k), k);
        }
        NdArray v = a.read();
        assertEquals(python.get("repr"), v.toString());
        NdArray plane = a.read(new long[]{0, 1, 2, 0, 0}, new int[]{1, 1, 1, 96, 80}).reshape(96, 80);
        assertEquals(python.get("repr_plane"), plane.toString());
        assertTrue(v.toString().startsWith("array([[[[["), v.toString());
        assertEquals(List.of("0", "1", "2", "labels", "masks"), g.keys());
        assertTrue(g.group("labels").keys().size() > 0);
    }
}
