package frontier.ipfs.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetch chain against real HTTP gateways on loopback: our own embedded gateway serving
 * imported blocks, and faulty ones (wrong bytes, 500s, a hang, a truncated body, a dead port).
 */
class BlockFetcherTest {
    @TempDir
    static Path dir;
    static byte[] data;
    static Cid file;
    static IpfsNode origin;
    static String good;

    @BeforeAll
    static void serve() throws Exception {
        data = new byte[50_000];
        new Random(3).nextBytes(data);
        Path d = Files.createDirectories(dir.resolve("src/d"));
        Files.write(d.resolve("data.bin"), data);
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.cidVersion = 1;
        o.chunker = "size-4096";
        MemoryBlockStore store = new MemoryBlockStore();
        Cid root = new Importer(o, store::put, d.getParent()).add(List.of(d), d.getParent(), ProgressSink.NONE).root();
        origin = IpfsNode.create(store, IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of()));
        good = origin.startGateway();
        file = origin.reader().resolve(IpfsPath.parse(root + "/data.bin"));
        // keep the directory root too
        dirRoot = root;
    }

    static Cid dirRoot;

    @AfterAll
    static void stop() {
        origin.close();
    }

    private static BlockFetcher client(Path repo, Duration timeout, String... gateways) {
        List<BlockSource> s = new java.util.ArrayList<>();
        for (String g : gateways) s.add(new GatewaySource(g, timeout, 2));
        return new BlockFetcher(new FileBlockStore(repo), true, s, 8);
    }

    /** A gateway whose every answer is decided by handler. */
    interface Handler {
        void handle(HttpExchange ex, Cid cid, byte[] block) throws IOException;
    }

    static HttpServer fake(Handler h) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-gateway");
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/", ex -> {
            try (ex) {
                String p = ex.getRequestURI().getPath();
                Cid cid = Cid.parse(p.substring("/ipfs/".length()));
                h.handle(ex, cid, origin.blocks().get(cid));
            } catch (IOException | RuntimeException e) {
                // the client gave up
            }
        });
        s.start();
        return s;
    }

    static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    @Test
    void readsThroughAGatewayVerifiesAndCachesSoASecondRunUsesNoNetwork() throws Exception {
        Path repo = dir.resolve("cache1");
        try (BlockFetcher f = client(repo, Duration.ofSeconds(5), good)) {
            UnixfsReader r = new UnixfsReader(f);
            assertArrayEquals(data, r.readAll(r.resolve(IpfsPath.parse(dirRoot + "/data.bin"))));
            assertTrue(f.networkBlocks() > 10, "blocks came from the gateway: " + f.networkBlocks());
        }
        try (BlockFetcher f = client(repo, Duration.ofSeconds(5), "http://127.0.0.1:9")) {
            UnixfsReader r = new UnixfsReader(f);
            assertArrayEquals(data, r.readAll(r.resolve(IpfsPath.parse(dirRoot + "/data.bin"))));
            assertEquals(0, f.networkBlocks(), "second run read from the local store only");
        }
    }

    @Test
    void wrongBytesAreRefusedNamingCidAndGatewayAndNeverCached() throws Exception {
        HttpServer bad = fake((ex, cid, block) -> {
            byte[] t = block.clone();
            t[t.length / 2] ^= 1;
            reply(ex, 200, t);
        });
        try {
            Path repo = dir.resolve("cache-bad");
            try (BlockFetcher f = client(repo, Duration.ofSeconds(5), url(bad))) {
                UnixfsReader r = new UnixfsReader(f);
                BlockVerificationException e = assertThrows(BlockVerificationException.class, () -> r.readAll(file));
                assertTrue(e.getMessage().contains(e.cid().toString()) && e.getMessage().contains(url(bad)), e.getMessage());
                assertTrue(e.getMessage().contains("hash mismatch"), e.getMessage());
                assertFalse(f.local().has(e.cid()), "a refused block is never stored");
            }
            try (var s = Files.list(repo.resolve("tmp"))) {
                assertEquals(0, s.count(), "no temporary files left behind");
            }
            // a good gateway after the bad one: the read succeeds with the right bytes
            try (BlockFetcher f = client(dir.resolve("cache-bad2"), Duration.ofSeconds(5), url(bad), good)) {
                UnixfsReader r = new UnixfsReader(f);
                assertArrayEquals(data, r.readAll(file));
            }
        } finally {
            bad.stop(0);
        }
    }

    @Test
    void aGatewayAnswering500FallsBackToTheNextAndAloneGivesANamedError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer broken = fake((ex, cid, block) -> {
            calls.incrementAndGet();
            reply(ex, 500, "boom".getBytes());
        });
        try {
            try (BlockFetcher f = client(dir.resolve("cache-500a"), Duration.ofSeconds(5), url(broken), good)) {
                assertArrayEquals(data, new UnixfsReader(f).readAll(file));
            }
            try (BlockFetcher f = client(dir.resolve("cache-500b"), Duration.ofSeconds(5), url(broken))) {
                int before = calls.get();
                IpfsFetchException e = assertThrows(IpfsFetchException.class, () -> f.get(file));
                assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("HTTP 500"), e.getMessage());
                assertEquals(3, calls.get() - before, "bounded retries: 1 + 2");
            }
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void aHangingGatewayTimesOutInBoundedTimeThenTheNextIsTried() throws Exception {
        HttpServer hang = fake((ex, cid, block) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // server stopped
            }
        });
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (BlockFetcher f = client(dir.resolve("cache-hang"), Duration.ofMillis(700), url(hang))) {
                    BlockTimeoutException e = assertThrows(BlockTimeoutException.class, () -> f.get(file));
                    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(url(hang)), e.getMessage());
                }
                try (BlockFetcher f = client(dir.resolve("cache-hang2"), Duration.ofMillis(700), url(hang), good)) {
                    assertArrayEquals(data, new UnixfsReader(f).readAll(file));
                }
            });
        } finally {
            hang.stop(0);
        }
    }

    @Test
    void aTruncatedBodyIsAnErrorAndNothingIsStored() throws Exception {
        HttpServer cut = fake((ex, cid, block) -> {
            ex.sendResponseHeaders(200, block.length);
            OutputStream o = ex.getResponseBody();
            o.write(block, 0, block.length / 2);
            o.flush();
            ex.getHttpContext().getServer(); // then the exchange is closed early
            throw new IOException("cut");
        });
        HttpServer shortButComplete = fake((ex, cid, block) -> reply(ex, 200, java.util.Arrays.copyOf(block, block.length / 2)));
        try {
            try (BlockFetcher f = client(dir.resolve("cache-cut"), Duration.ofSeconds(3), url(cut))) {
                IpfsFetchException e = assertThrows(IpfsFetchException.class, () -> f.get(file));
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                assertFalse(f.local().has(file));
            }
            try (BlockFetcher f = client(dir.resolve("cache-short"), Duration.ofSeconds(3), url(shortButComplete))) {
                BlockVerificationException e = assertThrows(BlockVerificationException.class, () -> f.get(file));
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                assertFalse(f.local().has(file));
            }
        } finally {
            cut.stop(0);
            shortButComplete.stop(0);
        }
    }

    @Test
    void aDeadGatewayAndAMissingBlockAreDifferentNamedErrors() throws Exception {
        HttpServer gone = fake((ex, cid, block) -> reply(ex, 200, block));
        String u = url(gone);
        gone.stop(0);
        try (BlockFetcher f = client(dir.resolve("cache-dead"), Duration.ofSeconds(2), u)) {
            IpfsFetchException e = assertThrows(IpfsFetchException.class, () -> f.get(file));
            assertFalse(e instanceof BlockNotFoundException || e instanceof BlockVerificationException, e.toString());
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(u), e.getMessage());
        }
        Cid absent = Cid.of(1, Cid.RAW, frontier.ipfs.cid.HashType.SHA2_256, "not stored anywhere".getBytes());
        try (BlockFetcher f = client(dir.resolve("cache-404"), Duration.ofSeconds(2), good)) {
            BlockNotFoundException e = assertThrows(BlockNotFoundException.class, () -> f.get(absent));
            assertTrue(e.getMessage().contains(absent.toString()) && e.getMessage().contains(good), e.getMessage());
        }
    }

    @Test
    void gatewayListsAreParsedAsIpfsspecReadsThem() {
        assertEquals(List.of("http://a:8080", "https://b"), Gateways.parse(" http://a:8080 , https://b\n"));
        assertEquals(List.of("http://a"), Gateways.fromEnvironment(java.util.Map.of("IPFS_GATEWAY", "http://a"), dir));
        assertEquals(List.of("http://x", "http://y"), Gateways.fromEnvironment(java.util.Map.of("IPFSSPEC_GATEWAYS", "http://x http://y"), dir));
        assertEquals(List.of(), Gateways.fromEnvironment(java.util.Map.of(), dir));
    }
}
