package frontier.magics.ome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code frontier ome_zarr validate} and {@code convert} as a user runs them (bin/frontier): exit
 * statuses (validate: 0 valid, 1 invalid, 0 either way with --json, 2 when it cannot check; the
 * NGFF conformance harness reads the --json line), and convert refusing metadata paths that leave
 * DST, writing nothing. Fixtures: zarr-python's (tools/make_ome_zarr.py).
 */
class ValidateConvertCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static Path tiny;

    @org.junit.jupiter.api.BeforeAll
    static void fixtures() throws Exception {
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!python) System.err.println("SKIPPED: needs /usr/bin/python3 with Debian python3-zarr");
        org.junit.jupiter.api.Assumptions.assumeTrue(python, "needs /usr/bin/python3 with Debian python3-zarr");
        tiny = dir.resolve("made/tiny.zarr");
        Process p = new ProcessBuilder("/usr/bin/python3", Path.of("..", "tools", "make_ome_zarr.py").toString(), tiny.toString(), "--size", "tiny")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assumptions.assumeTrue(!text.contains("No module named"), "python3-zarr missing: " + text);
        assertEquals(0, p.exitValue(), text);
    }

    static HostileInputCliIT.Run frontier(Map<String, String> env, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(LAUNCHER.toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile());
        b.environment().putAll(env);
        return HostileInputCliIT.run(b);
    }

    static Path copy(Path src, Path to) throws java.io.IOException {
        return HostileInputCliIT.copy(src, to);
    }

    @Test
    void validateExitStatusesAndJson() throws Exception {
        HostileInputCliIT.Run ok = frontier(Map.of(), "ome_zarr", "validate", tiny.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith("VALID "), ok.out());

        Path bad = copy(tiny, dir.resolve("v-bad.zarr"));
        ObjectNode attrs = (ObjectNode) JSON.readTree(Files.readAllBytes(bad.resolve(".zattrs")));
        ((ArrayNode) attrs.get("multiscales").get(0).get("datasets")).addObject().put("path", "9");
        Files.write(bad.resolve(".zattrs"), JSON.writeValueAsBytes(attrs));
        HostileInputCliIT.Run invalid = frontier(Map.of(), "ome_zarr", "validate", bad.toString());
        assertEquals(1, invalid.status(), invalid.out() + invalid.err());
        assertTrue(invalid.out().contains(".zattrs: $.multiscales[0].datasets[3].path: names the array '9'"), invalid.out());

        HostileInputCliIT.Run json = frontier(Map.of(), "ome_zarr", "validate", "--json", bad.toString());
        assertEquals(0, json.status(), json.err());
        JsonNode j = JSON.readTree(json.out());
        assertFalse(j.get("valid").asBoolean());
        assertTrue(j.get("message").asText().contains("datasets[3]"), json.out());

        HostileInputCliIT.Run none = frontier(Map.of(), "ome_zarr", "validate", "--json", dir.resolve("no-such.zarr").toString());
        assertEquals(2, none.status(), none.out());
        assertTrue(none.error().contains("not a zarr"), none.error());
    }

    @Test
    void convertWritesAValidImageAndRefusesPathsLeavingIt() throws Exception {
        Path out = dir.resolve("conv").resolve("c.zarr");
        HostileInputCliIT.Run c = frontier(Map.of(), "ome_zarr", "convert", tiny.toString(), out.toString(), "--ngff", "0.5", "--chunks-per-shard", "1,1,2,1,1");
        assertEquals(0, c.status(), c.err());
        HostileInputCliIT.Run v = frontier(Map.of(), "ome_zarr", "validate", out.toString());
        assertEquals(0, v.status(), v.out() + v.err());

        Path evil = copy(tiny, dir.resolve("evil.zarr"));
        ObjectNode labels = (ObjectNode) JSON.readTree(Files.readAllBytes(evil.resolve("labels/.zattrs")));
        ((ArrayNode) labels.get("labels")).add("../../../escaped");
        Files.write(evil.resolve("labels/.zattrs"), JSON.writeValueAsBytes(labels));
        Path target = dir.resolve("conv2").resolve("e.zarr");
        Files.createDirectories(target.getParent());
        HostileInputCliIT.Run e = frontier(Map.of(), "ome_zarr", "convert", evil.toString(), target.toString(), "--ngff", "0.5");
        assertEquals(2, e.status(), e.out());
        assertTrue(e.error().contains("labels[1]") && e.error().contains("'../../../escaped'"), e.error());
        assertFalse(Files.exists(target), "nothing written at DST");
        try (var s = Files.list(target.getParent())) {
            assertEquals(0, s.count(), "no part folder left beside DST");
        }
        assertFalse(Files.exists(dir.resolve("escaped")));

        HostileInputCliIT.Run again = frontier(Map.of(), "ome_zarr", "convert", tiny.toString(), out.toString(), "--ngff", "0.5");
        assertEquals(2, again.status());
        assertTrue(again.error().contains("exists already"), again.error());
        HostileInputCliIT.Run v4 = frontier(Map.of(), "ome_zarr", "convert", tiny.toString(), dir.resolve("x.zarr").toString(), "--ngff", "0.4");
        assertEquals(2, v4.status());
        assertTrue(v4.error().contains("only 0.5"), v4.error());
    }
}
