package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone master and two workers started with the repo's script (bin/spark-cluster) on
 * 127.0.0.1 run Frontier's graphs, executors read ipfs:// through their nodes, and nothing the
 * cluster opens listens beyond loopback.
 */
class StandaloneClusterIT {
    @TempDir
    static Path dir;
    static Path repo = Path.of("..").toAbsolutePath().normalize();
    static String master;
    static int masterPort;
    static SparkScheduler spark;

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "still running: " + cmd);
        assertEquals(0, p.exitValue(), cmd + ":\n" + out);
        return out.strip();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        masterPort = freePort();
        String out = run(List.of("bin/spark-cluster", "start", "2", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(freePort()), "--dir", dir.resolve("cluster").toString()));
        master = out.lines().reduce((a, b) -> b).orElse("");
        assertEquals("spark://127.0.0.1:" + masterPort, master, out);
        System.setProperty("frontier.ipfs.path", dir.resolve("kernel-blocks").toString());
        spark = SparkScheduler.start(master, Map.of("ipfs.kernelStore", dir.resolve("kernel-blocks").toString(), "ipfs.daemon", "off",
                "executors", "2", "timeout", "180")); // executors start slowly on a busy 2-core machine
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (spark != null) spark.close();
        } finally {
            System.clearProperty("frontier.ipfs.path");
            run(List.of("bin/spark-cluster", "stop", "--dir", dir.resolve("cluster").toString()));
        }
    }

    @Test
    void theScriptsWorkersRunGraphsAndReadIpfsThroughTheirNodes() throws Exception {
        assertEquals(2, spark.executorCount());
        String location = IpfsFixture.add(IpfsFixture.planes(7), dir, "standalone", dir.resolve("kernel-blocks"));
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.openArray(location));
        for (ChunkedArray x : List.of(a.get(0).maxProjection(0), a.mean(), a.sub(a.mean()).std(1))) {
            assertArrayEquals(ArrayCases.bytes(x.compute(new ThreadPoolScheduler(2))), ArrayCases.bytes(x.compute(spark)));
        }
        String status = spark.status().toString();
        System.out.println(status);
        assertEquals(2, status.lines().filter(l -> l.startsWith("executor ")).count(), status);
        assertTrue(status.lines().filter(l -> l.startsWith("executor ")).allMatch(l -> l.contains("embedded node")), status);
    }

    @Test
    void theMasterListensOnLoopbackOnly() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) others.add(a);
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), masterPort), 3000);
        }
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, masterPort), 3000);
                assertFalse(true, "the master answers on " + a + ":" + masterPort);
            } catch (IOException expected) {
                // refused: nothing listens there
            }
        }
    }
}
