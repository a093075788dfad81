package frontier.store.ipfs;

import frontier.array.NdArray;
import frontier.ipfs.IpfsTestData;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.node.IpfsNode;
import frontier.store.FileStore;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ipfs:// as a Zarr store: the fixture added with the tutorial's flags reads equal to the local folder. */
class IpfsStoreTest {
    @TempDir
    static Path dir;
    static Path image;
    static Path repo;
    static Cid root;
    static String previous;

    @BeforeAll
    static void addFixture() throws Exception {
        image = IpfsTestData.makeZarr(dir.resolve("images"), "small");
        repo = dir.resolve("repo");
        root = IpfsTestData.add(repo, IpfsTestData.tutorialFlags(), image);
        previous = System.getProperty("frontier.ipfs.path");
        System.setProperty("frontier.ipfs.path", repo.toString());
    }

    @AfterAll
    static void restore() {
        IpfsNode.at(repo).close();
        if (previous == null) System.clearProperty("frontier.ipfs.path");
        else System.setProperty("frontier.ipfs.path", previous);
    }

    @Test
    void everyFileReadsEqualToTheLocalCopy() throws Exception {
        Map<String, String> local = IpfsTestData.tree(image);
        try (Store s = Stores.open("ipfs://" + root + "/6001240.zarr")) {
            assertInstanceOf(IpfsStore.class, s);
            for (Map.Entry<String, String> e : local.entrySet()) {
                byte[] b = s.get(e.getKey());
                assertEquals(e.getValue(), IpfsTestData.sha256(b), e.getKey());
            }
        }
    }

    /** Stores.open reads through the node its options name (an executor's, a worker's), not the embedded node. */
    @Test
    void theOptionsChooseTheNodeThatReads() throws Exception {
        String location = "ipfs://" + root + "/6001240.zarr";
        try (IpfsNode empty = IpfsNode.create(new FileBlockStore(dir.resolve("empty")),
                IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of()).withTimeout(Duration.ofSeconds(2)));
             Store s = Stores.open(location, StoreOptions.defaults().withIpfs(empty.reader()))) {
            assertThrows(Exception.class, () -> s.get(".zattrs"), "a node with no block and nowhere to fetch from cannot read it");
        }
        try (Store s = Stores.open(location, StoreOptions.defaults().withIpfs(IpfsNode.at(repo).reader()))) {
            assertEquals(Files.readString(image.resolve(".zattrs")), new String(s.get(".zattrs"), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void zarrOpenReadsTheSameArrays() throws Exception {
        ZarrGroup remote = Zarr.open("ipfs://" + root + "/6001240.zarr");
        ZarrGroup local = Zarr.open(image);
        for (String level : new String[]{"0", "1", "2"}) {
            ZarrArray a = remote.get(level);
            ZarrArray b = local.get(level);
            assertArrayEquals(b.shape(), a.shape());
            NdArray x = a.read();
            assertEquals(b.read(), x, "level " + level);
        }
    }

    @Test
    void slashIpfsPathsOpenToo() throws Exception {
        try (Store s = Stores.open("/ipfs/" + root + "/6001240.zarr")) {
            assertArrayEquals(Files.readAllBytes(image.resolve(".zattrs")), s.get(".zattrs"));
            assertEquals("ipfs://" + root + "/6001240.zarr/0/.zarray", s.locate("0/.zarray"));
        }
    }

    @Test
    void missingKeysAreNullAndDirectoriesList() throws Exception {
        try (Store s = Stores.open("ipfs://" + root + "/6001240.zarr")) {
            assertNull(s.get("0/no-such-chunk"));
            assertNull(s.get("no/such/dir/x"));
            assertNull(s.get("0"), "a directory is not a value");
            assertNull(s.get(".zattrs/below-a-file"));
            assertFalse(s.contains("nope"));
            assertTrue(s.isListable());
            assertEquals(new FileStore(image).list(""), s.list(""));
            assertEquals(new FileStore(image).list("labels/"), s.list("labels/"));
            assertEquals(java.util.List.of(), s.list("nope/"));
        }
    }

    @Test
    void rangesMatchTheLocalFile() throws Exception {
        try (Store s = Stores.open("ipfs://" + root + "/6001240.zarr")) {
            byte[] all = Files.readAllBytes(image.resolve(".zattrs"));
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 3, 20), s.get(".zattrs", frontier.store.ByteRequest.range(3, 17)));
            assertArrayEquals(java.util.Arrays.copyOfRange(all, all.length - 5, all.length), s.get(".zattrs", frontier.store.ByteRequest.range(all.length - 5, 100)));
            assertEquals(0, s.get(".zattrs", frontier.store.ByteRequest.range(all.length + 10, 4)).length);
            assertNull(s.get("nope", frontier.store.ByteRequest.range(0, 4)));
        }
    }

    @Test
    void dotDotKeysAreRefusedNamingThePath() throws Exception {
        try (Store s = Stores.open("ipfs://" + root + "/6001240.zarr")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("../6001240.zarr/.zattrs"));
            assertTrue(e.getMessage().contains("'..'") && e.getMessage().contains(root.toString()), e.getMessage());
        }
    }

    @Test
    void malformedCidIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stores.open("ipfs://bafyNOTACID/6001240.zarr"));
        assertTrue(e.getMessage().contains("bafyNOTACID"), e.getMessage());
    }
}
