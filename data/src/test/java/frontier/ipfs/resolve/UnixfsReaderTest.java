package frontier.ipfs.resolve;

import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.unixfs.UnixfsType;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads back what the importer wrote: plain and sharded directories, deep files, ranges, inline CIDs, symlinks. */
class UnixfsReaderTest {
    @TempDir
    Path dir;

    private Cid add(MemoryBlockStore store, ImportOptions o, Path p) {
        return new Importer(o, store::put, dir).add(List.of(p), dir, ProgressSink.NONE).root();
    }

    private static ImportOptions v1() {
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.cidVersion = 1;
        return o;
    }

    @Test
    void rangesOfDeepFilesWithRawAndDagPbLeaves() throws Exception {
        byte[] data = new byte[300_001];
        new Random(7).nextBytes(data);
        Path f = Files.write(dir.resolve("big.bin"), data);
        for (boolean raw : new boolean[]{true, false}) {
            for (boolean trickle : new boolean[]{false, true}) {
                ImportOptions o = v1();
                o.rawLeaves = raw;
                o.trickle = trickle;
                o.chunker = "size-1000";
                o.maxLinks = 4; // several levels of file nodes
                MemoryBlockStore store = new MemoryBlockStore();
                Cid c = add(store, o, f);
                UnixfsReader r = new UnixfsReader(BlockFetcher.localOnly(store));
                String what = "raw=" + raw + " trickle=" + trickle;
                assertEquals(data.length, r.size(c), what);
                assertArrayEquals(data, r.readAll(c), what);
                Random rnd = new Random(1);
                for (int i = 0; i < 50; i++) {
                    int off = rnd.nextInt(data.length + 10);
                    int len = rnd.nextInt(5000);
                    int to = Math.min(data.length, off + len);
                    byte[] want = off >= data.length ? new byte[0] : Arrays.copyOfRange(data, off, to);
                    assertArrayEquals(want, r.read(c, off, len), what + " off=" + off + " len=" + len);
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                assertEquals(data.length, r.copyTo(c, out));
                assertArrayEquals(data, out.toByteArray());
            }
        }
    }

    @Test
    void shardedDirectoriesResolveAndListLikePlainOnes() throws Exception {
        Path d = Files.createDirectories(dir.resolve("wide"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String n = "file-" + i + (i % 7 == 0 ? "-ünï" : "") + ".txt";
            names.add(n);
            Files.writeString(d.resolve(n), "content " + i);
        }
        Files.createDirectories(d.resolve("sub")).resolve("x");
        Files.writeString(d.resolve("sub/x"), "deep");
        ImportOptions o = v1();
        o.hamtThreshold = 1000; // shard with a few hundred entries (Kubo's rule, lower threshold)
        MemoryBlockStore store = new MemoryBlockStore();
        Cid c = add(store, o, d);
        UnixfsReader r = new UnixfsReader(BlockFetcher.localOnly(store));
        UnixfsNode top = r.node(c);
        assertEquals(UnixfsType.HAMT_SHARD, top.data().type(), "the fixture must really be sharded");
        List<String> listed = r.list(c).stream().map(DirEntry::name).toList();
        List<String> want = new ArrayList<>(names);
        want.add("sub");
        want.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertEquals(want, listed);
        for (int i = 0; i < 300; i++) {
            Cid f = r.resolveOrNull(c, List.of(names.get(i)));
            assertEquals("content " + i, new String(r.readAll(f), StandardCharsets.UTF_8), names.get(i));
        }
        assertEquals("deep", new String(r.readAll(r.resolve(IpfsPath.parse(c + "/sub/x"))), StandardCharsets.UTF_8));
        assertNull(r.resolveOrNull(c, List.of("file-300.txt")));
        assertNull(r.resolveOrNull(c, List.of("file-1.txt", "below-a-file")));
        IpfsPathNotFoundException e = assertThrows(IpfsPathNotFoundException.class, () -> r.resolve(IpfsPath.parse("ipfs://" + c + "/nope")));
        assertTrue(e.getMessage().contains(c + "/nope"), e.getMessage());
    }

    @Test
    void inlinedIdentityCidsNeedNoBlocks() throws Exception {
        Path d = Files.createDirectories(dir.resolve("small"));
        Files.writeString(d.resolve("a.txt"), "tiny");
        ImportOptions o = v1();
        o.inline = true;
        MemoryBlockStore store = new MemoryBlockStore();
        Cid c = add(store, o, d);
        UnixfsReader r = new UnixfsReader(BlockFetcher.localOnly(store));
        Cid a = r.resolve(IpfsPath.parse(c + "/a.txt"));
        assertTrue(a.multihash().isIdentity(), a.toString());
        assertEquals("tiny", new String(r.readAll(a), StandardCharsets.UTF_8));
    }

    @Test
    void symlinksAreFollowedOnlyInsideTheirCid() throws Exception {
        Path d = Files.createDirectories(dir.resolve("links"));
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/a.txt"), "A");
        Files.writeString(d.resolve("b.txt"), "B");
        Files.createSymbolicLink(d.resolve("to-a"), Path.of("sub/a.txt"));
        Files.createSymbolicLink(d.resolve("sub/up"), Path.of("../b.txt"));
        Files.createSymbolicLink(d.resolve("to-sub"), Path.of("sub"));
        Files.createSymbolicLink(d.resolve("escape"), Path.of("../../etc/passwd"));
        Files.createSymbolicLink(d.resolve("absolute"), Path.of("/etc/passwd"));
        MemoryBlockStore store = new MemoryBlockStore();
        Cid c = add(store, v1(), d);
        UnixfsReader r = new UnixfsReader(BlockFetcher.localOnly(store));
        assertEquals("A", new String(r.readAll(r.resolve(IpfsPath.parse(c + "/to-a"))), StandardCharsets.UTF_8));
        assertEquals("B", new String(r.readAll(r.resolve(IpfsPath.parse(c + "/sub/up"))), StandardCharsets.UTF_8));
        assertEquals("B", new String(r.readAll(r.resolve(IpfsPath.parse(c + "/to-sub/up"))), StandardCharsets.UTF_8));
        for (String bad : new String[]{"escape", "absolute"}) {
            IpfsPathNotFoundException e = assertThrows(IpfsPathNotFoundException.class, () -> r.resolve(IpfsPath.parse(c + "/" + bad)));
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
        }
    }

    @Test
    void malformedPathsAreRefusedNamingThePath() {
        String cid = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi";
        for (String bad : new String[]{"ipfs://" + cid + "/a/../b", "/ipfs/" + cid + "/./x", "ipfs://notacid/x", "", "ipfs://", "/ipns/example.com/x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpfsPath.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertEquals(List.of("a", "b"), IpfsPath.parse("ipfs://" + cid + "//a/b/").segments());
    }

    @Test
    void aFileThatIsNotADirectoryIsNamed() throws Exception {
        Path f = Files.writeString(dir.resolve("one.txt"), "x");
        MemoryBlockStore store = new MemoryBlockStore();
        Cid c = add(store, v1(), f);
        UnixfsReader r = new UnixfsReader(BlockFetcher.localOnly(store));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> r.list(c));
        assertTrue(e.getMessage().contains(c.toString()), e.getMessage());
    }
}
