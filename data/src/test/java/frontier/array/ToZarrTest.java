package frontier.array;

import frontier.array.sched.ComputeException;
import frontier.store.FileStore;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToZarrTest {
    Path dir;

    @AfterEach
    void clean() throws Exception {
        if (dir == null) return;
        try (var f = Files.walk(dir)) {
            f.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static NdArray ramp(DType t, int... shape) {
        NdArray a = NdArray.zeros(t, shape);
        for (int i = 0; i < a.size(); i++) a.setDouble(i, (i * 7) % 1000 - 300);
        return a;
    }

    @Test
    void writesAResultThatZarrPythonReads() throws Exception {
        dir = Files.createTempDirectory("to-zarr");
        ChunkedArray a = ChunkedArray.fromArray(ramp(DType.FLOAT32, 7, 9, 5), 3, 4, 5);
        ChunkedArray r = a.get(ChunkedArray.range(null, null, -1), ChunkedArray.range(1, 8, 3)).mul(2).add(0.5);
        ZarrArray z = frontier.zarr.Zarr.write(r, dir.resolve("out.zarr"));
        NdArray want = r.compute();
        assertArrayEquals(new long[]{7, 3, 5}, z.shape());
        assertEquals(want, Zarr.openArray(dir.resolve("out.zarr")).read());
        Assumptions.assumeTrue(DaskOracle.pythonHasDask(), "needs /usr/bin/python3 with Debian python3-zarr python3-numpy");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import zarr,sys; z=zarr.open(sys.argv[1], mode='r'); print(z.dtype, z.shape, repr(float(z[...].astype('float64').sum())))",
                dir.resolve("out.zarr").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor());
        double sum = 0;
        for (int i = 0; i < want.size(); i++) sum += want.getDouble(i);
        String[] parts = out.split(" ", 2);
        assertEquals("float32", parts[0], out);
        assertEquals(sum, Double.parseDouble(out.substring(out.lastIndexOf(' ') + 1)), 1e-6 * Math.abs(sum), out);
    }

    @Test
    void aFailedWriteLeavesNoArrayBehind() throws Exception {
        dir = Files.createTempDirectory("to-zarr");
        ArraySource src = new ArraySource(ramp(DType.UINT16, 6, 4), 2, 4);
        src.failOn = "1.0";
        ComputeException e = assertThrows(ComputeException.class, () -> frontier.zarr.Zarr.write(ChunkedArray.fromZarr(src), new FileStore(dir), "bad"));
        assertFalse(Files.exists(dir.resolve("bad/.zarray")), "half-written array left looking complete");
        assertThrows(Exception.class, () -> Zarr.openArray(dir.resolve("bad")));
    }
}
