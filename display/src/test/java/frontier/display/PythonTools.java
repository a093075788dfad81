package frontier.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python tools whose output the rich forms must match: /usr/bin/python3 with Debian
 * python3-dask, python3-zarr, python3-numcodecs. Tests skip loudly when they are missing.
 */
public final class PythonTools {
    public static final String PYTHON = "/usr/bin/python3";
    static final ObjectMapper JSON = new ObjectMapper();

    private PythonTools() {
    }

    /** Skips the test (saying so on stderr) unless python3 imports these modules. */
    public static void assumeModules(String... modules) {
        boolean ok = new File(PYTHON).canExecute();
        if (ok) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules)).redirectErrorStream(true).start();
                ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                ok = false;
            }
        }
        String need = "/usr/bin/python3 with " + String.join(", ", modules) + " (Debian python3-dask python3-zarr python3-numcodecs)";
        if (!ok) System.err.println("SKIPPED: " + need + " is missing");
        Assumptions.assumeTrue(ok, "needs " + need);
    }

    /** Runs src/test/python/reprs.py on a spec and returns what it wrote. */
    public static JsonNode reprs(JsonNode spec) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("reprs");
        try {
            Path in = dir.resolve("spec.json"), out = dir.resolve("out.json");
            JSON.writeValue(in.toFile(), spec);
            run(List.of(PYTHON, Path.of("src/test/python/reprs.py").toAbsolutePath().toString(), in.toString(), out.toString()));
            return JSON.readTree(out.toFile());
        } finally {
            delete(dir);
        }
    }

    /** tools/make_ome_zarr.py OUT ARGS... (the repository's zarr-python fixture writer). */
    public static Path makeOmeZarr(Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, Path.of("../tools/make_ome_zarr.py").toAbsolutePath().normalize().toString(), out.toString()));
        cmd.addAll(List.of(args));
        run(cmd);
        return out;
    }

    public static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
