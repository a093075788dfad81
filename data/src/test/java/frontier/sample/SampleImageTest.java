package frontier.sample;

import frontier.array.NdArray;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleImageTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheTutorialLayout() throws Exception {
        Path dir = tmp.resolve("6001240.zarr");
        SampleImage.write(dir);
        ZarrGroup g = Zarr.open(dir);
        assertEquals(List.of("_creator", "multiscales", "omero"), List.copyOf(g.attrs().keySet()));
        assertEquals(List.of("0", "1", "2", "labels", "masks"), g.keys());
        ZarrArray a = g.get("0");
        assertArrayEquals(new long[]{1, 2, 60, 138, 136}, a.shape());
        assertArrayEquals(new long[]{1, 2, 60, 69, 68}, g.get("1").shape());
        assertArrayEquals(new long[]{1, 2, 60, 34, 34}, g.get("2").shape());
        assertTrue(Files.isRegularFile(dir.resolve("masks/0/0/.zarray")));
        assertEquals("{\n    \"labels\": [\n        \"0\"\n    ]\n}", Files.readString(dir.resolve("labels/.zattrs")).strip());
    }

    @Test
    void sameBytesEveryRun() throws Exception {
        SampleImage.write(tmp.resolve("a"));
        SampleImage.write(tmp.resolve("b"));
        for (String key : List.of("0/0.0.0.0.0", "0/0.1.59.0.0", "2/0.1.30.0.0", "labels/0/0/0.0.30.0.0")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(key)), Files.readAllBytes(tmp.resolve("b").resolve(key)), key);
        }
    }

    /** zarr-python (Debian python3-zarr) reads the same values as our writer wrote. */
    @Test
    void zarrPythonReadsTheSameValues() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "LOUD SKIP: /usr/bin/python3 missing (Debian python3-zarr)");
        Path dir = tmp.resolve("6001240.zarr");
        SampleImage.write(dir);
        String script = "import sys, zarr, numpy as np\n"
                + "g = zarr.open_group(sys.argv[1], mode='r')\n"
                + "for k in ['0', '1', '2', 'labels/0/0', 'masks/0/2']:\n"
                + "    a = g[k][:]\n"
                + "    print(k, a.dtype.str, ','.join(map(str, a.shape)), int(a.astype(np.int64).sum()), int(a.max()))\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Assumptions.assumeFalse(out.contains("No module named 'zarr'"), "LOUD SKIP: zarr-python missing (Debian python3-zarr)");
        assertEquals(0, p.exitValue(), out);
        ZarrGroup g = Zarr.open(dir);
        StringBuilder expected = new StringBuilder();
        for (String k : List.of("0", "1", "2", "labels/0/0", "masks/0/2")) {
            ZarrArray a = Zarr.openArray(dir, k);
            NdArray v = a.read();
            long sum = 0, max = 0;
            for (int i = 0; i < v.size(); i++) {
                sum += v.getLong(i);
                max = Math.max(max, v.getLong(i));
            }
            String dt = a.metadata().zarrDType().toString();
            expected.append(k).append(' ').append(dt).append(' ')
                    .append(String.join(",", java.util.Arrays.stream(a.shape()).mapToObj(Long::toString).toArray(String[]::new)))
                    .append(' ').append(sum).append(' ').append(max).append('\n');
        }
        assertEquals(expected.toString(), out);
    }

    /** The 0.5 sample: Zarr v3, sharded, valid NGFF 0.5, the 0.1 sample's values (zarrita reads both), the same bytes every run. */
    @Test
    void ngff05SampleHoldsTheSameValuesShardedAndValidates() throws Exception {
        Path v1 = tmp.resolve("v01/6001240.zarr");
        Path v5 = tmp.resolve("v05/6001240.zarr");
        SampleImage.write(v1, "0.1");
        SampleImage.write(v5, "0.5");
        assertTrue(Files.isRegularFile(v5.resolve("zarr.json")));
        assertTrue(Files.isRegularFile(v5.resolve("0/c/0/1/0/0/0")), "one shard per channel's z stack");
        frontier.ome.ValidationReport r = new frontier.ome.NgffValidator(false, false).validate(v5.toString());
        assertTrue(r.valid(), r.toString());
        Path again = tmp.resolve("again/6001240.zarr");
        SampleImage.write(again, "0.5");
        for (String key : List.of("zarr.json", "0/zarr.json", "0/c/0/1/0/0/0", "labels/0/2/c/0/0/0/0/0")) {
            assertArrayEquals(Files.readAllBytes(v5.resolve(key)), Files.readAllBytes(again.resolve(key)), key);
        }
        frontier.zarr.Zarrita.assumeAvailable();
        for (String a : List.of("0", "2", "labels/0/0")) {
            // zarr-python reads the 0.1 sample, zarrita the 0.5 one: the values' sha256 (C order, little-endian) agree
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, hashlib, zarr, numpy as np\n"
                    + "a = zarr.open_array(sys.argv[1], mode='r')[...]\n"
                    + "print(hashlib.sha256(np.ascontiguousarray(a.astype(a.dtype.newbyteorder('<'))).tobytes()).hexdigest())",
                    v1.resolve(a).toString()).redirectErrorStream(true).start();
            String s1 = new String(p.getInputStream().readAllBytes()).strip();
            assertEquals(0, p.waitFor(), s1);
            String s5 = frontier.zarr.Zarrita.run("read", v5.toString(), a).get(0);
            assertEquals(s1, sha(s5), a);
        }
    }

    private static String sha(String line) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("sha256").asText();
    }
}
