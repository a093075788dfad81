package frontier.magics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/frontier as a user runs it, against the shaded jar that `package` built. */
class FrontierLauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run frontier(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of(LAUNCHER.toString())));
        builder.command().addAll(List.of(args));
        builder.directory(dir.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsMagicsWithTheirExitStatus() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "bee");
        Files.writeString(dir.resolve(".hidden"), "");
        assertEquals(new Run(0, "b.txt\n", ""), frontier(Map.of(), "ls"));
        assertEquals(new Run(0, "bee\n", ""), frontier(Map.of(), "cat", "b.txt"));
        Run missing = frontier(Map.of(), "ls", "nope");
        assertEquals(new Run(2, "", "frontier ls: cannot access 'nope': No such file or directory\n"), missing);
        Run help = frontier(Map.of(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("lsmagic"), help.out());
    }

    @Test
    void aHostileZarrV3IsANamedErrorAndWritesNothing() throws Exception {
        Path evil = Files.createDirectories(dir.resolve("evil.zarr"));
        Files.writeString(evil.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"array\", \"shape\": [4], \"data_type\": \"uint8\", "
                + "\"chunk_grid\": {\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2]}}, "
                + "\"chunk_key_encoding\": {\"name\": \"default\", \"configuration\": {\"separator\": \"/../\"}}, "
                + "\"fill_value\": 0, \"codecs\": [{\"name\": \"bytes\"}]}");
        Run r = frontier(Map.of(), "zarr", "stat", "evil.zarr");
        assertTrue(r.status() != 0, r.toString());
        assertTrue(r.err().contains(evil.resolve("zarr.json").toString()) && r.err().contains("separator"), r.err());
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(evil.resolve("zarr.json")), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void anOldJavaIsNamedPlainly() throws Exception {
        Path fakeJdk = Files.createDirectories(dir.resolve("jdk11/bin"));
        Path java = fakeJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 11' >&2\necho 'openjdk version \"11.0.2\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run old = frontier(Map.of("JAVA_HOME", dir.resolve("jdk11").toString()), "ls");
        assertEquals(1, old.status());
        assertTrue(old.err().startsWith("frontier: Java 17 or newer is needed, but " + java + " is Java 11;"), old.err());
    }
}
