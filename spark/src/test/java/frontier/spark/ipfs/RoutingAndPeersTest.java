package frontier.spark.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.gateway.GatewayServer;
import frontier.ipfs.node.IpfsNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's Delegated Routing V1 endpoint and the executors' peer source, on loopback with real
 * HTTP servers and gateways: records as the spec writes them, blocks verified, liars refused and
 * named, dead peers and a dead endpoint passed over.
 */
class RoutingAndPeersTest {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    ProviderIndex index;
    RoutingServer routing;
    GatewayServer goodGateway;
    Provider good;
    Cid cid;
    byte[] block;

    @BeforeEach
    void start() throws Exception {
        block = "a block that executor 1 holds".getBytes(StandardCharsets.UTF_8);
        cid = Cid.of(1, Cid.RAW, HashType.SHA2_256, block);
        MemoryBlockStore store = new MemoryBlockStore();
        store.put(cid, block);
        goodGateway = GatewayServer.start(IpfsNode.create(store, new IpfsNode.Options(Duration.ofSeconds(2), 0, 2, false, List.of())).reader(), 0);
        index = new ProviderIndex();
        good = new Provider("executor 1", PeerId.random(), List.of(Multiaddrs.ofUrl(goodGateway.url())), List.of(Provider.GATEWAY));
        index.hello(new Messages.Hello("1", "127.0.0.1", 4242, "embedded", good, dir.toString(), null, List.of()));
        index.report(new Messages.Report("1", NodeCounts.NONE, List.of(cid.toString()), Map.of("ipfs://x/a.zarr|0.0", cid.toString())));
        routing = new RoutingServer(index, InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        routing.close();
        goodGateway.close();
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(routing.url() + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void providersAsTheSpecWritesThem() throws Exception {
        HttpResponse<String> r = get("/routing/v1/providers/" + cid, null);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode p = new ObjectMapper().readTree(r.body()).path("Providers").get(0);
        assertEquals("peer", p.path("Schema").asText());
        assertEquals(good.id(), p.path("ID").asText());
        assertEquals(Multiaddrs.ofUrl(goodGateway.url()), p.path("Addrs").get(0).asText());
        assertEquals("transport-ipfs-gateway-http", p.path("Protocols").get(0).asText());

        HttpResponse<String> nd = get("/routing/v1/providers/" + cid, "application/x-ndjson");
        assertEquals("application/x-ndjson", nd.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, nd.body().lines().count());
        assertEquals(good.id(), new ObjectMapper().readTree(nd.body().lines().findFirst().orElseThrow()).path("ID").asText());

        assertEquals(404, get("/routing/v1/providers/" + cid + "?filter-protocols=transport-bitswap", null).statusCode());
        assertEquals(200, get("/routing/v1/providers/" + cid + "?filter-protocols=transport-bitswap,transport-ipfs-gateway-http", null).statusCode());
        Cid other = Cid.of(1, Cid.RAW, HashType.SHA2_256, "nobody".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, get("/routing/v1/providers/" + other, null).statusCode());
        HttpResponse<String> bad = get("/routing/v1/providers/bafyNOTACID", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("not a CID"), bad.body());
        assertEquals(501, get("/routing/v1/peers/" + good.id(), null).statusCode());
        assertEquals(400, get("/elsewhere", null).statusCode());
        assertEquals(List.of("1"), index.holdersOf(List.of("ipfs://x/a.zarr|0.0")));
    }

    @Test
    void theKernelsStoreIsAskedDirectly() throws Exception {
        FileBlockStore kernelStore = new FileBlockStore(dir.resolve("kernel"));
        byte[] k = "added in the notebook".getBytes(StandardCharsets.UTF_8);
        Cid kc = Cid.of(1, Cid.RAW, HashType.SHA2_256, k);
        kernelStore.put(kc, k);
        Provider kernel = new Provider("the kernel", PeerId.random(), List.of("/ip4/127.0.0.1/tcp/1/http"), List.of(Provider.GATEWAY));
        index.setKernel(kernel, kernelStore);
        assertEquals(List.of(kernel), index.providers(kc));
        assertEquals(List.of(good), index.providers(cid));
    }

    PeerSource peers(String routingUrl) {
        return new PeerSource(new RoutingClient(routingUrl, Duration.ofSeconds(2)), "self", Duration.ofSeconds(2), null);
    }

    @Test
    void aBatchLooksUpItsFirstBlockAndAsksThatProviderForTheNextOnes() throws Exception {
        byte[] first = "held by executor 3".getBytes(StandardCharsets.UTF_8);
        Cid firstCid = Cid.of(1, Cid.RAW, HashType.SHA2_256, first);
        Cid second = Cid.of(1, Cid.RAW, HashType.SHA2_256, "also held by executor 1".getBytes(StandardCharsets.UTF_8));
        byte[] third = "held by executor 2 only".getBytes(StandardCharsets.UTF_8);
        Cid thirdCid = Cid.of(1, Cid.RAW, HashType.SHA2_256, third);
        MemoryBlockStore one = new MemoryBlockStore();
        one.put(firstCid, first);
        one.put(second, "also held by executor 1".getBytes(StandardCharsets.UTF_8));
        MemoryBlockStore two = new MemoryBlockStore();
        two.put(thirdCid, third);
        try (GatewayServer g1 = GatewayServer.start(IpfsNode.create(one, new IpfsNode.Options(Duration.ofSeconds(2), 0, 2, false, List.of())).reader(), 0);
             GatewayServer g2 = GatewayServer.start(IpfsNode.create(two, new IpfsNode.Options(Duration.ofSeconds(2), 0, 2, false, List.of())).reader(), 0)) {
            Provider p1 = new Provider("executor 3", PeerId.random(), List.of(Multiaddrs.ofUrl(g1.url())), List.of(Provider.GATEWAY));
            Provider p2 = new Provider("executor 4", PeerId.random(), List.of(Multiaddrs.ofUrl(g2.url())), List.of(Provider.GATEWAY));
            index.hello(new Messages.Hello("3", "127.0.0.1", 4243, "embedded", p1, dir.toString(), null, List.of()));
            index.hello(new Messages.Hello("4", "127.0.0.1", 4244, "embedded", p2, dir.toString(), null, List.of()));
            index.report(new Messages.Report("3", NodeCounts.NONE, List.of(firstCid.toString(), second.toString()), Map.of()));
            index.report(new Messages.Report("4", NodeCounts.NONE, List.of(thirdCid.toString()), Map.of()));
            PeerSource p = peers(routing.url());
            p.newSession();
            assertArrayEquals(first, p.fetch(firstCid));
            assertEquals(1, routing.lookups());
            assertArrayEquals("also held by executor 1".getBytes(StandardCharsets.UTF_8), p.fetch(second));
            assertEquals(1, routing.lookups(), "the provider of the batch's first block is asked for the second without a lookup");
            assertArrayEquals(third, p.fetch(thirdCid));
            assertEquals(2, routing.lookups(), "a block that provider does not have is looked up");
            assertEquals(Map.of("executor 3", 2L, "executor 4", 1L), p.ledger.fetchedFrom());
            p.newSession();
            assertArrayEquals(first, p.fetch(firstCid));
            assertEquals(3, routing.lookups(), "the next batch looks its blocks up afresh");
        }
    }

    @Test
    void aBlockFromAPeerIsVerifiedAndALiarIsRefusedAndNamed() throws Exception {
        HttpServer liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        liar.createContext("/", ex -> {
            byte[] wrong = "other bytes".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, wrong.length);
            ex.getResponseBody().write(wrong);
            ex.close();
        });
        liar.start();
        try {
            Provider bad = new Provider("executor 7", PeerId.random(), List.of("/ip4/127.0.0.1/tcp/" + liar.getAddress().getPort() + "/http"), List.of(Provider.GATEWAY));
            index.addProviderOfEverything(bad);
            PeerSource p = peers(routing.url());
            assertArrayEquals(block, p.fetch(cid), "the block comes from the honest peer");
            assertEquals(1, p.refused.get());
            assertEquals(1, p.fetched.get());
            String why = p.lastRefusal.get();
            assertTrue(why.contains("executor 7") && why.contains(bad.id()) && why.contains("http://127.0.0.1:" + liar.getAddress().getPort())
                    && why.contains(cid.toString()), why);
        } finally {
            liar.stop(0);
        }
    }

    @Test
    void aPeerThatIsDownIsPassedOver() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        index.addProviderOfEverything(new Provider("executor 9", PeerId.random(), List.of("/ip4/127.0.0.1/tcp/" + closed + "/http"), List.of(Provider.GATEWAY)));
        assertArrayEquals(block, peers(routing.url()).fetch(cid));
    }

    @Test
    void whenRoutingIsDownThePeerSourceHasNothingAndSaysSo() throws Exception {
        String url = routing.url();
        routing.close();
        PeerSource p = peers(url);
        assertNull(p.fetch(cid));
        assertEquals(1, p.routingFailures.get());
        assertNull(p.fetch(cid), "then it waits before asking again");
        assertEquals(1, p.routingFailures.get());
    }
}
