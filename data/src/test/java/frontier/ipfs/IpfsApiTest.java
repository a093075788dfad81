package frontier.ipfs;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.extract.Extracted;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.rpc.JsIpfsNode;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java API on both nodes, with Kubo's t0040 vector as the oracle for CIDs. */
class IpfsApiTest {
    static final String PLANETS = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi";
    static final String MARS = "bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4";
    @TempDir
    Path dir;
    Path planets;

    @BeforeEach
    void planets() throws Exception {
        planets = Files.createDirectories(dir.resolve("planets"));
        Files.writeString(planets.resolve("mars.txt"), "Hello Mars!\n");
        Files.writeString(planets.resolve("venus.txt"), "Hello Venus!\n");
    }

    private IpfsNode node() {
        return IpfsNode.create(new FileBlockStore(dir.resolve("repo")), IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of()));
    }

    /** Everything a caller does with a node, checked the same way on either. */
    private void exercise(Ipfs ipfs) throws Exception {
        ImportResult added = ipfs.add(List.of(planets), AddOptions.defaults().recursive().cidVersion(1), ProgressSink.NONE);
        assertEquals(PLANETS, added.root().toString());
        assertEquals(List.of("planets/mars.txt", "planets/venus.txt", "planets"), added.entries().stream().map(e -> e.name()).toList());
        assertEquals("Hello Mars!\n", new String(ipfs.cat(PLANETS + "/mars.txt"), StandardCharsets.UTF_8));
        assertEquals("Venus", new String(ipfs.cat("/ipfs/" + PLANETS + "/venus.txt", 6, 5), StandardCharsets.UTF_8));
        assertEquals(List.of(new LsEntry("mars.txt", Cid.parse(MARS), LsEntry.Type.FILE, 12),
                new LsEntry("venus.txt", Cid.parse("bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca"), LsEntry.Type.FILE, 13)), ipfs.ls("ipfs://" + PLANETS));
        Extracted got = ipfs.get(PLANETS, dir.resolve("copy"));
        assertEquals(2, got.files());
        assertEquals(IpfsTestData.tree(planets), IpfsTestData.tree(dir.resolve("copy")));
        assertEquals(Cid.parse(MARS), ipfs.pin(PLANETS + "/mars.txt"));
        assertTrue(ipfs.pins().stream().anyMatch(p -> p.cid().toV1().toString().equals(MARS) && p.type().equals("recursive")), ipfs.pins().toString());
        assertTrue(ipfs.verify(planets, PLANETS, AddOptions.defaults().recursive().cidVersion(1)).ok());
        Files.writeString(planets.resolve("venus.txt"), "Hello Venus?\n");
        VerifyResult v = ipfs.verify(planets, PLANETS, AddOptions.defaults().recursive().cidVersion(1));
        assertFalse(v.ok());
        assertEquals("[changed     venus.txt]", v.differences().toString());
        assertFalse(ipfs.id().agentVersion().isEmpty());
    }

    @Test
    void theEmbeddedNode() throws Exception {
        try (IpfsNode node = node()) {
            Ipfs ipfs = Ipfs.embedded(node);
            assertFalse(ipfs.isDaemon());
            exercise(ipfs);
            assertEquals("embedded (block store " + dir.resolve("repo") + ")", ipfs.describe());
            assertEquals(dir.resolve("repo"), ipfs.id().blockStore());
        }
    }

    @Test
    void aDaemonOverRpc() throws Exception {
        JsIpfsNode js = JsIpfsNode.get();
        try (Ipfs ipfs = Ipfs.connect(js.api)) {
            assertTrue(ipfs.isDaemon());
            assertEquals("IPFS daemon at " + js.api, ipfs.describe());
            exercise(ipfs);
            assertEquals(js.id, ipfs.id().id());
        }
    }

    @Test
    void addOnlyHashStoresNothing() throws Exception {
        try (IpfsNode node = node()) {
            ImportResult r = Ipfs.embedded(node).add(List.of(planets), AddOptions.defaults().recursive().onlyHash(), ProgressSink.NONE);
            assertEquals("QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY", r.root().toString()); // Kubo's CIDv0 for planets
            assertFalse(node.blocks().list().iterator().hasNext());
        }
    }

    @Test
    void addOptionsReadLikeKubosFlags() {
        AddOptions tutorial = AddOptions.defaults().recursive().hidden().chunker("size-1000000").rawLeaves(true).cidVersion(1).wrapWithDirectory();
        assertEquals("-r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w", tutorial.toString());
        assertEquals(Map.of("cid-version", "1", "raw-leaves", "true", "chunker", "size-1000000", "wrap-with-directory", "true", "pin", "true"),
                tutorial.rpcQuery());
        assertEquals("-r", AddOptions.defaults().recursive().toString());
        assertNotSame(tutorial.toImportOptions(), tutorial.toImportOptions());
    }

    @Test
    void importOptionsCopyCopiesEveryField() throws Exception {
        ImportOptions o = new ImportOptions();
        for (Field f : ImportOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            Object v = f.getType() == boolean.class ? Boolean.TRUE : f.getType() == int.class ? 7 : f.getType() == long.class ? 7L
                    : f.getType() == String.class ? "x" : f.getType() == Integer.class ? 1 : f.getType() == Boolean.class ? Boolean.FALSE
                    : f.getType() == List.class ? new java.util.ArrayList<>(List.of("r")) : f.getType().isEnum() ? f.getType().getEnumConstants()[1] : null;
            assertTrue(v != null, "a test value for " + f);
            f.set(o, v);
        }
        ImportOptions c = o.copy();
        for (Field f : ImportOptions.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) assertEquals(f.get(o), f.get(c), f.getName());
        }
    }
}
