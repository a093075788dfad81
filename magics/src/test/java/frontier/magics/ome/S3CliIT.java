package frontier.magics.ome;

import frontier.store.s3.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * s3:// through bin/frontier as a user runs it, against a real S3-compatible server on loopback
 * (moto's server mode, {@link MotoServer}) holding zarr-python's tiny image in a public bucket:
 * the endpoint from --endpoint or AWS_ENDPOINT_URL, anonymous reads, named errors.
 */
class S3CliIT {
    static final String URL = "s3://idr/zarr/v0.1/6001240.zarr";
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();
    static MotoServer s3;
    /** zarr-python's tiny image (tools/make_ome_zarr.py, Debian python3-zarr), as uploaded. */
    static Path tiny;

    @TempDir
    static Path dir;

    @BeforeAll
    static void upload() throws Exception {
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!python) System.err.println("SKIPPED: needs /usr/bin/python3 with Debian python3-zarr");
        assumeTrue(python, "needs /usr/bin/python3 with Debian python3-zarr");
        tiny = dir.resolve("made/6001240.zarr");
        Process p = new ProcessBuilder("/usr/bin/python3", Path.of("..", "tools", "make_ome_zarr.py").toString(), tiny.toString(), "--size", "tiny")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (text.contains("No module named")) System.err.println("SKIPPED: Debian python3-zarr is missing: " + text);
        assumeTrue(!text.contains("No module named"), "python3-zarr missing");
        assertEquals(0, p.exitValue(), text);
        s3 = MotoServer.shared();
        s3.bucket("idr", "--public", "--upload", tiny.toString(), "zarr/v0.1/6001240.zarr/");
    }

    static HostileInputCliIT.Run frontier(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder b = new ProcessBuilder(LAUNCHER.toString()).directory(dir.toFile());
        b.command().addAll(List.of(args));
        b.environment().putAll(env);
        return HostileInputCliIT.run(b);
    }

    @Test
    void infoStatAndDownloadReadTheBucket() throws Exception {
        HostileInputCliIT.Run info = frontier(Map.of(), "ome_zarr", "info", URL, "--endpoint", s3.endpoint());
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains(URL + "/ [zgroup]") && info.out().contains(URL + "/labels/0/ [zgroup]"), info.out());
        assertTrue(info.out().contains("(1, 2, 4, 20, 18)") || info.out().contains("shape"), info.out());

        HostileInputCliIT.Run stat = frontier(Map.of("AWS_ENDPOINT_URL", s3.endpoint()), "zarr", "stat", URL);
        HostileInputCliIT.Run local = frontier(Map.of(), "zarr", "stat", tiny.toString());
        assertEquals(0, stat.status(), stat.err());
        assertEquals(local.out(), stat.out(), "the same arrays, values and hashes as the folder");

        HostileInputCliIT.Run dl = frontier(Map.of(), "ome_zarr", "download", URL, "--output", dir.resolve("out").toString(), "--endpoint", s3.endpoint());
        assertEquals(0, dl.status(), dl.err());
        assertEquals(HostileInputCliIT.tree(tiny), HostileInputCliIT.tree(dir.resolve("out/6001240.zarr")));
    }

    @Test
    void errorsNameTheBucketAndTheEndpoint() throws Exception {
        HostileInputCliIT.Run r = frontier(Map.of(), "ome_zarr", "info", "s3://no-such-bucket/img.zarr", "--endpoint", s3.endpoint());
        assertNotEquals(0, r.status());
        assertTrue(r.error().contains("s3://no-such-bucket/img.zarr/") && r.error().contains("NoSuchBucket") && r.error().contains(s3.endpoint()), r.error());
        HostileInputCliIT.Run up = frontier(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"), "zarr", "stat", URL);
        assertNotEquals(0, up.status());
        assertTrue(up.error().contains(URL) && up.error().contains("http://127.0.0.1:9"), up.error());
        HostileInputCliIT.Run climb = frontier(Map.of(), "ome_zarr", "download", "s3://idr/zarr/../../x.zarr", "--output", dir.resolve("o2").toString(), "--endpoint", s3.endpoint());
        assertNotEquals(0, climb.status());
        assertTrue(climb.error().contains(".."), climb.error());
    }

    /**
     * A hostile bucket: a label named "../../../escape" and keys holding "..". The download is
     * refused, naming the field and the object, and writes nothing (inside or outside the target);
     * listings (zarr stat) never surface a ".." key.
     */
    @Test
    void hostileNamesInTheBucketWriteNothing() throws Exception {
        s3.bucket("evil", "--public", "--upload", tiny.toString(), "img.zarr/",
                "--put", "img.zarr/labels/.zattrs", "{\"labels\": [\"../../../escape\"]}",
                "--put", "img.zarr/../escape/.zgroup", "{\"zarr_format\": 2}",
                "--put", "img.zarr/0/../../../../escape.txt", "not a child");
        Path work = dir.resolve("evil");
        Files.createDirectories(work);
        Path out = work.resolve("out");
        HostileInputCliIT.Run dl = frontier(Map.of(), "ome_zarr", "download", "s3://evil/img.zarr", "--output", out.toString(), "--endpoint", s3.endpoint());
        assertEquals(2, dl.status(), dl.out() + dl.err());
        assertTrue(dl.error().contains("refusing") && dl.error().contains("../../../escape")
                && dl.error().contains("s3://evil/img.zarr/labels/.zattrs"), dl.err());
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.filter(f -> !f.equals(out)).toList(), "nothing beside the target");
        }
        if (Files.exists(out)) {
            try (var inside = Files.walk(out)) {
                assertEquals(List.of(), inside.filter(Files::isRegularFile).toList(), "no file written");
            }
        }
        assertFalse(Files.exists(dir.resolve("escape")) || Files.exists(dir.getParent().resolve("escape.txt")));

        HostileInputCliIT.Run stat = frontier(Map.of("AWS_ENDPOINT_URL", s3.endpoint()), "zarr", "stat", "s3://evil/img.zarr");
        assertFalse(stat.out().contains("escape"), stat.out());
        assertTrue(stat.out().contains("\"path\":\"0\""), stat.out() + stat.err());
    }
}
