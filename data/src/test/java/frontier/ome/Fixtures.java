package frontier.ome;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * OME-Zarr fixtures written by zarr-python (tools/make_ome_zarr.py, Debian python3-zarr), made
 * once per test JVM. Tests skip loudly when /usr/bin/python3 cannot import zarr.
 */
final class Fixtures {
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();
    private static Path base;

    private Fixtures() {
    }

    static final String PYTHON = "/usr/bin/python3";

    /** A fixture folder named NAME.zarr inside a fresh parent folder; args as make_ome_zarr.py takes them. */
    static synchronized Path make(String name, String... args) throws IOException, InterruptedException {
        String key = name + String.join(" ", args);
        Path p = MADE.get(key);
        if (p != null) return p;
        assumePython();
        if (base == null) {
            base = Files.createTempDirectory("ome-fixtures");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(base)));
        }
        Path parent = Files.createDirectories(base.resolve("f" + MADE.size()));
        Path out = parent.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script().toString(), out.toString()));
        cmd.addAll(List.of(args));
        run(cmd);
        MADE.put(key, out);
        return out;
    }

    static Path script() {
        for (Path p : List.of(Path.of("tools/make_ome_zarr.py"), Path.of("../tools/make_ome_zarr.py"))) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
        }
        throw new IllegalStateException("tools/make_ome_zarr.py not found from " + Path.of("").toAbsolutePath());
    }

    static void assumePython() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON));
        if (ok) {
            Process pr = new ProcessBuilder(PYTHON, "-c", "import zarr, numpy, numcodecs").redirectErrorStream(true).start();
            ok = pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0;
        }
        if (!ok) System.err.println("SKIPPED: /usr/bin/python3 with zarr (Debian python3-zarr python3-numcodecs) is not available");
        Assumptions.assumeTrue(ok, "needs /usr/bin/python3 with Debian python3-zarr python3-numcodecs");
    }

    /** Runs a command, returns its stdout; fails with its output on a non-zero exit. */
    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes());
        if (!pr.waitFor(120, TimeUnit.SECONDS)) {
            pr.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        if (pr.exitValue() != 0) throw new IOException("failed (" + pr.exitValue() + "): " + cmd + "\n" + out);
        return out;
    }

    static void deleteQuietly(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
        }
    }

    /** Every regular file under root, relative path -> sha256 hex. */
    static java.util.TreeMap<String, String> tree(Path root) throws IOException {
        java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        return m;
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
