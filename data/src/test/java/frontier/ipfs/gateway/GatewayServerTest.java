package frontier.ipfs.gateway;

import frontier.ipfs.car.CarWriter;
import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Varint;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded node's trustless and path gateway over real HTTP. */
class GatewayServerTest {
    @TempDir
    static Path dir;
    static IpfsNode node;
    static String url;
    static Cid root;
    static MemoryBlockStore store;
    static byte[] big;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path d = Files.createDirectories(dir.resolve("site/sub"));
        big = new byte[40_000];
        new Random(9).nextBytes(big);
        Files.write(d.resolve("big.bin"), big);
        Files.writeString(d.getParent().resolve("index.json"), "{\"a\":1}");
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.cidVersion = 1;
        o.chunker = "size-5000";
        store = new MemoryBlockStore();
        root = new Importer(o, store::put, dir).add(List.of(d.getParent()), dir, ProgressSink.NONE).root();
        node = IpfsNode.create(store, IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of()));
        url = node.startGateway();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void rawBlocksByQueryOrAcceptHeader() throws Exception {
        HttpResponse<byte[]> r = get("/ipfs/" + root + "?format=raw");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.ipld.raw", r.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(store.get(root), r.body());
        HttpResponse<byte[]> a = get("/ipfs/" + root, "Accept", "application/vnd.ipld.raw");
        assertArrayEquals(store.get(root), a.body());
    }

    @Test
    void carHoldsEveryBlockOfTheDagOnceEachVerifying() throws Exception {
        HttpResponse<byte[]> r = get("/ipfs/" + root + "?format=car");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.ipld.car"));
        byte[] car = r.body();
        int[] pos = {0};
        long h = Varint.read(car, pos);
        byte[] header = Arrays.copyOfRange(car, pos[0], pos[0] + (int) h);
        assertArrayEquals(CarWriter.header(List.of(root)), header);
        pos[0] += (int) h;
        List<Cid> cids = new ArrayList<>();
        while (pos[0] < car.length) {
            long len = Varint.read(car, pos);
            int end = pos[0] + (int) len;
            Cid c = Cid.read(car, pos, end);
            assertTrue(c.verify(Arrays.copyOfRange(car, pos[0], end)), c.toString());
            cids.add(c);
            pos[0] = end;
        }
        assertEquals(root, cids.get(0));
        Set<Cid> all = new HashSet<>();
        store.list().forEach(all::add);
        assertEquals(all, new HashSet<>(cids));
        assertEquals(cids.size(), new HashSet<>(cids).size(), "each block once");
    }

    @Test
    void pathGatewayServesFilesRangesAndTypes() throws Exception {
        HttpResponse<byte[]> f = get("/ipfs/" + root + "/sub/big.bin");
        assertArrayEquals(big, f.body());
        HttpResponse<byte[]> part = get("/ipfs/" + root + "/sub/big.bin", "Range", "bytes=4990-10010");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(big, 4990, 10011), part.body());
        assertEquals("bytes 4990-10010/40000", part.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<byte[]> j = get("/ipfs/" + root + "/index.json");
        assertEquals("application/json", j.headers().firstValue("Content-Type").orElse(""));
        assertEquals(416, get("/ipfs/" + root + "/sub/big.bin", "Range", "bytes=50000-").statusCode());
        assertEquals(400, get("/ipfs/" + root + "/sub/../index.json").statusCode() == 400 ? 400 : get("/ipfs/" + root + "/sub/%2E%2E/index.json").statusCode());
        assertEquals(404, get("/ipfs/" + root + "/sub/none").statusCode());
        HttpResponse<byte[]> absent = get("/ipfs/" + Cid.of(1, Cid.RAW, frontier.ipfs.cid.HashType.SHA2_256, "x".getBytes()) + "?format=raw");
        assertEquals(404, absent.statusCode());
        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/" + root + "/sub/big.bin"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals("40000", head.headers().firstValue("Content-Length").orElse(""), "HEAD: the length, no body");
        assertEquals(0, head.body().length);
    }
}
