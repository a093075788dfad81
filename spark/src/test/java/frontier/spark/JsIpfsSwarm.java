package frontier.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real js-ipfs daemons (npm ipfs@0.66.1 in peers/, installed by setup.sh --deps-only) online on
 * loopback only (peers/ipfs-daemon.mjs --swarm): an RPC API, a gateway and a libp2p listener on
 * 127.0.0.1 each, no bootstrap or discovery. They stop when the test JVM exits (stdin closes).
 */
record JsIpfsSwarm(String api, String gateway, String id, List<String> swarm) {
    /** Starts n daemons at once (js-ipfs takes ~20 s to start here). */
    static List<JsIpfsSwarm> start(int n) throws Exception {
        Path peers = Path.of("../peers");
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            node = false;
        }
        boolean present = Files.isDirectory(peers.resolve("node_modules/ipfs-core")) && Files.isDirectory(peers.resolve("node_modules/ipfs-http-server"));
        if (!node || !present) {
            System.err.println("SKIPPED: needs node and npm ipfs@0.66.1 (ipfs-core, ipfs-http-server, ipfs-http-gateway) in peers/node_modules (setup.sh --deps-only)");
        }
        Assumptions.assumeTrue(node && present, "needs node and npm ipfs@0.66.1 in peers/node_modules");
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path repo = Files.createTempDirectory("frontier-jsipfs-swarm");
            Process p = new ProcessBuilder("node", "--require", "./polyfill.cjs", "ipfs-daemon.mjs", repo.toString(), "--swarm")
                    .directory(peers.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            procs.add(p);
        }
        List<JsIpfsSwarm> out = new ArrayList<>();
        for (Process p : procs) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new IOException("a js-ipfs daemon exited before it was ready");
            JsonNode j = new ObjectMapper().readTree(line);
            List<String> swarm = new ArrayList<>();
            for (JsonNode a : j.path("swarm")) swarm.add(a.asText());
            out.add(new JsIpfsSwarm(j.get("api").asText(), j.get("gateway").asText(), j.get("id").asText(), swarm));
        }
        return out;
    }
}
