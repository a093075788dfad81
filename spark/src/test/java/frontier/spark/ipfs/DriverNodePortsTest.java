package frontier.spark.ipfs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's ports a firewall must open on a real cluster: fixed when the user sets them, any free
 * one otherwise, and a setting that is not a port refused by name.
 */
class DriverNodePortsTest {
    @TempDir
    Path store;

    @Test
    void fixedPortsAreTheOnesServed() throws Exception {
        int routing = freePort(), gateway = freePort();
        try (DriverNode n = new DriverNode("127.0.0.1", Map.of("ipfs.kernelStore", store.toString(),
                "ipfs.routing.port", Integer.toString(routing), "ipfs.gateway.port", Integer.toString(gateway),
                "ipfs.executor.gateway.port", "7200"))) {
            assertEquals(routing, URI.create(n.routingUrl()).getPort());
            assertEquals(gateway, URI.create(n.kernelGatewayUrl()).getPort());
            assertEquals("127.0.0.1", URI.create(n.routingUrl()).getHost());
            assertEquals("7200", n.executorConf().get("gateway.port"));
        }
    }

    @Test
    void byDefaultAnyFreePort() throws Exception {
        try (DriverNode n = new DriverNode("127.0.0.1", Map.of("ipfs.kernelStore", store.toString()))) {
            assertTrue(URI.create(n.routingUrl()).getPort() > 0);
            assertEquals("0", n.executorConf().get("gateway.port"));
        }
    }

    @Test
    void aSettingThatIsNoPortIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> DriverNode.port(Map.of("ipfs.routing.port", "71o0"), "ipfs.routing.port"));
        assertEquals("ipfs.routing.port must be a port number, not '71o0'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DriverNode.port(Map.of("ipfs.gateway.port", "70000"), "ipfs.gateway.port"));
        assertEquals("ipfs.gateway.port must be a port number (0-65535), not 70000", e.getMessage());
    }

    @Test
    void aTakenPortIsAnErrorAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> conf = Map.of("ipfs.kernelStore", store.toString(), "ipfs.routing.port", Integer.toString(taken.getLocalPort()));
            assertThrows(IOException.class, () -> new DriverNode("127.0.0.1", conf).close());
        }
        int routing = freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> conf = Map.of("ipfs.kernelStore", store.toString(), "ipfs.routing.port", Integer.toString(routing),
                    "ipfs.gateway.port", Integer.toString(taken.getLocalPort()));
            assertThrows(IOException.class, () -> new DriverNode("127.0.0.1", conf).close());
        }
        // the routing endpoint it had opened is closed again: its port is free
        try (ServerSocket again = new ServerSocket(routing, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(routing, again.getLocalPort());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
