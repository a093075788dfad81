package frontier.zarr.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The numcodecs peer: runs src/test/python/codec_vectors.py with /usr/bin/python3 (Debian
 * python3-numcodecs, python3-blosc) once per test JVM to write the cross-check vectors.
 */
final class NumcodecsVectors {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Paths.get("src/test/python/codec_vectors.py").toAbsolutePath();
    private static Path dir;
    private static String unavailable;

    record Case(String name, Map<String, Object> config, int itemsize, boolean lossy) {
    }

    private NumcodecsVectors() {
    }

    /** The vectors directory; skips the calling test loudly when numcodecs is absent. */
    static synchronized Path dir() throws Exception {
        if (dir == null && unavailable == null) {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import numcodecs, numpy").redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                unavailable = "SKIPPED: numcodecs cross-checks need " + PYTHON + " with Debian python3-numcodecs: " + out.trim();
                System.err.println(unavailable);
            } else {
                Path d = Files.createTempDirectory("codec-vectors");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
                Result r = run("write", d);
                if (r.exit != 0) {
                    throw new IllegalStateException("codec_vectors.py write failed:\n" + r.output);
                }
                dir = d;
            }
        }
        Assumptions.assumeTrue(unavailable == null, unavailable);
        return dir;
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() throws Exception {
        Path d = dir();
        List<Map<String, Object>> raw = new ObjectMapper().readValue(d.resolve("manifest.json").toFile(), List.class);
        return raw.stream().map(m -> new Case((String) m.get("name"), (Map<String, Object>) m.get("config"),
                ((Number) m.get("itemsize")).intValue(), Boolean.TRUE.equals(m.get("lossy")))).toList();
    }

    record Result(int exit, String output) {
    }

    static Result run(String mode, Path d) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), mode, d.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("codec_vectors.py " + mode + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static void deleteTree(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort cleanup of a temp dir
        }
    }
}
