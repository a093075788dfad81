package frontier.sample;

import frontier.array.ChunkedArray;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.progress.ProgressSink;
import frontier.store.FileStore;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutorial's "what is stored in each file?": sizes and CIDs per chunk of an array read from ipfs://. */
class IpfsChunkTableTest {
    @TempDir
    Path tmp;

    @Test
    void chunkTableOverIpfsNamesEachChunksCidAndSize() throws Exception {
        Path image = tmp.resolve("img/6001240.zarr");
        SampleImage.write(new FileStore(image), new int[]{1, 2, 3, 20, 18});
        IpfsNode node = IpfsNode.at(tmp.resolve("blocks"));
        ImportOptions o = new ImportOptions();
        o.chunker = "size-1000000";
        o.recursive = true;
        o.hidden = true;
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        String root = new Importer(o, node.blocks()::put, image.getParent())
                .add(List.of(image), image.getParent(), ProgressSink.NONE).root().toString();

        Table t = ChunkedArray.fromZarr(Zarr.open("ipfs://" + root + "/6001240.zarr", frontier.store.StoreOptions.defaults().withIpfs(node.reader())).get("0")).chunkTable();
        assertEquals(6, t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            String key = t.stringColumn("key").get(r);
            byte[] file = Files.readAllBytes(image.resolve(key));
            assertEquals(file.length, t.longColumn("stored bytes").get(r), key);
            // a chunk file under 1 MB is one raw leaf: its CID is the CIDv1 (raw, sha2-256) of its bytes
            assertEquals(Cid.of(1, Cid.RAW, HashType.SHA2_256, file).toString(), t.stringColumn("cid").get(r), key);
        }
        Table local = ChunkedArray.fromZarr(Zarr.open(image).get("0")).chunkTable();
        assertFalse(local.columnNames().contains("cid"), "a local array has no CID column: " + local.columnNames());
        assertTrue(local.columnNames().contains("stored bytes"));
    }
}
