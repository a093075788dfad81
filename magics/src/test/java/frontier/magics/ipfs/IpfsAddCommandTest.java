package frontier.magics.ipfs;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.PinSet;
import frontier.ipfs.cid.Cid;
import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** %ipfs add through the registry, with Kubo's expected output (test/sharness/t0040-add-and-cat.sh). */
class IpfsAddCommandTest {
    @TempDir
    Path dir;
    Path repo;
    private final MagicRegistry registry = MagicRegistry.load();

    @BeforeEach
    void repo() throws Exception {
        repo = dir.resolve("repo");
        System.setProperty("frontier.ipfs.path", repo.toString());
        Files.createDirectories(dir.resolve("mountdir/planets"));
        Files.writeString(dir.resolve("mountdir/planets/mars.txt"), "Hello Mars!\n");
        Files.writeString(dir.resolve("mountdir/planets/venus.txt"), "Hello Venus!\n");
    }

    @AfterEach
    void clear() {
        System.clearProperty("frontier.ipfs.path");
    }

    @Test
    void addPrintsKubosLinesAndStoresPinnedBlocks() {
        RecordingContext ctx = new RecordingContext(dir);
        IpfsAddResult r = (IpfsAddResult) registry.runLine("ipfs", "add -r --cid-version=1 mountdir/planets", ctx);
        assertEquals("added bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4 planets/mars.txt\n"
                + "added bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca planets/venus.txt\n"
                + "added bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi planets", r.toString());
        FileBlockStore store = new FileBlockStore(repo);
        Cid root = Cid.parse("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi");
        assertTrue(store.has(root));
        assertTrue(store.has(Cid.parse("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4")));
        List<Cid> all = new ArrayList<>();
        store.list().forEach(all::add);
        assertEquals(3, all.size());
        for (Cid c : all) {
            assertTrue(c.verify(store.get(c)), "stored block verifies: " + c);
        }
        assertTrue(new PinSet(repo).isPinned(root));
        assertEquals("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi", r.root());
        assertEquals(2, r.result().files());
        assertEquals(1, r.result().directories());
        assertTrue(r.pinned());
        assertTrue(r.node().startsWith("embedded (block store " + repo), r.node());
    }

    @Test
    void quieterChunkerSpellingsAndOnlyHash() {
        RecordingContext ctx = new RecordingContext(dir);
        Object q = registry.runLine("ipfs", "add -r -Q -n mountdir/planets", ctx);
        assertEquals("QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY", q.toString());
        assertFalse(Files.exists(repo.resolve("blocks")), "-n writes nothing");
        assertEquals(registry.runLine("ipfs", "add -r -Q -n -s size-4 mountdir/planets", ctx).toString(),
                registry.runLine("ipfs", "add -r -Q -n --chunker size-4 mountdir/planets", ctx).toString());
        assertNotEquals(q.toString(), registry.runLine("ipfs", "add -r -Q -n -s size-4 mountdir/planets", ctx).toString());
        assertEquals("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4\nbafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca\n"
                + "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi",
                registry.runLine("ipfs", "add -r -q -n --cid-version 1 mountdir/planets", ctx).toString());
        assertEquals(Cid.parse("QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY").toV1().toString(),
                registry.runLine("ipfs", "add -r -Q -n --cid-base base32 mountdir/planets", ctx).toString());
        String wrapped = registry.runLine("ipfs", "add -w -n mountdir/planets/mars.txt", ctx).toString();
        assertTrue(wrapped.startsWith("added QmPrrHqJzto9m7SyiRzarwkqPcCSsKR2EB1AyqJfe8L8tN mars.txt\nadded Qm"), wrapped);
        assertTrue(wrapped.endsWith(" "), "the wrapper's line ends with an empty name, as Kubo prints it");
    }

    @Test
    void badInputGivesOneLineErrorsNamingThePath() {
        RecordingContext ctx = new RecordingContext(dir);
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "add mountdir/nope.txt", ctx));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
        e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "add mountdir/planets", ctx));
        assertTrue(e.getMessage().contains("-r"), e.getMessage());
        e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "add --hash md5 mountdir/planets/mars.txt", ctx));
        assertTrue(e.getMessage().contains("md5"), e.getMessage());
        e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "add -s size-0 mountdir/planets/mars.txt", ctx));
        assertTrue(e.getMessage().contains("size-0"), e.getMessage());
        e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "add --cid-base base99 mountdir/planets/mars.txt", ctx));
        assertTrue(e.getMessage().contains("base99"), e.getMessage());
        e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "", ctx));
        assertTrue(e.getMessage().contains("add"), e.getMessage());
    }
}
