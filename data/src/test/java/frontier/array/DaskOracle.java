package frontier.array;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs data/src/test/python/dask_oracle.py once (Debian python3-dask, python3-zarr, python3-numpy
 * under /usr/bin/python3) on a spec built by a test class, and hands back its expectations.
 */
final class DaskOracle {
    static final ObjectMapper JSON = new ObjectMapper();
    final ObjectNode spec = JSON.createObjectNode();
    final ArrayNode inputs = spec.putArray("inputs");
    final ArrayNode cases = spec.putArray("cases");
    Path dir;
    JsonNode results;

    ObjectNode input(String name, String dtype, int[] shape, int[] chunks, int seed) {
        ObjectNode n = inputs.addObject();
        n.put("name", name).put("dtype", dtype).put("seed", seed);
        ArrayNode s = n.putArray("shape");
        for (int v : shape) s.add(v);
        ArrayNode c = n.putArray("chunks");
        for (int v : chunks) c.add(v);
        return n;
    }

    ObjectNode kase(String name, String input) {
        ObjectNode n = cases.addObject();
        n.put("name", name).put("input", input);
        n.putArray("steps");
        return n;
    }

    static boolean pythonHasDask() {
        if (!new File("/usr/bin/python3").canExecute()) return false;
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import dask.array, zarr, numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    void run() throws Exception {
        if (!pythonHasDask()) {
            System.err.println("SKIPPING dask cross-checks: /usr/bin/python3 with dask, zarr and numpy is missing (Debian packages python3-dask python3-zarr python3-numpy)");
        }
        Assumptions.assumeTrue(pythonHasDask(), "needs /usr/bin/python3 with Debian python3-dask python3-zarr python3-numpy");
        dir = Files.createTempDirectory("dask-oracle");
        Path specFile = dir.resolve("spec.json");
        JSON.writeValue(specFile.toFile(), spec);
        Path script = Path.of("src/test/python/dask_oracle.py").toAbsolutePath();
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), specFile.toString(), dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("dask_oracle.py failed:\n" + out);
        results = JSON.readTree(dir.resolve("out/results.json").toFile());
    }

    Path out(String file) {
        return dir.resolve("out").resolve(file);
    }

    NdArray readBin(String name, DType t, int[] shape) throws Exception {
        return NdArray.fromBytes(t, ByteOrder.LITTLE_ENDIAN, Files.readAllBytes(out(name + ".bin")), shape);
    }

    static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) r[i] = a.get(i).asInt();
        return r;
    }
}
