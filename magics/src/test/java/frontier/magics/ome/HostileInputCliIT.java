package frontier.magics.ome;

import frontier.http.StaticFileServer;
import frontier.zarr.codec.ZlibCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile input (issue 12, items 7 and 8) fed to bin/frontier as a user runs it: decompression
 * bombs, shapes of 2^62 elements, truncated chunk files from an earlier run, names holding terminal
 * escapes, metadata paths that climb out of the image, unreadable files. Each case expects a clear
 * error naming the file or key at fault (or the repaired copy), never an OutOfMemoryError. The JVM
 * gets a small heap (JAVA_TOOL_OPTIONS=-Xmx96m) so that "fits in memory" is part of the check.
 * Fixtures: zarr-python's (tools/make_ome_zarr.py, Debian python3-zarr) and hand-written .zarray files.
 */
class HostileInputCliIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();
    private static final Map<String, String> SMALL_HEAP = Map.of("JAVA_TOOL_OPTIONS", "-Xmx96m");
    private static final long HUGE = 1L << 62;

    @TempDir
    static Path dir;
    /** zarr-python's tiny image (tools/make_ome_zarr.py), never modified: tests copy it. */
    static Path tiny;

    record Run(int status, String out, String err) {
        /** stderr without the JVM's note that it read JAVA_TOOL_OPTIONS. */
        String error() {
            return err.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    @BeforeAll
    static void fixtures() throws Exception {
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!python) System.err.println("SKIPPED: needs /usr/bin/python3 with Debian python3-zarr");
        assumeTrue(python, "needs /usr/bin/python3 with Debian python3-zarr");
        tiny = make("tiny.zarr", "--size", "tiny");
    }

    static Path make(String name, String... args) throws Exception {
        Path out = dir.resolve("made").resolve(name);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", Path.of("..", "tools", "make_ome_zarr.py").toString(), out.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (text.contains("No module named")) System.err.println("SKIPPED: Debian python3-zarr is missing: " + text);
        assumeTrue(!text.contains("No module named"), "python3-zarr missing");
        assertEquals(0, p.exitValue(), text);
        return out;
    }

    static Path copy(Path src, Path to) throws IOException {
        try (var s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    static TreeMap<String, String> tree(Path root) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static ProcessBuilder launcher(Path cwd, Map<String, String> env, List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(cwd.toFile());
        b.environment().putAll(env);
        return b;
    }

    static Run frontier(Map<String, String> env, String... args) throws Exception {
        return run(launcher(dir, env, List.of(), args));
    }

    static Run run(ProcessBuilder b) throws Exception {
        Process p = b.start();
        p.getOutputStream().close();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            kill(p);
            throw new AssertionError("frontier " + b.command() + " did not finish in 180 s");
        }
        return new Run(p.exitValue(), out, err.get());
    }

    /** Ends a launcher we started and the JVM it runs (bin/frontier may run java as its child). */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    static void zarray(Path arrayDir, String shape, String chunks, String dtype, String compressor) throws IOException {
        Files.createDirectories(arrayDir);
        Files.writeString(arrayDir.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": " + shape + ", \"chunks\": " + chunks
                + ", \"dtype\": \"" + dtype + "\", \"compressor\": " + compressor + ", \"fill_value\": 0, \"filters\": null, \"order\": \"C\"}");
    }

    /** An NGFF 0.1 image group with one level, "0", whose array the caller writes. */
    static Path image(Path imageDir) throws IOException {
        Files.createDirectories(imageDir);
        Files.writeString(imageDir.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(imageDir.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{\"path\": \"0\"}]}]}");
        return imageDir.resolve("0");
    }

    /** 200 MB of zeros as one zlib stream (~200 KB): the bomb, a tenth of its size. */
    static byte[] zlibBomb() throws IOException {
        return new ZlibCodec(9).encode(new byte[200 << 20], 1);
    }

    static void assertNoOutOfMemory(Run r) {
        assertFalse(r.err().contains("OutOfMemoryError") || r.out().contains("OutOfMemoryError"), r.err());
    }

    // ---------------------------------------------------------------- item 7: bombs and huge shapes

    @Test
    void aZlibBombFailsNamingItsChunkInsteadOfInflating() throws Exception {
        Path bomb = dir.resolve("bomb/a.zarr");
        zarray(bomb, "[10]", "[10]", "|u1", "{\"id\": \"zlib\", \"level\": 1}");
        byte[] b = zlibBomb();
        assertTrue(b.length < 300_000, "a bomb of " + b.length + " bytes");
        Files.write(bomb.resolve("0"), b);
        Run stat = frontier(SMALL_HEAP, "zarr", "stat", bomb.toString());
        assertNoOutOfMemory(stat);
        assertEquals(2, stat.status(), stat.err());
        assertTrue(stat.error().contains("cannot decode chunk " + bomb.resolve("0") + ": zlib stream decodes to more than the expected 10 bytes"), stat.err());

        // the same bomb as a pyramid level, over HTTP, through info --stats
        Path level = image(dir.resolve("srv-bomb/img.zarr"));
        zarray(level, "[1, 1, 1, 2, 5]", "[1, 1, 1, 2, 5]", "|u1", "{\"id\": \"zlib\", \"level\": 1}");
        Files.write(level.resolve("0.0.0.0.0"), b);
        try (StaticFileServer s = StaticFileServer.start(dir.resolve("srv-bomb"), 0)) {
            Run info = frontier(SMALL_HEAP, "ome_zarr", "info", "--stats", s.url("img.zarr"));
            assertNoOutOfMemory(info);
            assertEquals(2, info.status(), info.err());
            assertTrue(info.error().contains("cannot decode chunk " + s.url("img.zarr/0/0.0.0.0.0") + ": zlib stream decodes to more than the expected 10 bytes"), info.err());
        }
    }

    /**
     * Shape [2^62] with chunks [1]: the slabs of zarr stat and info --stats are planned as they are read,
     * so the first (corrupt) chunk is reached and named instead of the JVM running out of memory first.
     */
    @Test
    void aShapeOf2To62ElementsIsReadLazily() throws Exception {
        Path huge = dir.resolve("huge/a.zarr");
        zarray(huge, "[" + HUGE + "]", "[1]", "<u2", "null");
        Files.write(huge.resolve("0"), new byte[]{7}); // one byte where two are due
        Run stat = frontier(SMALL_HEAP, "zarr", "stat", huge.toString());
        assertNoOutOfMemory(stat);
        assertEquals(2, stat.status(), stat.err());
        assertTrue(stat.error().contains("chunk " + huge.resolve("0") + " decodes to 1 bytes, expected 2"), stat.err());

        Path level = image(dir.resolve("srv-huge/img.zarr"));
        zarray(level, "[1, 1, 1, 1, " + HUGE + "]", "[1, 1, 1, 1, 1]", "<u2", "null");
        Files.write(level.resolve("0.0.0.0.0"), new byte[]{7});
        try (StaticFileServer s = StaticFileServer.start(dir.resolve("srv-huge"), 0)) {
            Run plain = frontier(SMALL_HEAP, "ome_zarr", "info", s.url("img.zarr"));
            assertEquals(0, plain.status(), plain.err());
            assertTrue(plain.out().contains("   - (1, 1, 1, 1, " + HUGE + ")\n"), plain.out());
            Run info = frontier(SMALL_HEAP, "ome_zarr", "info", "--stats", s.url("img.zarr"));
            assertNoOutOfMemory(info);
            assertEquals(2, info.status(), info.err());
            assertTrue(info.error().contains("chunk " + s.url("img.zarr/0/0.0.0.0.0") + " decodes to 1 bytes, expected 2"), info.err());
        }
    }

    /** A download of 2^62 chunks runs in bounded memory and, with stderr a pipe, says how far it got while it runs. */
    @Test
    void aHugeDownloadShowsProgressOffATerminal() throws Exception {
        Path level = image(dir.resolve("srv-huge-dl/huge.zarr"));
        zarray(level, "[1, 1, 1, 1, " + HUGE + "]", "[1, 1, 1, 1, 1]", "<u2", "null");
        try (StaticFileServer s = StaticFileServer.start(dir.resolve("srv-huge-dl"), 0)) {
            Process p = launcher(dir, SMALL_HEAP, List.of(), "ome_zarr", "download", s.url("huge.zarr"), "--output", "huge-dl").start();
            try {
                p.getOutputStream().close();
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null; ) lines.add(l);
                    } catch (IOException ignored) {
                    }
                    lines.add("<end of stderr>");
                });
                reader.setDaemon(true);
                reader.start();
                Pattern progress = Pattern.compile("huge\\.zarr/0: \\[ {40}] \\| 0% Completed \\| .+ \\| ([1-9][0-9,]*)/4,611,686,018,427,387,904 chunks");
                List<String> seen = new ArrayList<>();
                long[] counts = new long[2];
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (counts[1] == 0 && System.nanoTime() < deadline) {
                    String l = lines.poll(1, TimeUnit.SECONDS);
                    if (l == null) continue;
                    seen.add(l);
                    assertFalse(l.equals("<end of stderr>"), "the download ended: " + seen);
                    var m = progress.matcher(l);
                    if (m.matches()) counts[counts[0] == 0 ? 0 : 1] = Long.parseLong(m.group(1).replace(",", ""));
                }
                assertTrue(counts[1] > counts[0] && counts[0] > 0, "two progress lines, counting up, while it runs: " + seen);
                assertTrue(p.isAlive(), "still downloading, in bounded memory");
            } finally {
                kill(p);
            }
        }
    }

    // ---------------------------------------------------------------- item 8

    /** A chunk file an earlier run left truncated is fetched again; --verify also catches one of the right size. */
    @Test
    void resumingRepairsTruncatedChunksAndVerifyComparesBytes() throws Exception {
        Path srv = copy(tiny, dir.resolve("srv-resume/tiny.zarr")).getParent();
        Path out = dir.resolve("resume-out");
        try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
            Run first = frontier(Map.of(), "ome_zarr", "download", s.url("tiny.zarr"), "--output", out.toString());
            assertEquals(0, first.status(), first.err());
            Path chunk = out.resolve("tiny.zarr/0/0.1.2.0.0");
            byte[] good = Files.readAllBytes(chunk);
            Files.write(chunk, java.util.Arrays.copyOf(good, good.length / 2)); // what a crashed copy tool leaves
            Run second = frontier(Map.of(), "ome_zarr", "download", s.url("tiny.zarr"), "--output", out.toString());
            assertEquals(0, second.status(), second.err());
            assertTrue(second.out().contains("; 1 files repaired (they differed from the source)"), second.out());
            assertArrayEquals(good, Files.readAllBytes(chunk));

            byte[] flipped = good.clone();
            flipped[good.length / 2] ^= 0x55; // same size, same last byte: only the bytes tell
            Files.write(chunk, flipped);
            Run sizeOnly = frontier(Map.of(), "ome_zarr", "download", s.url("tiny.zarr"), "--output", out.toString());
            assertEquals(0, sizeOnly.status(), sizeOnly.err());
            assertFalse(sizeOnly.out().contains("repaired"), sizeOnly.out());
            Run verify = frontier(Map.of(), "ome_zarr", "download", s.url("tiny.zarr"), "--output", out.toString(), "--verify");
            assertEquals(0, verify.status(), verify.err());
            assertTrue(verify.out().contains("; 1 files repaired (they differed from the source)"), verify.out());
            assertTrue(Pattern.compile("\\((\\d+) chunks verified byte for byte\\)").matcher(verify.out()).find(), verify.out());
            assertEquals(tree(srv.resolve("tiny.zarr")), tree(out.resolve("tiny.zarr")));
        }
    }

    /** A label named ESC [2J x: info, download and zarr stat show it escaped and send no control character. */
    @Test
    void namesWithTerminalEscapesArePrintedEscaped() throws Exception {
        String evil = "\u001b[2Jx\u0007"; // ASCII controls: file names must not depend on the locale's charset
        Path img = copy(tiny, dir.resolve("srv-esc/img.zarr"));
        Files.move(img.resolve("labels/0"), img.resolve("labels/" + evil));
        Files.writeString(img.resolve("labels/.zattrs"), "{\"labels\": [\"\\u001b[2Jx\\u0007\"]}");
        Run info = frontier(Map.of(), "ome_zarr", "info", img.toString());
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains(img.resolve("labels") + "/\\x1b[2Jx\\a [zgroup] (hidden)\n"), info.out());
        Run stat = frontier(Map.of(), "zarr", "stat", img.toString());
        assertEquals(0, stat.status(), stat.err());
        assertTrue(stat.out().contains("{\"path\":\"labels/\\u001B[2Jx\\u0007/0\""), stat.out());
        try (StaticFileServer s = StaticFileServer.start(img.getParent(), 0)) {
            Run dl = frontier(Map.of(), "ome_zarr", "download", s.url("img.zarr"), "--output", dir.resolve("esc-out").toString());
            assertEquals(0, dl.status(), dl.err());
            assertTrue(dl.out().contains("\n   img.zarr/labels/\\x1b[2Jx\\a\n"), dl.out());
            assertTrue(Files.isRegularFile(dir.resolve("esc-out/img.zarr/labels/" + evil + "/0/.zarray")), "the label itself is copied under its real name");
            for (Run r : List.of(info, stat, dl)) {
                assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b") || r.out().contains("\u0007"), r.out() + r.err());
            }
        }
    }

    /** Paths in metadata that leave the image are refused by info and download before anything follows them. */
    @Test
    void metadataPathsThatLeaveTheImageAreRefused() throws Exception {
        Path plate = make("plate.zarr", "--size", "tiny", "--plate");
        String[][] cases = {
                {"A/1/.zattrs", "{\"well\": {\"version\": \"0.4\", \"images\": [{\"path\": \"../../../secret.zarr\"}]}}", "well.images[0].path = '../../../secret.zarr'"},
                {".zattrs", "{\"plate\": {\"version\": \"0.4\", \"rows\": [{\"name\": \"A\"}], \"columns\": [{\"name\": \"1\"}],"
                        + " \"wells\": [{\"path\": \"A/../../secret.zarr\", \"rowIndex\": 0, \"columnIndex\": 0}]}}", "plate.wells[0].path = 'A/../../secret.zarr'"},
                {"A/1/0/.zattrs", "{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{\"path\": \"/etc\"}]}]}", "multiscales[0].datasets[0].path = '/etc'"},
        };
        int i = 0;
        for (String[] c : cases) {
            Path srv = dir.resolve("srv-paths" + i++);
            copy(plate, srv.resolve("plate.zarr"));
            copy(tiny, srv.resolve("secret.zarr"));
            Files.writeString(srv.resolve("plate.zarr").resolve(c[0]), c[1]);
            try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
                Path out = dir.resolve("paths-out" + i);
                for (Run r : List.of(frontier(Map.of(), "ome_zarr", "info", s.url("plate.zarr")),
                        frontier(Map.of(), "ome_zarr", "download", s.url("plate.zarr"), "--output", out.toString()))) {
                    assertEquals(2, r.status(), r.out() + r.err());
                    assertTrue(r.err().contains("refusing " + c[2]) && r.err().contains(s.url("plate.zarr/" + c[0])), r.err());
                    assertFalse(r.out().contains("secret"), r.out());
                }
                assertFalse(Files.exists(out), "nothing written");
            }
        }
    }

    /** A file that cannot be read is reported with its name and the reason (run as an unprivileged user when we are root). */
    @Test
    void unreadableFilesAreReportedWithTheReason() throws Exception {
        Path img = copy(tiny, dir.resolve("perm/img.zarr"));
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv"));
            if (!setpriv) System.err.println("SKIPPED: running as root needs /usr/bin/setpriv (util-linux) to read as another user");
            assumeTrue(setpriv, "needs setpriv to drop root");
            asUser = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            // the launcher's first run after a build writes its class-data archive beside the jar, which nobody may not
            assertEquals(0, frontier(Map.of(), "--version").status());
            for (Path p = img; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
                if (p.startsWith(dir)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try (var s = Files.walk(img)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.setPosixFilePermissions(img.resolve("1/.zarray"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(img.resolve("0/0.1.2.0.0"), PosixFilePermissions.fromString("---------"));
        Run meta = run(launcher(dir, Map.of(), asUser, "zarr", "stat", img.toString(), "--path", "1"));
        assertEquals(2, meta.status(), meta.err());
        assertTrue(meta.error().contains(img.resolve("1/.zarray") + ": permission denied"), meta.err());
        Run info = run(launcher(dir, Map.of(), asUser, "ome_zarr", "info", img.toString()));
        assertEquals(2, info.status(), info.err());
        assertTrue(info.error().contains(img.resolve("1/.zarray") + ": permission denied"), info.err());
        Run chunk = run(launcher(dir, Map.of(), asUser, "zarr", "stat", img.toString(), "--path", "0"));
        assertEquals(2, chunk.status(), chunk.err());
        assertTrue(chunk.error().contains("cannot read chunk " + img.resolve("0/0.1.2.0.0") + " (Permission denied)"), chunk.err());

        Files.setPosixFilePermissions(img.resolve("1/.zarray"), PosixFilePermissions.fromString("rw-r--r--"));
        Path out = Files.createDirectories(dir.resolve("perm/out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run copyFrom = run(launcher(dir, Map.of(), asUser, "ome_zarr", "download", img.toString(), "--output", out.toString()));
        assertEquals(2, copyFrom.status(), copyFrom.err());
        assertTrue(copyFrom.error().contains(img.resolve("0/0.1.2.0.0") + ": permission denied"), copyFrom.err());
        Files.setPosixFilePermissions(img.resolve("0/0.1.2.0.0"), PosixFilePermissions.fromString("rw-r--r--"));
        Path readOnly = Files.createDirectories(dir.resolve("perm/read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Run copyTo = run(launcher(dir, Map.of(), asUser, "ome_zarr", "download", img.toString(), "--output", readOnly.toString()));
        assertEquals(2, copyTo.status(), copyTo.err());
        // a new copy is made in img.zarr.frontier-part (renamed to img.zarr when complete): that is the folder it cannot make
        assertTrue(copyTo.error().contains(readOnly.resolve("img.zarr.frontier-part") + ": permission denied"), copyTo.err());
        assertFalse(Files.exists(readOnly.resolve("img.zarr")));
    }

    /** More of the family: corrupt chunks, malformed JSON and impossible shapes each get a named error, not a trace. */
    @Test
    void corruptChunksMalformedJsonAndImpossibleShapes() throws Exception {
        Path img = copy(tiny, dir.resolve("family/img.zarr"));
        byte[] chunk = Files.readAllBytes(img.resolve("0/0.0.0.0.0"));
        Files.write(img.resolve("0/0.0.0.0.0"), java.util.Arrays.copyOf(chunk, chunk.length / 2)); // cut short
        Run corrupt = frontier(Map.of(), "zarr", "stat", img.toString(), "--path", "0");
        assertEquals(2, corrupt.status(), corrupt.err());
        assertTrue(corrupt.error().startsWith("frontier zarr: ") && corrupt.error().contains("chunk " + img.resolve("0/0.0.0.0.0")), corrupt.err());

        Files.writeString(img.resolve("labels/.zattrs"), "{\"labels\": [\"0\"");
        Run json = frontier(Map.of(), "ome_zarr", "info", img.toString());
        assertEquals(2, json.status(), json.err());
        assertTrue(json.error().contains("invalid JSON in " + img.resolve("labels/.zattrs")), json.err());

        zarray(dir.resolve("family/overflow.zarr"), "[1099511627776, 1099511627776]", "[1, 1]", "|u1", "null");
        Run overflow = frontier(Map.of(), "zarr", "stat", dir.resolve("family/overflow.zarr").toString());
        assertEquals(2, overflow.status(), overflow.err());
        assertTrue(overflow.error().contains("overflows a 64-bit element count"), overflow.err());

        zarray(dir.resolve("family/bigchunk.zarr"), "[4294967296]", "[4294967296]", "|u1", "null");
        Run bigChunk = frontier(SMALL_HEAP, "zarr", "stat", dir.resolve("family/bigchunk.zarr").toString());
        assertEquals(2, bigChunk.status(), bigChunk.err());
        assertTrue(bigChunk.error().contains("too large in " + dir.resolve("family/bigchunk.zarr/.zarray")), bigChunk.err());
        for (Run r : List.of(corrupt, json, overflow, bigChunk)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertNotNull(tiny);
    }
}
