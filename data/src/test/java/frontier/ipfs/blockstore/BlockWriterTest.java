package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class BlockWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyBlockIsOnDiskWhenCloseReturns() throws Exception {
        FileBlockStore store = new FileBlockStore(dir.resolve("repo"));
        List<Cid> cids = new ArrayList<>();
        // a small budget, so that puts wait for writes to finish
        try (BlockWriter w = new BlockWriter(store, 2 << 20)) {
            for (int i = 0; i < 300; i++) {
                byte[] b = new byte[20_000 + i];
                b[0] = (byte) i;
                b[1] = (byte) (i >> 8);
                Cid c = Cid.of(1, Cid.RAW, HashType.SHA2_256, b);
                cids.add(c);
                w.put(c, b);
            }
        }
        FileBlockStore reopened = new FileBlockStore(dir.resolve("repo"));
        for (Cid c : cids) {
            byte[] b = reopened.get(c);
            assertNotNull(b, "block " + c + " is stored");
            assertEquals(c, Cid.of(1, Cid.RAW, HashType.SHA2_256, b), "block " + c + " holds its bytes");
        }
        try (Stream<Path> tmp = Files.list(dir.resolve("repo/tmp"))) {
            assertEquals(0, tmp.count(), "no temporary file left behind");
        }
    }

    @Test
    void aFailedWriteIsThrownByCloseAndStopsFurtherPuts() throws Exception {
        FileBlockStore store = new FileBlockStore(dir.resolve("repo"));
        byte[] bad = "cannot be stored".getBytes(StandardCharsets.UTF_8);
        Cid badCid = Cid.of(1, Cid.RAW, HashType.SHA2_256, bad);
        // a file where the block's shard folder must go: the write fails whoever runs it
        Files.createDirectories(store.pathOf(badCid).getParent().getParent());
        Files.writeString(store.pathOf(badCid).getParent(), "in the way");
        BlockWriter w = new BlockWriter(store);
        w.put(badCid, bad);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            try {
                Thread.sleep(200); // let the write fail first
                byte[] ok = "fine".getBytes(StandardCharsets.UTF_8);
                w.put(Cid.of(1, Cid.RAW, HashType.SHA2_256, ok), ok);
            } finally {
                w.close();
            }
        });
        assertTrue(e.getMessage().contains(badCid.toString()), e.getMessage());
        assertFalse(Files.exists(store.pathOf(badCid)), "nothing stored under the CID");
    }
}
