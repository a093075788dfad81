package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.zarr.Zarr;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executors whose hosts run a daemon use it: two js-ipfs daemons on loopback, one per executor of
 * local-cluster[2,1,1024]. The image is only in daemon A; the driver has the executors connect
 * their daemons (swarm/connect), and daemon B gets the blocks from A over that connection.
 */
class DaemonSwarmIT {
    @TempDir
    static Path dir;
    static List<JsIpfsSwarm> daemons;
    static SparkScheduler spark;

    @BeforeAll
    static void start() throws Exception {
        daemons = JsIpfsSwarm.start(2);
        JsIpfsSwarm a = daemons.get(0);
        // the image goes to daemon A only (the tutorial's flags)
        Path zarr = dir.resolve("swarm.zarr");
        Files.createDirectories(zarr);
        frontier.zarr.Zarr.write(ChunkedArray.fromArray(IpfsFixture.planes(21), 1, 1, 64, 60), new frontier.store.FileStore(zarr), "", new ThreadPoolScheduler(2));
        List<KuboRpcClient.Added> added;
        try (KuboRpcClient rpc = new KuboRpcClient(a.api(), Duration.ofSeconds(60))) {
            added = rpc.add(List.of(zarr), Map.of("cid-version", "1", "raw-leaves", "true", "wrap-with-directory", "true",
                    "chunker", "size-1000000"), true);
        }
        String root = added.get(added.size() - 1).hash();
        location = "ipfs://" + root + "/swarm.zarr";
        // the driver reads metadata through daemon A; its own store is empty
        System.setProperty("frontier.ipfs.api", a.api());
        System.setProperty("frontier.ipfs.path", dir.resolve("kernel-blocks").toString());
        spark = SparkScheduler.start("local-cluster[2,1,1024]", Map.of(
                "ipfs.kernelStore", dir.resolve("kernel-blocks").toString(),
                "ipfs.daemon", daemons.get(0).api() + "," + daemons.get(1).api(),
                "ipfs.gateways", ""));
    }

    static String location;

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
        System.clearProperty("frontier.ipfs.api");
        System.clearProperty("frontier.ipfs.path");
    }

    static boolean connected(KuboRpcClient rpc, JsIpfsSwarm to) throws Exception {
        return rpc.swarmPeers().stream().anyMatch(p -> p.contains("/p2p/" + to.id()));
    }

    static Set<String> localRefs(JsIpfsSwarm d) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(d.api() + "/api/v0/refs/local"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Set<String> out = new HashSet<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank()) continue;
            out.add(frontier.ipfs.cid.Cid.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("Ref").asText()).toV1().toString());
        }
        return out;
    }

    @Test
    void executorsUseTheirDaemonsWhichExchangeBlocksOverTheirOwnConnection() throws Exception {
        String status = spark.status().toString();
        System.out.println(status);
        List<String> lines = status.lines().filter(l -> l.startsWith("executor ")).toList();
        assertEquals(2, lines.size(), status);
        for (String l : lines) assertTrue(l.contains("daemon node (API http://127.0.0.1:"), l);
        assertNotEquals(lines.get(0).replaceAll(".*API ([^)]*).*", "$1"), lines.get(1).replaceAll(".*API ([^)]*).*", "$1"),
                "each executor has a daemon of its own");

        JsIpfsSwarm a = daemons.get(0), b = daemons.get(1);
        try (KuboRpcClient rpcA = new KuboRpcClient(a.api(), Duration.ofSeconds(10)); KuboRpcClient rpcB = new KuboRpcClient(b.api(), Duration.ofSeconds(10))) {
            // each executor connects its daemon right after it said hello to the driver
            for (int i = 0; i < 300 && !(connected(rpcB, a) && connected(rpcA, b)); i++) Thread.sleep(100);
            assertTrue(connected(rpcB, a), "B is connected to A: " + rpcB.swarmPeers());
            assertTrue(connected(rpcA, b), "A is connected to B: " + rpcA.swarmPeers());
        }
        Set<String> onlyA = new HashSet<>(localRefs(a));
        onlyA.removeAll(localRefs(b));
        assertTrue(onlyA.size() > 40, "daemon B starts without the image: " + onlyA.size());

        ChunkedArray arr = ChunkedArray.fromZarr(Zarr.openArray(location));
        List<ChunkedArray> xs = List.of(arr.maxProjection(1), arr.mean(0));
        List<byte[]> onSpark = new java.util.ArrayList<>();
        for (ChunkedArray x : xs) onSpark.add(ArrayCases.bytes(x.compute(spark))); // before the kernel reads (and keeps) any chunk
        Set<String> gotByB = new HashSet<>(onlyA);
        gotByB.retainAll(localRefs(b));
        System.out.println(spark.status());
        assertTrue(gotByB.size() >= 8, "daemon B got blocks from daemon A, which alone had them: " + gotByB.size());
        for (int i = 0; i < xs.size(); i++) assertArrayEquals(ArrayCases.bytes(xs.get(i).compute(new ThreadPoolScheduler(2))), onSpark.get(i));
    }
}
