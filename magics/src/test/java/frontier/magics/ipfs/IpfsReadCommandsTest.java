package frontier.magics.ipfs;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %ipfs cat / ls / get / pin / verify / gateway on the embedded node, through the registry. */
class IpfsReadCommandsTest {
    static final String PLANETS = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi"; // Kubo's t0040 vector
    @TempDir
    Path dir;
    Path repo;
    private final MagicRegistry registry = MagicRegistry.load();
    RecordingContext ctx;

    @BeforeEach
    void repo() throws Exception {
        repo = dir.resolve("repo");
        System.setProperty("frontier.ipfs.path", repo.toString());
        Files.createDirectories(dir.resolve("mountdir/planets"));
        Files.writeString(dir.resolve("mountdir/planets/mars.txt"), "Hello Mars!\n");
        Files.writeString(dir.resolve("mountdir/planets/venus.txt"), "Hello Venus!\n");
        ctx = new RecordingContext(dir, false);
        registry.runLine("ipfs", "add -r --cid-version=1 mountdir/planets", ctx);
    }

    @AfterEach
    void clear() {
        frontier.ipfs.node.IpfsNode.at(repo).close();
        System.clearProperty("frontier.ipfs.path");
    }

    @Test
    void catReadsFilesByPath() {
        assertEquals("Hello Mars!\n", registry.runLine("ipfs", "cat --offline " + PLANETS + "/mars.txt", ctx).toString());
        assertEquals("Venus", registry.runLine("ipfs", "cat --offline /ipfs/" + PLANETS + "/venus.txt -o 6 -l 5", ctx).toString());
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "cat --offline " + PLANETS + "/pluto.txt", ctx));
        assertTrue(e.getMessage().contains(PLANETS + "/pluto.txt"), e.getMessage());
        MagicException bad = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "cat --offline " + PLANETS + "/../x", ctx));
        assertTrue(bad.getMessage().contains("'..'"), bad.getMessage());
    }

    @Test
    void lsPrintsKubosColumnsAndSaysWhichNode() {
        String out = registry.runLine("ipfs", "ls --offline " + PLANETS, ctx).toString();
        assertEquals("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4 12 mars.txt\n"
                + "bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca 13 venus.txt\n"
                + "node: embedded (block store " + repo + ")", out);
    }

    @Test
    void getWritesTheFolderAndNothingElse() throws Exception {
        Object r = registry.runLine("ipfs", "get --offline " + PLANETS + " -o out/planets", ctx);
        assertTrue(r.toString().startsWith("Saving file(s) to " + dir.resolve("out/planets")), r.toString());
        assertEquals("Hello Mars!\n", Files.readString(dir.resolve("out/planets/mars.txt")));
        assertEquals("Hello Venus!\n", Files.readString(dir.resolve("out/planets/venus.txt")));
        try (var s = Files.list(dir.resolve("out/planets"))) {
            assertEquals(2, s.count(), "no temporary files left");
        }
    }

    @Test
    void getRefusesATreeThatWouldClimbOutAsTheNotebookRunsIt() throws Exception {
        frontier.ipfs.HostileDags dags = new frontier.ipfs.HostileDags(new frontier.ipfs.blockstore.FileBlockStore(repo));
        Files.createDirectories(dir.resolve("nb"));
        RecordingContext nb = new RecordingContext(dir.resolve("nb"), true);
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "get --offline " + dags.dotDotTwin() + " -o out", nb));
        assertTrue(e.getMessage().startsWith("%ipfs: refusing ipfs://") && e.getMessage().contains("/x: the name appears twice"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("PWNED.txt")) || Files.exists(dir.resolve("nb/PWNED.txt")) || Files.exists(dir.resolve("nb/out")));
    }

    @Test
    void verifySaysOkOrListsTheFilesThatDiffer() throws Exception {
        Object ok = registry.runLine("ipfs", "verify mountdir/planets " + PLANETS + " -r --cid-version=1", ctx);
        assertTrue(assertInstanceOf(IpfsVerifyResult.class, ok).ok(), ok.toString());
        assertTrue(ok.toString().startsWith("OK mountdir/planets holds exactly " + PLANETS), ok.toString());

        Files.writeString(dir.resolve("mountdir/planets/venus.txt"), "Hello Venus?\n");
        Files.writeString(dir.resolve("mountdir/planets/pluto.txt"), "hi\n");
        Object bad = registry.runLine("ipfs", "verify mountdir/planets " + PLANETS + " -r --cid-version=1", ctx);
        assertFalse(((IpfsVerifyResult) bad).ok());
        String t = bad.toString();
        assertTrue(t.contains("  only local  pluto.txt\n") && t.contains("  changed     venus.txt\n") && !t.contains("mars.txt"), t);

        Object wrapped = registry.runLine("ipfs", "verify mountdir/planets/mars.txt " + PLANETS + " --cid-version=1", ctx);
        assertTrue(wrapped.toString().contains("wrapping it as 'mars.txt'"), wrapped.toString());
    }

    @Test
    void pinLsListsTheAddedRoot() {
        String out = registry.runLine("ipfs", "pin ls --offline", ctx).toString();
        assertTrue(out.startsWith(PLANETS + " recursive\n"), out);
        String add = registry.runLine("ipfs", "pin add --offline " + PLANETS + "/mars.txt", ctx).toString();
        assertTrue(add.startsWith("pinned bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4 recursively"), add);
    }

    @Test
    void gatewayServesFilesAndRawBlocks() throws Exception {
        String out = registry.runLine("ipfs", "gateway", ctx).toString();
        String url = out.split("\n")[0];
        assertTrue(url.startsWith("http://127.0.0.1:"), out);
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/" + PLANETS + "/mars.txt")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("Hello Mars!\n", r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> listing = c.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/" + PLANETS + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(listing.body().contains(">venus.txt</a>"), listing.body());
        HttpResponse<String> missing = c.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/" + PLANETS + "/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<String> bad = c.send(HttpRequest.newBuilder(URI.create(url + "/ipfs/notacid")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("notacid"), bad.body());
    }

    @Test
    void anApiThatDoesNotAnswerIsNamed() {
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "id --api /ip4/127.0.0.1/tcp/9", ctx));
        assertTrue(e.getMessage().contains("http://127.0.0.1:9"), e.getMessage());
        String id = registry.runLine("ipfs", "id --offline", ctx).toString();
        assertTrue(id.endsWith("node: embedded (block store " + repo + ")"), id);
    }

    @Test
    void subcommandsAreRegistered() {
        String usage = assertThrows(MagicException.class, () -> registry.runLine("ipfs", "", ctx)).getMessage();
        for (String s : List.of("cat", "ls", "get", "id", "pin", "verify", "gateway")) assertTrue(usage.contains(s), usage);
    }
}
