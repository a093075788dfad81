package frontier.magics.ipfs;

import com.sun.net.httpserver.HttpServer;
import frontier.ipfs.HostileDags;
import frontier.ipfs.HostileTars;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.rpc.JsIpfsNode;
import frontier.ipfs.rpc.KuboRpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile IPFS input through the real CLI ({@code bin/frontier ipfs ...} on the packaged jar), as
 * issue 12 found it: DAGs and tars that climb out of {@code -o}, links pointing out, truncated
 * digests vouching for a lying gateway's bytes, verify's exit status, a 20,000-level DAG, a
 * filesize of 2^64-1, names that drive the terminal. The hostile DAGs are made with our own
 * dag-pb/UnixFS writer ({@link HostileDags}); the RPC tars by a loopback server speaking Kubo's
 * {@code /api/v0/get}, and by a real js-ipfs node serving the hostile DAG.
 */
class IpfsHostileInputIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Path work;
    Path repo;
    HostileDags dags;
    final List<HttpServer> servers = new ArrayList<>();

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(dir.resolve("home/work"));
        repo = dir.resolve("repo");
        dags = new HostileDags(new FileBlockStore(repo));
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private Run frontier(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder b = new ProcessBuilder(new ArrayList<>(List.of(LAUNCHER.toString())));
        b.command().addAll(List.of(args));
        b.directory(work.toFile());
        b.environment().put("FRONTIER_IPFS_PATH", repo.toString());
        b.environment().put("IPFS_API", "http://127.0.0.1:9"); // no daemon unless a test names one
        b.environment().remove("IPFS_GATEWAY");
        b.environment().putAll(env);
        Process p = b.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run frontier(String... args) throws Exception {
        return frontier(Map.of(), args);
    }

    /** Every path under the temp dir except the block store (links not followed). */
    private List<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.startsWith(repo)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private void assertNothingEscaped(Run r) throws IOException {
        assertTrue(r.err().startsWith("frontier ipfs: refusing "), r.err());
        assertFailedCleanly(r);
    }

    /** Exit 2 with one line on stderr, and nothing written anywhere. */
    private void assertFailedCleanly(Run r) throws IOException {
        assertEquals(2, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line, no trace: " + r.err());
        assertEquals(List.of("", "home", "home/work"), everything(), "nothing written anywhere: " + r);
    }

    @Test
    void getRefusesTreesThatClimbOutOfTheTarget() throws Exception {
        assertNothingEscaped(frontier("ipfs", "get", "--offline", dags.dotDotTwin().toString(), "-o", "out"));
        assertNothingEscaped(frontier("ipfs", "get", "--offline", dags.chainedTwins().toString(), "-o", "out"));
        Cid reversed = dags.dir("x", dags.dir("PWNED.txt", dags.raw("pwned\n")), "x", dags.symlink(".."));
        assertNothingEscaped(frontier("ipfs", "get", "--offline", reversed.toString(), "-o", "out"));
        Run link = frontier("ipfs", "get", "--offline", dags.dir("ok.txt", dags.raw("ok\n"), "s", dags.symlink("../sibling-secret")).toString(), "-o", "out");
        assertNothingEscaped(link);
        assertTrue(link.err().contains("/s: a symlink to '../sibling-secret': it leads outside the target"), link.err());
        // an honest tree with an inside link still arrives
        Cid fine = dags.dir("a.txt", dags.raw("A\n"), "sub", dags.dir("up", dags.symlink("../a.txt")));
        Run ok = frontier("ipfs", "get", "--offline", fine.toString(), "-o", "out");
        assertEquals(0, ok.status(), ok.toString());
        assertEquals("A\n", Files.readString(work.resolve("out/sub/up")));
    }

    /** A loopback server that answers Kubo's RPC {@code id} and {@code get} (with the given tar), as a hostile daemon would. */
    private String hostileDaemon(byte[] tar) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/api/v0/id", ex -> reply(ex, "application/json", "{\"ID\":\"12D3KooWHostile\",\"AgentVersion\":\"kubo/0.0.0-hostile\",\"Addresses\":[]}".getBytes(StandardCharsets.UTF_8)));
        s.createContext("/api/v0/get", ex -> reply(ex, "application/x-tar", tar));
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    @Test
    void getThroughTheRpcApiRefusesHostileTars() throws Exception {
        String cid = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi";
        List<byte[]> tars = List.of(
                HostileTars.dotDotTwin(cid),
                new HostileTars().dir(cid).symlink(cid + "/x", "..").file(cid + "/x/PWNED.txt", "pwned\n").bytes(),
                new HostileTars().dir(cid).file(cid + "/../PWNED.txt", "pwned\n").bytes(),
                new HostileTars().dir(cid).symlink(cid + "/s", "../sibling-secret").bytes(),
                new HostileTars().dir(cid).hardlink(cid + "/h", "/etc/passwd").bytes());
        for (byte[] tar : tars) {
            Run r = frontier("ipfs", "get", "--api", hostileDaemon(tar), cid, "-o", "out");
            assertNothingEscaped(r);
        }
    }

    /**
     * js-ipfs 0.66 cannot serve the twin DAG as a tar: its exporter writes the link {@code x} as a
     * 2-byte file, then stops the stream (its error goes in a trailer). What we get from a real
     * node is a truncated tar: it must fail cleanly and leave nothing, staging folder included.
     */
    @Test
    void aRealJsIpfsNodeServingTheHostileDagLeavesNothing() throws Exception {
        JsIpfsNode js = JsIpfsNode.get();
        KuboRpcClient rpc = new KuboRpcClient(js.api, Duration.ofSeconds(30));
        FileBlockStore blocks = new FileBlockStore(repo);
        Cid root = dags.dotDotTwin();
        for (Cid c : blocks.list()) { // the hostile DAG's blocks, put into js-ipfs as they are
            rpc.blockPut(blocks.get(c), c.codec() == Cid.RAW ? "raw" : "dag-pb", "sha2-256");
        }
        Run r = frontier("ipfs", "get", "--api", js.api, root.toString(), "-o", "out");
        assertFailedCleanly(r);
        assertTrue(r.err().contains("the tar from " + js.api + " is broken"), r.err());
    }

    /** A gateway that answers every request with the same bytes, counting requests. */
    private String lyingGateway(AtomicInteger hits) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            reply(ex, "application/vnd.ipld.raw", "EVIL BYTES FROM THE GATEWAY".getBytes(StandardCharsets.UTF_8));
        });
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @Test
    void truncatedDigestsVouchForNothing() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        Map<String, String> env = Map.of("IPFS_GATEWAY", lyingGateway(hits));
        for (String cid : List.of("bafkreaa", "bafkreakw")) {
            Run r = frontier(env, "ipfs", "cat", cid);
            assertEquals(2, r.status(), r.toString());
            assertFalse(r.out().contains("EVIL"), r.out());
            assertTrue(r.err().contains("CID " + cid + " cannot be verified: its sha2-256 digest is " + (cid.equals("bafkreaa") ? 0 : 1) + " bytes"), r.err());
        }
        // the same CID as a directory's link
        Cid folder = dags.dir("a.txt", HostileDags.truncated(0), "b.txt", dags.raw("fine\n"));
        Run link = frontier(env, "ipfs", "cat", folder + "/a.txt");
        assertEquals(2, link.status(), link.toString());
        assertTrue(link.err().contains("link 'a.txt' to CID bafkreaa cannot be verified"), link.err());
        assertFalse(link.out().contains("EVIL"));
        assertEquals(0, hits.get(), "nothing was even asked of the gateway");
        // a full-length CID the gateway lies about is caught by its hash, as before
        Cid honest = Cid.of(1, Cid.RAW, frontier.ipfs.cid.HashType.SHA2_256, "the real bytes".getBytes(StandardCharsets.UTF_8));
        Run lie = frontier(env, "ipfs", "cat", honest.toString());
        assertEquals(2, lie.status(), lie.toString());
        assertTrue(lie.err().contains("hash mismatch"), lie.err());
    }

    @Test
    void verifyExitsOneOnADifference() throws Exception {
        Path planets = Files.createDirectories(work.resolve("planets"));
        Files.writeString(planets.resolve("mars.txt"), "Hello Mars!\n");
        Files.writeString(planets.resolve("venus.txt"), "Hello Venus!\n");
        String cid = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi"; // Kubo's t0040 vector
        assertEquals(new Run(0, cid + "\n", ""), frontier("ipfs", "add", "-r", "-Q", "--cid-version=1", "planets"));
        Run same = frontier("ipfs", "verify", "planets", cid, "-r", "--cid-version=1");
        assertEquals(0, same.status(), same.toString());
        assertTrue(same.out().startsWith("OK planets holds exactly " + cid), same.out());
        Files.writeString(planets.resolve("venus.txt"), "Hello Venus?\n");
        Run changed = frontier("ipfs", "verify", "planets", cid, "-r", "--cid-version=1");
        assertEquals(1, changed.status(), changed.toString());
        assertTrue(changed.out().startsWith("DIFFERENT: planets imports as ") && changed.out().contains("  changed     venus.txt\n"), changed.out());
        Run missing = frontier("ipfs", "verify", "nope", cid, "-r");
        assertEquals(2, missing.status(), missing.toString());
    }

    @Test
    void aTwentyThousandLevelDagIsNoStackOverflow() throws Exception {
        Cid deepFile = dags.deepFile(20_000, "deep down\n");
        Run cat = frontier("ipfs", "cat", deepFile.toString());
        assertEquals(new Run(0, "deep down\n\n", ""), cat);
        Cid deepDirs = dags.deepDirs(2_100); // "d/" 2,100 times is past PATH_MAX (data's UnixfsExporterTest nests 20,000 in memory)
        Run get = frontier("ipfs", "get", deepDirs.toString(), "-o", "out");
        assertEquals(2, get.status(), get.toString());
        assertTrue(get.err().contains("PATH_MAX") && get.err().lines().count() == 1, get.err());
        assertFalse(get.err().contains("StackOverflowError"));
        Run ls = frontier("ipfs", "ls", deepDirs.toString());
        assertEquals(0, ls.status(), ls.toString());
        Files.createDirectories(work.resolve("d"));
        Files.writeString(work.resolve("d/leaf.txt"), "elsewhere\n");
        Run verify = frontier("ipfs", "verify", "d", deepDirs.toString(), "-r", "--cid-version=1");
        assertEquals(1, verify.status(), verify.toString());
        assertEquals(List.of("", "home", "home/work", "home/work/d", "home/work/d/leaf.txt"), everything());
    }

    @Test
    void aFilesizeOfTwoToTheSixtyFourIsNoEmptySuccess() throws Exception {
        Cid huge = dags.fileNode(null, -1L, List.of(), new long[0]); // filesize 2^64-1, no data
        Cid folder = dags.dir("huge.bin", huge, "ok.txt", dags.raw("ok\n"));
        for (String[] args : List.of(new String[]{"ipfs", "get", folder.toString(), "-o", "out"}, new String[]{"ipfs", "get", huge.toString(), "-o", "huge.bin"})) {
            Run r = frontier(args);
            assertEquals(2, r.status(), r.toString());
            assertTrue(r.err().contains("filesize 18446744073709551615 is larger than any file can be"), r.err());
            assertEquals(List.of("", "home", "home/work"), everything());
        }
        Run cat = frontier("ipfs", "cat", huge.toString());
        assertEquals(2, cat.status(), cat.toString());
    }

    @Test
    void namesThatDriveTheTerminalAreEscapedByLs() throws Exception {
        Cid folder = dags.dir("\u001b[2J\u001b[31mred.txt", dags.raw("x"), "plain.txt", dags.raw("y"));
        Run ls = frontier("ipfs", "ls", folder.toString());
        assertEquals(0, ls.status(), ls.toString());
        assertFalse(ls.out().contains("\u001b"), ls.out());
        assertTrue(ls.out().contains(" 1 \\x1b[2J\\x1b[31mred.txt\n"), ls.out());
        assertTrue(ls.out().contains(" 1 plain.txt\n"), ls.out());
    }

    @Test
    void everyCommandChoosesItsNodeTheSameWay() throws Exception {
        String api = hostileDaemon(new byte[0]);
        Map<String, String> env = new HashMap<>();
        env.put("IPFS_API", api);
        Run id = frontier(env, "ipfs", "id");
        assertTrue(id.out().endsWith("node: IPFS daemon at " + api + "\n"), id.toString());
        Run offline = frontier(env, "ipfs", "id", "--offline");
        assertTrue(offline.out().endsWith("node: embedded (block store " + repo + ")\n"), offline.toString());
        Run dead = frontier("ipfs", "id", "--api", "/ip4/127.0.0.1/tcp/9");
        assertEquals(2, dead.status(), dead.toString());
        assertTrue(dead.err().contains("no IPFS daemon answers at http://127.0.0.1:9"), dead.err());
    }
}
