package frontier.ipfs.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real js-ipfs node (npm ipfs@0.66.1 / ipfs-core 0.18.1 in peers/, installed by setup.sh
 * --deps-only) serving the Kubo-compatible RPC API and its path gateway on loopback, started once
 * per test JVM by peers/ipfs-daemon.mjs; it stops when the JVM exits (its stdin closes).
 */
public final class JsIpfsNode {
    private static JsIpfsNode shared;
    public final String api;
    public final String gateway;
    public final String id;

    private JsIpfsNode(String api, String gateway, String id) {
        this.api = api;
        this.gateway = gateway;
        this.id = id;
    }

    /** The js-ipfs daemon for this test JVM, started once (shared by the data and magics tests through data's test jar). */
    public static synchronized JsIpfsNode get() throws IOException, InterruptedException {
        if (shared != null) return shared;
        Path peers = null;
        for (Path p : List.of(Path.of("peers"), Path.of("../peers"))) {
            if (Files.isDirectory(p.resolve("node_modules/ipfs-core")) && Files.isDirectory(p.resolve("node_modules/ipfs-http-server"))) peers = p;
        }
        boolean node = false;
        try {
            node = new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            node = false;
        }
        if (peers == null || !node) {
            System.err.println("SKIPPED: needs node and npm ipfs@0.66.1 (ipfs-core, ipfs-http-server, ipfs-http-gateway) in peers/node_modules (setup.sh --deps-only)");
        }
        Assumptions.assumeTrue(peers != null && node, "needs node and npm ipfs@0.66.1 in peers/node_modules");
        Path repo = Files.createTempDirectory("frontier-jsipfs-rpc");
        Process p = new ProcessBuilder("node", "--require", "./polyfill.cjs", "ipfs-daemon.mjs", repo.toString())
                .directory(peers.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine(); // js-ipfs takes ~20 s to start on this machine
        if (line == null) throw new IOException("js-ipfs daemon exited before it was ready");
        JsonNode j = new ObjectMapper().readTree(line);
        shared = new JsIpfsNode(j.get("api").asText(), j.get("gateway").asText(), j.get("id").asText());
        return shared;
    }
}
