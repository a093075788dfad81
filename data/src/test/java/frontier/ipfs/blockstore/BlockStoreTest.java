package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multihash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class BlockStoreTest {
    @TempDir
    Path dir;

    @Test
    void fileStorePutGetListDelete() throws Exception {
        check(new FileBlockStore(dir.resolve("repo")));
        FileBlockStore s = new FileBlockStore(dir.resolve("repo2"));
        byte[] b = "hello".getBytes();
        Cid c = Cid.of(1, Cid.RAW, HashType.SHA2_256, b);
        s.put(c, b);
        Path p = s.pathOf(c);
        String name = c.toString();
        assertEquals(name + ".data", p.getFileName().toString());
        assertEquals(name.substring(name.length() - 3, name.length() - 1), p.getParent().getFileName().toString());
        // persistent: a new instance on the same root sees it
        assertArrayEquals(b, new FileBlockStore(dir.resolve("repo2")).get(c));
        try (Stream<Path> tmp = Files.list(dir.resolve("repo2/tmp"))) {
            assertEquals(0, tmp.count(), "no temporary file left behind");
        }
    }

    @Test
    void memoryStore() {
        check(new MemoryBlockStore());
    }

    private void check(BlockStore s) {
        byte[] b = "some block".getBytes();
        Cid raw = Cid.of(1, Cid.RAW, HashType.SHA2_256, b);
        Cid v0 = Cid.of(0, Cid.DAG_PB, HashType.SHA2_256, new byte[]{0x0a, 0x02, 0x08, 0x01});
        assertNull(s.get(raw));
        assertFalse(s.has(raw));
        s.put(raw, b);
        s.put(raw, b); // idempotent
        s.put(v0, new byte[]{0x0a, 0x02, 0x08, 0x01});
        assertArrayEquals(b, s.get(raw));
        assertTrue(s.has(v0));
        assertTrue(s.has(v0.toV1()), "v0 and v1 of the same block share storage");
        List<Cid> all = new ArrayList<>();
        s.list().forEach(all::add);
        assertEquals(2, all.size());
        assertTrue(all.contains(raw) && all.contains(v0.toV1()));
        // a hash mismatch names the CID and stores nothing
        Cid other = Cid.of(1, Cid.RAW, HashType.SHA2_256, "other".getBytes());
        BlockMismatchException e = assertThrows(BlockMismatchException.class, () -> s.put(other, "wrong".getBytes()));
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        assertFalse(s.has(other));
        // blake3 and identity
        Cid b3 = Cid.of(1, Cid.RAW, HashType.BLAKE3, b);
        s.put(b3, b);
        assertArrayEquals(b, s.get(b3));
        Cid id = Cid.v1(Cid.RAW, Multihash.of(HashType.IDENTITY, "inline".getBytes()));
        assertTrue(s.has(id));
        assertArrayEquals("inline".getBytes(), s.get(id));
        assertTrue(s.delete(raw));
        assertFalse(s.delete(raw));
        assertNull(s.get(raw));
    }
}
