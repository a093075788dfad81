package frontier.zarr;

import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.http.StaticFileServer;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.progress.ProgressSink;
import frontier.store.FileStore;
import frontier.store.http.HttpStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharded Zarr v3 over HTTP (Range requests on a real loopback server) and on IPFS (chunk table with CIDs). */
class ZarrV3RemoteTest {
    @TempDir
    Path dir;

    /** A (4, 40, 30) uint16 array in shards (2, 40, 30) of (1, 20, 15) chunks, blosc inside, values i % 65521. */
    static NdArray writeSharded(Path root, boolean indexAtEnd) throws Exception {
        int[] shape = {4, 40, 30};
        short[] v = new short[4 * 40 * 30];
        for (int i = 0; i < v.length; i++) v[i] = (short) (i % 65521);
        NdArray values = NdArray.wrap(DType.UINT16, v, shape);
        ZarrArray a = Zarr.createArray(new FileStore(root), "img/0", ArrayMetadataV3.builder(DType.UINT16, new long[]{4, 40, 30}, new int[]{1, 20, 15})
                .shards(new int[]{2, 40, 30}).indexAtEnd(indexAtEnd).compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2))).build());
        a.write(values);
        return values;
    }

    @Test
    void oneInnerChunkOverHttpIsTwoRangeRequestsNotTheWholeShard() throws Exception {
        for (boolean atEnd : List.of(true, false)) {
            Path root = Files.createTempDirectory(dir, "http");
            NdArray values = writeSharded(root, atEnd);
            long shardSize = Files.size(root.resolve("img/0/c/1/0/0"));
            try (StaticFileServer server = StaticFileServer.start(root, 0)) {
                List<String> seen = Collections.synchronizedList(new ArrayList<>());
                server.setFault((path, ex) -> {
                    seen.add(path + " " + ex.requestHeader("range"));
                    return false;
                });
                HttpStore store = new HttpStore(server.url("img"));
                ZarrArray a = Zarr.openArray(store, "0");
                seen.clear();
                long before = store.stats().bytesRead();
                NdArray chunk = a.readChunk(new long[]{3, 1, 1});
                int index = 16 * 2 * 2 * 2 + 4;
                String shard = "/img/0/c/1/0/0";
                assertEquals(List.of(shard + " " + (atEnd ? "bytes=-" + index : "bytes=0-" + (index - 1))), seen.subList(0, 1), "the index first");
                assertEquals(2, seen.size(), "then the inner chunk: " + seen);
                assertTrue(seen.get(1).startsWith(shard + " bytes="), seen.get(1));
                long got = store.stats().bytesRead() - before;
                assertTrue(got < shardSize / 3, got + " bytes received of a " + shardSize + "-byte shard");
                // the values of inner chunk (3, 1, 1): rows 20..39, columns 15..29 of plane 3
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 15; x++) {
                        assertEquals(values.getLong(values.flatIndex(3, 20 + y, 15 + x)), chunk.getLong(chunk.flatIndex(0, y, x)));
                    }
                }
                // a second inner chunk of the same shard: the index is cached, one more request
                seen.clear();
                a.readChunk(new long[]{2, 0, 1});
                assertEquals(1, seen.size(), seen.toString());
                // the whole array over HTTP: neighbouring inner chunks come in few ranged reads
                seen.clear();
                ZarrV3Test.assertSameValues(values, Zarr.openArray(store, "0").read(), "whole array over HTTP");
                // .zarray (absent) and zarr.json, then per shard its index and one ranged read of all its inner chunks
                assertEquals(6, seen.size(), "metadata, then two requests per shard: " + seen);
                ZarrV3Test.assertSameValues(values, ChunkedArray.fromZarr(Zarr.openArray(server.url("img/0"))).compute(), "chunked over HTTP");
            }
        }
    }

    @Test
    void chunkTableOverIpfsHasShardRowsWithCidsAndInnerChunkRows() throws Exception {
        Path image = dir.resolve("v3/img.zarr");
        NdArray values = writeSharded(image, true);
        IpfsNode node = IpfsNode.at(dir.resolve("blocks"));
        ImportOptions o = new ImportOptions();
        o.chunker = "size-1000000";
        o.recursive = true;
        o.hidden = true;
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        String root = new Importer(o, node.blocks()::put, image.getParent())
                .add(List.of(image), image.getParent(), ProgressSink.NONE).root().toString();
        ZarrGroup g = Zarr.open("ipfs://" + root + "/img.zarr", frontier.store.StoreOptions.defaults().withIpfs(node.reader()));
        ZarrArray a = g.group("img").get("0");
        ZarrV3Test.assertSameValues(values, a.read(), "over ipfs://");
        Table t = ChunkedArray.fromZarr(a).chunkTable();
        // 2 shards, each followed by its 8 inner chunks
        assertEquals(2 + 16, t.rowCount());
        for (int shard = 0; shard < 2; shard++) {
            int r = shard * 9;
            String key = t.stringColumn("key").get(r);
            assertEquals("img/0/c/" + shard + "/0/0", key);
            byte[] file = Files.readAllBytes(image.resolve(key));
            assertEquals(file.length, t.longColumn("stored bytes").get(r), key);
            assertEquals(Cid.of(1, Cid.RAW, HashType.SHA2_256, file).toString(), t.stringColumn("cid").get(r), key);
            assertEquals("(2, 40, 30)", t.stringColumn("shape").get(r));
            long inner = 0;
            for (int i = 1; i <= 8; i++) {
                String k = t.stringColumn("key").get(r + i);
                assertTrue(k.startsWith(key + "#"), k);
                assertTrue(t.stringColumn("cid").isMissing(r + i), "inner chunks have no CID of their own");
                inner += t.longColumn("stored bytes").get(r + i);
            }
            assertEquals(file.length - (16 * 8 + 4), inner, "inner chunks fill the shard but for its index");
        }
        assertEquals("img/0/c/0/0/0#1.1.1", t.stringColumn("key").get(8));
    }
}
