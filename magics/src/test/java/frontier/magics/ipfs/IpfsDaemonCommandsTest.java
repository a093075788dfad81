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

    @Test
    void addAndVerifyThroughTheDaemonGiveKubosCids() {
        RecordingContext ctx = new RecordingContext(dir, false);
        String api = "--api " + js.api;
        IpfsAddResult added = (IpfsAddResult) registry.runLine("ipfs", "add -r --cid-version=1 " + api + " planets", ctx);
        // Kubo's t0040 vector, computed by js-ipfs, printed in Kubo's form
        assertEquals("added bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4 planets/mars.txt\n"
                + "added bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca planets/venus.txt\n"
                + "added bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi planets", added.toString());
        assertEquals("IPFS daemon at " + js.api, added.node());
        IpfsVerifyResult ok = (IpfsVerifyResult) registry.runLine("ipfs", "verify planets bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi -r --cid-version=1 " + api, ctx);
        assertTrue(ok.ok(), ok.toString());
        assertTrue(ok.toString().endsWith("node: IPFS daemon at " + js.api), ok.toString());
        IpfsVerifyResult bad = (IpfsVerifyResult) registry.runLine("ipfs", "verify planets " + root + " -r --cid-version=0 " + api, ctx);
        assertEquals(1, bad.exitStatus(), bad.toString());
    }
}
