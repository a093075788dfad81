package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.gateway.GatewayServer;
import frontier.ipfs.node.IpfsNode;
import frontier.spark.ipfs.NodeCounts;
import frontier.spark.ipfs.Provider;
import frontier.sample.TamperingGateway;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IPFS node on every executor, on local-cluster[2,1,1024]: arrays added to the kernel's node
 * are read on the executors through ipfs://, blocks travel between nodes as the driver's routing
 * says, a second run fetches nothing, and faulty peers and a dead routing endpoint are survived.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIpfsIT {
    @TempDir
    static Path dir;
    static Path kernelStore;
    static SparkScheduler spark;
    static GatewayServer fallbackGateway;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        kernelStore = dir.resolve("kernel-blocks");
        System.setProperty("frontier.ipfs.path", kernelStore.toString()); // the kernel's embedded node in this JVM
        // a gateway of the kernel's blocks at another address: the "configured gateway" executors fall back to
        fallbackGateway = GatewayServer.start(IpfsNode.create(new frontier.ipfs.blockstore.FileBlockStore(kernelStore),
                new IpfsNode.Options(Duration.ofSeconds(5), 0, 4, false, List.of())).reader(), 0);
        spark = SparkScheduler.start("local-cluster[2,1,1024]", Map.of(
                "ipfs.kernelStore", kernelStore.toString(),
                "ipfs.gateways", fallbackGateway.url(),
                "ipfs.daemon", "off",
                "ipfs.timeout", "5",
                "conf.spark.locality.wait", "30s"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
        if (fallbackGateway != null) fallbackGateway.close();
        System.clearProperty("frontier.ipfs.path");
    }

    static ClusterStatus status() {
        return (ClusterStatus) spark.status();
    }

    static long sum(java.util.function.ToLongFunction<NodeCounts> f) {
        return status().executors().stream().filter(r -> r.counts() != null).mapToLong(r -> f.applyAsLong(r.counts())).sum();
    }

    static void assertSameAsThreads(ChunkedArray a) {
        assertArrayEquals(ArrayCases.bytes(a.compute(new ThreadPoolScheduler(2))), ArrayCases.bytes(a.compute(spark)));
    }

    @Test
    @Order(1)
    void executorsReadWhatTheKernelAddedAndTheSecondRunFetchesNothing() throws Exception {
        String location = IpfsFixture.add(IpfsFixture.planes(1), dir, "planes", kernelStore);
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(location));
        ChunkedArray mip = a.get(1).maxProjection(0);
        assertSameAsThreads(mip);
        ClusterStatus first = status();
        System.out.println("after the first run:\n" + first);
        assertEquals(2, first.executors().size(), first.toString());
        // each executor is a JVM of its own, which Spark's worker started
        assertEquals(2, first.executors().stream().mapToLong(ClusterStatus.Row::pid).distinct().count(), first.toString());
        for (ClusterStatus.Row r : first.executors()) {
            assertTrue(r.pid() != ProcessHandle.current().pid(), r.line());
            String cmd = ProcessHandle.of(r.pid()).flatMap(p -> p.info().commandLine()).orElse("");
            assertTrue(cmd.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend"), "executor " + r.id() + " runs as: " + cmd);
        }
        for (ClusterStatus.Row r : first.executors()) {
            assertTrue(r.counts().holds() > 0 && r.counts().fromPeers() > 0, "both executors fetched blocks from peers: " + r.line());
            assertEquals(0, r.counts().fromGateways(), r.line());
        }
        assertTrue(first.driverLine().matches(".*served [1-9][0-9]* blocks.*"), "the kernel's node served blocks: " + first.driverLine());
        // who fetched what from whom: every block fetched is in a row naming its source
        for (ClusterStatus.Row r : first.executors()) {
            long rows = first.transfers().stream().filter(t -> t.by().equals("executor " + r.id())).mapToLong(ClusterStatus.Transfer::blocks).sum();
            assertEquals(r.counts().fromPeers(), rows, "the transfers of executor " + r.id() + " add up:\n" + first);
        }
        assertTrue(first.transfers().stream().anyMatch(t -> t.from().equals("the kernel") && t.blocks() > 0), first.toString());
        assertTrue(first.lastCompute() != null && first.lastCompute().fetched() > 0, first.toString());
        long fetched = sum(NodeCounts::fetched);

        assertSameAsThreads(mip);
        ClusterStatus second = status();
        System.out.println("after the second run:\n" + second);
        assertEquals(fetched, sum(NodeCounts::fetched), "the second run fetched nothing over the network:\n" + second);
        assertEquals(0, second.lastCompute().fetched(), second.toString());
        assertTrue(second.toString().contains("\nthe last compute() fetched 0 blocks over the network (0 from peers, 0 from gateways)"), second.toString());
        assertTrue(second.transfers().stream().allMatch(t -> t.blocksLastCompute() == 0), second.toString());
        for (String l : second.toString().lines().filter(x -> x.startsWith("executor ")).toList()) {
            assertTrue(l.matches("executor \\S+  127\\.0\\.0\\.1  pid \\d+  embedded node, gateway http://127\\.0\\.0\\.1:\\d+  holds \\d+ blocks, served \\d+, fetched \\d+ from peers and 0 from gateways"), l);
        }
    }

    @Test
    @Order(2)
    void theDriverAnswersDelegatedRoutingV1() throws Exception {
        String location = IpfsFixture.add(IpfsFixture.planes(2), dir, "routed", kernelStore);
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(location));
        assertSameAsThreads(a.sum(1));
        frontier.store.Store st = frontier.store.Stores.open(location);
        Cid chunk = Cid.parse(st.contentId("0.3.0.0"));
        String routing = spark.driverNode().routingUrl();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(routing + "/routing/v1/providers/" + chunk)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        int executors = 0;
        for (var p : json.path("Providers")) {
            assertEquals("peer", p.path("Schema").asText());
            assertTrue(p.path("ID").asText().startsWith("12D3KooW"), p.toString());
            assertEquals("transport-ipfs-gateway-http", p.path("Protocols").get(0).asText(), p.toString());
            String addr = p.path("Addrs").get(0).asText();
            assertTrue(addr.matches("/ip4/127\\.0\\.0\\.1/tcp/\\d+/http"), addr);
            String url = "http://127.0.0.1:" + addr.split("/")[4];
            HttpResponse<byte[]> block = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/" + chunk + "?format=raw")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, block.statusCode(), url);
            assertTrue(chunk.verify(block.body()), "the provider " + url + " serves the block itself");
            if (p.path("FrontierName").asText().startsWith("executor")) executors++;
        }
        assertTrue(executors >= 1, "an executor is listed as holding the chunk: " + r.body());
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(routing + "/routing/v1/providers/"
                + Cid.of(1, Cid.RAW, frontier.ipfs.cid.HashType.SHA2_256, "nobody has this".getBytes(StandardCharsets.UTF_8)))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, none.statusCode());
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(routing + "/routing/v1/providers/not-a-cid")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("not a CID"), bad.body());
    }

    @Test
    @Order(3)
    void aTamperingPeerIsRefusedAndNamedAndTheBlockComesFromAnotherSource() throws Exception {
        // the repo's lying gateway: the kernel's blocks with one bit flipped in each
        String honest = IpfsNode.embedded().startGateway();
        try (TamperingGateway liar = TamperingGateway.start(honest)) {
            spark.addPeer("tampering peer", liar.url());
            assertTrue(status().outsidePeers().stream().anyMatch(p -> p.startsWith("peer tampering peer  gateway " + liar.url())), status().toString());
            long refusedBefore = sum(NodeCounts::refused);
            String location = IpfsFixture.add(IpfsFixture.planes(3), dir, "tampered", kernelStore);
            assertSameAsThreads(ChunkedArray.fromZarr(Zarr.openArray(location)).mean(1));
            ClusterStatus s = status();
            System.out.println("with a tampering peer:\n" + s);
            assertTrue(liar.tamperedResponses() > 0, "executors asked the tampering peer");
            assertTrue(sum(NodeCounts::refused) > refusedBefore, s.toString());
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("refused block") && n.contains("tampering peer")
                    && n.contains(liar.url())), "the refusal names the peer: " + s.notes());
            assertTrue(s.transfers().stream().anyMatch(t -> t.from().equals("tampering peer") && t.refused() > 0 && t.blocks() == 0), s.toString());
        } finally {
            assertTrue(spark.removePeer("tampering peer"));
        }
        assertTrue(status().outsidePeers().isEmpty());
    }

    @Test
    @Order(4)
    void aPeerThatIsDownIsSkipped() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Provider down = new Provider("a peer that is down", frontier.spark.ipfs.PeerId.random(),
                List.of("/ip4/127.0.0.1/tcp/" + closed + "/http"), List.of(Provider.GATEWAY));
        spark.driverNode().index().addProviderOfEverything(down);
        try {
            long fromPeers = sum(NodeCounts::fromPeers);
            String location = IpfsFixture.add(IpfsFixture.planes(4), dir, "down", kernelStore);
            assertSameAsThreads(ChunkedArray.fromZarr(Zarr.openArray(location)).max(1));
            assertTrue(sum(NodeCounts::fromPeers) > fromPeers, "the blocks came from the other peers: " + status());
        } finally {
            spark.driverNode().index().removeProvider(down);
        }
    }

    @Test
    @Order(5)
    void whenTheRoutingEndpointIsDownExecutorsFallBackToTheGateways() throws Exception {
        long fromGateways = sum(NodeCounts::fromGateways);
        spark.driverNode().stopRouting();
        String location = IpfsFixture.add(IpfsFixture.planes(5), dir, "norouting", kernelStore);
        assertSameAsThreads(ChunkedArray.fromZarr(Zarr.openArray(location)).std(1));
        ClusterStatus s = status();
        System.out.println("with the routing endpoint down:\n" + s);
        assertTrue(sum(NodeCounts::fromGateways) > fromGateways, s.toString());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("could not reach the routing endpoint")), s.notes().toString());
    }
}
