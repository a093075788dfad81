package frontier.ipfs.extract;

import frontier.ipfs.HostileDags;
import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.resolve.MalformedBlockException;
import frontier.ipfs.resolve.UnixfsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ipfs get of hostile DAGs: nothing outside the target, no write through a link, no link out, no half file. */
class UnixfsExporterTest {
    @TempDir
    Path dir;
    final MemoryBlockStore store = new MemoryBlockStore();
    final HostileDags dags = new HostileDags(store);
    final UnixfsReader reader = new UnixfsReader(BlockFetcher.localOnly(store));

    /** Every path under dir (links not followed), relative. */
    private TreeSet<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    private UnsafeEntryException refused(Cid cid, Path target) {
        return assertThrows(UnsafeEntryException.class, () -> new UnixfsExporter(reader).export(cid, target));
    }

    @Test
    void aPlainTreeIsWrittenWithAnInsideLink() throws Exception {
        Cid root = dags.dir("a.txt", dags.raw("A\n"), "sub", dags.dir("b.txt", dags.raw("B\n"), "up", dags.symlink("../a.txt")));
        Extracted x = new UnixfsExporter(reader).export(root, dir.resolve("out"));
        assertEquals(2, x.files());
        assertEquals("A\n", Files.readString(dir.resolve("out/sub/up")));
        assertEquals(Path.of("../a.txt"), Files.readSymbolicLink(dir.resolve("out/sub/up")));
        assertEquals(new TreeSet<>(List.of("", "out", "out/a.txt", "out/sub", "out/sub/b.txt", "out/sub/up")), everything());
    }

    @Test
    void aLinkAndADirectoryOfOneNameAreRefusedInEitherOrder() throws Exception {
        Files.createDirectories(dir.resolve("deep"));
        UnsafeEntryException e = refused(dags.dotDotTwin(), dir.resolve("deep/out"));
        assertTrue(e.getMessage().contains("/x: the name appears twice"), e.getMessage());
        Cid reversed = dags.dir("x", dags.dir("PWNED.txt", dags.raw("pwned\n")), "x", dags.symlink(".."));
        refused(reversed, dir.resolve("deep/out"));
        refused(dags.chainedTwins(), dir.resolve("deep/out"));
        assertEquals(new TreeSet<>(List.of("", "deep")), everything(), "nothing written at all");
    }

    @Test
    void linksThatLeadOutsideAreRefusedBeforeAnythingIsWritten() throws Exception {
        for (String bad : List.of("../sibling-secret", "/etc/passwd", "sub/../../x", "")) {
            Cid root = dags.dir("a.txt", dags.raw("A\n"), "link", dags.symlink(bad));
            UnsafeEntryException e = refused(root, dir.resolve("out"));
            assertTrue(e.getMessage().contains("/link: a symlink to '" + bad + "'"), e.getMessage());
        }
        // lexically inside, really outside: b is the root itself, so b/../x is ../x
        Cid sneaky = dags.dir("a", dags.symlink("b/../x"), "b", dags.symlink("."));
        assertTrue(refused(sneaky, dir.resolve("out")).getMessage().contains("leads outside"));
        Cid loop = dags.dir("a", dags.symlink("b"), "b", dags.symlink("a/x"));
        assertTrue(refused(loop, dir.resolve("out")).getMessage().contains("more than 40 symlinks"));
        assertEquals(new TreeSet<>(List.of("")), everything());
    }

    @Test
    void namesThatAreNotPlainAreRefused() throws Exception {
        for (String bad : List.of("..", ".", "a/b", "", "a\\b", "nul\0")) {
            Cid root = dags.dir(bad, dags.raw("x"));
            assertTrue(refused(root, dir.resolve("out")).getMessage().contains("not a plain file name"));
        }
        assertEquals(new TreeSet<>(List.of("")), everything());
    }

    @Test
    void nothingIsWrittenThroughALinkAlreadyInTheTarget() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("x"), Path.of("../secret"));
        Cid root = dags.dir("x", dags.dir("PWNED.txt", dags.raw("pwned\n")));
        UnsafeEntryException e = refused(root, out);
        assertTrue(e.getMessage().contains("/x: it is a symlink"), e.getMessage());
        try (Stream<Path> s = Files.list(secret)) {
            assertEquals(0, s.count());
        }
        // nor as the target itself
        Path linkTarget = dir.resolve("t");
        Files.createSymbolicLink(linkTarget, secret);
        refused(dags.dir("f", dags.raw("x")), linkTarget);
        try (Stream<Path> s = Files.list(secret)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aLinkAlreadyOnDiskCannotTurnANewLinkOutward() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("b"), Path.of("."));   // the user's own link
        Cid root = dags.dir("a", dags.symlink("b/../x"));            // fine as planned, outside on disk
        UnsafeEntryException e = refused(root, out);
        assertTrue(e.getMessage().contains("as written on disk"), e.getMessage());
        assertFalse(Files.exists(out.resolve("a"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link was removed again");
    }

    @Test
    void aFileWhoseSizeLiesIsRefusedAndNotLeftBehind() throws Exception {
        Cid leaf = dags.raw("twelve bytes");
        Cid huge = dags.fileNode(null, -1L, List.of(), new long[0]); // filesize 2^64-1 over no data
        Cid root = dags.dir("huge.bin", huge, "ok.txt", leaf);
        MalformedBlockException e = assertThrows(MalformedBlockException.class, () -> new UnixfsExporter(reader).export(root, dir.resolve("out")));
        assertTrue(e.getMessage().contains("filesize 18446744073709551615"), e.getMessage());
        Cid lies = dags.fileNode(null, 99L, List.of(leaf), new long[]{12});
        assertTrue(assertThrows(MalformedBlockException.class, () -> new UnixfsExporter(reader).export(lies, dir.resolve("f")))
                .getMessage().contains("filesize 99 but its data and blocksizes hold 12"));
        Cid short_ = dags.fileNode(null, 20L, List.of(leaf), new long[]{20}); // sizes agree, the leaf is shorter
        assertThrows(MalformedBlockException.class, () -> new UnixfsExporter(reader).export(short_, dir.resolve("g")));
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "no file, complete-looking or temporary");
        }
    }

    @Test
    void aDeepFileIsReadWithoutRecursion() throws Exception {
        Cid deep = dags.deepFile(20_000, "deep down\n");
        new UnixfsExporter(reader).export(deep, dir.resolve("deep.txt"));
        assertEquals("deep down\n", Files.readString(dir.resolve("deep.txt")));
    }

    @Test
    void directoriesTooDeepForAPathAreRefusedBeforeWriting() throws Exception {
        UnsafeEntryException e = refused(dags.deepDirs(20_000), dir.resolve("out"));
        assertTrue(e.getMessage().contains("PATH_MAX"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, e.getMessage());
        assertEquals(new TreeSet<>(List.of("")), everything());
        Cid ok = dags.deepDirs(300);
        new UnixfsExporter(reader).export(ok, dir.resolve("o"));
        assertEquals("at the bottom\n", Files.readString(dir.resolve("o" + "/d".repeat(300) + "/leaf.txt")));
    }
}
