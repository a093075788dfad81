package frontier.magics.ipfs;

import frontier.ipfs.rpc.JsIpfsNode;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %ipfs on a real daemon (js-ipfs 0.66 RPC API on loopback): the result says which node answered. */
class IpfsDaemonCommandsTest {
    @TempDir
    static Path dir;
    static JsIpfsNode js;
    static String root;
    final MagicRegistry registry = MagicRegistry.load();

    @BeforeAll
    static void start() throws Exception {
        js = JsIpfsNode.get();
        Path planets = Files.createDirectories(dir.resolve("planets"));
        Files.writeString(planets.resolve("mars.txt"), "Hello Mars!\n");
        Files.writeString(planets.resolve("venus.txt"), "Hello Venus!\n");
        List<KuboRpcClient.Added> added = new KuboRpcClient(js.api, Duration.ofSeconds(30))
                .add(List.of(planets), Map.of("cid-version", "1", "cid-base", "base32"), false);
        root = added.get(added.size() - 1).hash();
    }

    @Test
    void catLsGetIdAndPinThroughTheDaemon() throws Exception {
        RecordingContext ctx = new RecordingContext(dir, false);
        String api = "--api " + js.api;
        assertEquals("Hello Mars!\n", registry.runLine("ipfs", "cat " + api + " " + root + "/mars.txt", ctx).toString());
        String ls = registry.runLine("ipfs", "ls " + api + " " + root, ctx).toString();
        assertTrue(ls.contains(" 12 mars.txt\n") && ls.endsWith("node: IPFS daemon at " + js.api), ls);
        String id = registry.runLine("ipfs", "id " + api, ctx).toString();
        assertTrue(id.startsWith("ID: " + js.id + "\n") && id.endsWith("node: IPFS daemon at " + js.api), id);
        registry.runLine("ipfs", "get " + api + " " + root + " -o copy", ctx);
        assertEquals("Hello Venus!\n", Files.readString(dir.resolve("copy/venus.txt")));
        String pin = registry.runLine("ipfs", "pin add " + api + " " + root, ctx).toString();
        assertTrue(pin.startsWith("pinned " + root), pin);
        assertTrue(registry.runLine("ipfs", "pin ls " + api, ctx).toString().contains(" recursive\n"));
    }
}
