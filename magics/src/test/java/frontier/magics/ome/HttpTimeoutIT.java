package frontier.magics.ome;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that accepts and never answers: the CLI gives up at the deadline it was given and says how to change it. */
class HttpTimeoutIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();

    @Test
    void aStalledServerFailsAtTheTimeoutFromTheFlagOrTheEnvironment() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept()); // accepted, read from never, answered never
                } catch (Exception e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/img.zarr";
            check(Map.of(), "ome_zarr", "info", url, "--timeout", "2");
            check(Map.of("FRONTIER_HTTP_TIMEOUT", "2"), "zarr", "stat", url);
        } finally {
            for (Socket s : held) s.close();
        }
    }

    private static void check(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder b = new ProcessBuilder(LAUNCHER.toString());
        b.command().addAll(List.of(args));
        b.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = b.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        double took = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(0, p.exitValue(), err);
        assertTrue(err.contains("no answer within 2 s") && err.contains("FRONTIER_HTTP_TIMEOUT") && err.contains("/img.zarr"), String.join(" ", args) + ": " + err);
        assertTrue(took < 60, "gave up after " + took + " s, not after 5 x 30 s");
        System.out.printf("%s: failed after %.1f s: %s%n", String.join(" ", args), took, err.strip());
    }
}
