package frontier.ipfs.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our importer against a real IPFS node: js-ipfs (npm ipfs@0.66.1 / ipfs-core 0.18.1, installed in
 * peers/ by setup.sh) adds the same generated trees in one Node process (peers/ipfs-add.mjs) and
 * every file and directory CID must agree. Trees: multi-level files (more than 174 chunks, and
 * more than 174*174), many chunk sizes, unicode and hidden names, deep and wide directories
 * (sharded past the threshold), trickle, sha2-512, -w with several paths, and the full
 * OME-Zarr fixture with the tutorial's flags. Skips loudly without node or the npm packages.
 */
class JsIpfsCrossCheckTest {
    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<String, JsonNode> PEER = new LinkedHashMap<>();

    /** One add: our flags and the same flags in js-ipfs's spelling. */
    record Case(String id, Path cwd, List<String> paths, Consumer<ImportOptions> ours, Map<String, Object> js, boolean hidden) {
    }

    static Path peersDir() {
        for (Path p : List.of(Path.of("peers"), Path.of("../peers"))) {
            if (Files.isDirectory(p.resolve("node_modules/ipfs-core"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void random(Path p, long size, long seed) throws IOException {
        Files.createDirectories(p.getParent());
        byte[] b = new byte[(int) size];
        new Random(seed).nextBytes(b);
        Files.write(p, b);
    }

    static void text(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    static void add(String id, Path cwd, List<String> paths, Consumer<ImportOptions> ours, Map<String, Object> js, boolean hidden) {
        CASES.add(new Case(id, cwd, paths, ours, js, hidden));
    }

    @BeforeAll
    static void runPeer() throws Exception {
        Path peers = peersDir();
        boolean node = nodeWorks();
        if (peers == null || !node) {
            System.err.println("SKIPPED JsIpfsCrossCheckTest: needs node and the npm packages in peers/ (ipfs@0.66.1, ipfs-core; run setup.sh --deps-only)");
        }
        Assumptions.assumeTrue(peers != null && node, "needs node and npm ipfs@0.66.1 in peers/node_modules (setup.sh --deps-only)");

        // files
        Path files = Files.createDirectories(dir.resolve("files"));
        random(files.resolve("multi.bin"), 200 * 1024 + 17, 1);          // 201 chunks of 1 KiB: two levels
        random(files.resolve("deep.bin"), 174L * 174 * 16 + 100, 2);      // > 174*174 chunks of 16 bytes: three levels
        random(files.resolve("big.bin"), 3_000_000, 3);
        Files.write(files.resolve("empty.bin"), new byte[0]);
        add("multi-v0", files, List.of("multi.bin"), o -> o.chunker = "size-1024", Map.of("chunker", "size-1024"), false);
        add("multi-v1", files, List.of("multi.bin"), o -> { o.chunker = "size-1024"; o.cidVersion = 1; },
                Map.of("chunker", "size-1024", "cidVersion", 1), false);
        add("multi-trickle", files, List.of("multi.bin"), o -> { o.chunker = "size-1024"; o.trickle = true; },
                Map.of("chunker", "size-1024", "trickle", true), false);
        add("multi-trickle-raw", files, List.of("multi.bin"), o -> { o.chunker = "size-512"; o.trickle = true; o.rawLeaves = true; },
                Map.of("chunker", "size-512", "trickle", true, "rawLeaves", true), false);
        add("deep-v1", files, List.of("deep.bin"), o -> { o.chunker = "size-16"; o.cidVersion = 1; },
                Map.of("chunker", "size-16", "cidVersion", 1), false);
        for (String chunker : List.of("size-1000", "size-4096", "size-65536", "size-262144", "size-1000000")) {
            add("big-" + chunker, files, List.of("big.bin"), o -> o.chunker = chunker, Map.of("chunker", chunker), false);
        }
        add("big-sha512", files, List.of("big.bin"), o -> o.hash = frontier.ipfs.cid.HashType.SHA2_512, Map.of("hashAlg", "sha2-512"), false);
        // not rabin: js-ipfs's rabin chunker cuts elsewhere than Kubo's (its root for "rabin" equals size-262144's)
        add("empty-v0", files, List.of("empty.bin"), o -> { }, Map.of(), false);
        add("empty-v1", files, List.of("empty.bin"), o -> o.cidVersion = 1, Map.of("cidVersion", 1), false);

        // names: unicode, spaces, hidden entries, an empty directory
        Path names = Files.createDirectories(dir.resolve("names"));
        text(names.resolve("tree/données/été.txt"), "été\n");
        text(names.resolve("tree/日本語/ファイル.txt"), "こんにちは\n");
        text(names.resolve("tree/emoji 🙂 name.txt"), "smile\n");
        text(names.resolve("tree/.hidden/inside.txt"), "hidden\n");
        text(names.resolve("tree/.dotfile"), "dot\n");
        text(names.resolve("tree/Zebra"), "Z\n");
        text(names.resolve("tree/apple"), "a\n");
        Files.createDirectories(names.resolve("tree/empty-dir"));
        random(names.resolve("tree/data/blob.bin"), 700_000, 4);
        add("names-hidden", names, List.of("tree"), o -> { o.recursive = true; o.hidden = true; }, Map.of(), true);
        add("names-visible-v1", names, List.of("tree"), o -> { o.recursive = true; o.cidVersion = 1; }, Map.of("cidVersion", 1), false);
        // js-ipfs names wrapped entries by their path from cwd, Kubo by base name: add from inside tree/
        add("names-wrap-two", names.resolve("tree"), List.of("données", "apple"), o -> { o.recursive = true; o.wrap = true; },
                Map.of("wrapWithDirectory", true), false);

        // deep and wide directories
        Path shapes = Files.createDirectories(dir.resolve("shapes"));
        Path d = shapes.resolve("deep");
        for (int i = 0; i < 40; i++) {
            d = d.resolve("level" + i);
            text(d.resolve("f.txt"), "depth " + i + "\n");
        }
        add("deep-dirs", shapes, List.of("deep"), o -> o.recursive = true, Map.of(), false);
        String pad = "x".repeat(70);
        for (int i = 0; i < 3000; i++) {
            text(shapes.resolve("wide/" + pad + "-" + i + ".txt"), i + "\n");
        }
        for (int i = 0; i < 900; i++) {
            text(shapes.resolve("narrow/n" + i), i + "\n");
        }
        // 3000 names of ~80 bytes: (80 + 34) * 3000 bytes > 256 KiB, so Kubo shards; js-ipfs shards past 1000 entries
        add("wide-sharded-v0", shapes, List.of("wide"), o -> o.recursive = true, Map.of("shardSplitThreshold", 1000), false);
        add("wide-sharded-v1", shapes, List.of("wide"), o -> { o.recursive = true; o.cidVersion = 1; },
                Map.of("shardSplitThreshold", 1000, "cidVersion", 1), false);
        add("narrow-plain", shapes, List.of("narrow"), o -> o.recursive = true, Map.of(), false);

        // the tutorial: ipfs add -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w -Q ./images/6001240.zarr
        Path images = Files.createDirectories(dir.resolve("images"));
        Path zarr = images.resolve("6001240.zarr");
        Process py = new ProcessBuilder("/usr/bin/python3", Path.of(peers.getParent().toString(), "tools/make_ome_zarr.py").toString(),
                zarr.toString(), "--size", "full").redirectErrorStream(true).start();
        String pyOut = new String(py.getInputStream().readAllBytes());
        boolean pyOk = py.waitFor(600, TimeUnit.SECONDS) && py.exitValue() == 0;
        if (pyOk) {
            add("tutorial-full-image", images, List.of("6001240.zarr"), o -> {
                o.recursive = true; o.hidden = true; o.chunker = "size-1000000"; o.rawLeaves = true; o.cidVersion = 1; o.wrap = true;
            }, Map.of("chunker", "size-1000000", "rawLeaves", true, "cidVersion", 1, "wrapWithDirectory", true), true);
        } else {
            System.err.println("JsIpfsCrossCheckTest: the full fixture could not be made (needs Debian python3-zarr): " + pyOut);
        }

        ObjectNode spec = JSON.createObjectNode();
        ArrayNode arr = spec.putArray("cases");
        for (Case c : CASES) {
            ObjectNode o = arr.addObject();
            o.put("id", c.id());
            o.put("cwd", c.cwd().toString());
            ArrayNode ps = o.putArray("paths");
            c.paths().forEach(ps::add);
            o.put("hidden", c.hidden());
            o.set("options", JSON.valueToTree(c.js()));
        }
        Path specFile = dir.resolve("cases.json");
        JSON.writeValue(specFile.toFile(), spec);
        Process p = new ProcessBuilder("node", "--require", "./polyfill.cjs", "ipfs-add.mjs", specFile.toString())
                .directory(peers.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(900, TimeUnit.SECONDS), "js-ipfs timed out");
        assertEquals(0, p.exitValue(), "js-ipfs failed: " + out);
        for (JsonNode r : JSON.readTree(out).get("results")) {
            PEER.put(r.get("id").asText(), r);
        }
    }

    private static String emptyDir(ImportOptions o) {
        return o.cidVersion != null && o.cidVersion == 1 ? "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354"
                : "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn";
    }

    @Test
    void everyCaseAgreesWithJsIpfs() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Case c : CASES) {
            JsonNode peer = PEER.get(c.id());
            assertNotNull(peer, c.id());
            if (peer.has("error")) {
                failures.add(c.id() + ": js-ipfs failed: " + peer.get("error").asText().lines().findFirst().orElse(""));
                continue;
            }
            ImportOptions o = new ImportOptions();
            c.ours().accept(o);
            o.onlyHash = true;
            ImportResult ours = new Importer(o, null, c.cwd()).add(c.paths().stream().map(Path::of).toList(), c.cwd(), null);
            Map<String, String> mine = new LinkedHashMap<>();
            ours.entries().forEach(e -> mine.put(e.name(), e.cid().toString()));
            Map<String, String> theirs = new LinkedHashMap<>();
            peer.get("entries").forEach(e -> theirs.put(e.get("path").asText(), e.get("cid").asText()));
            if (!ours.root().toString().equals(peer.get("root").asText())) {
                failures.add(c.id() + ": root ours=" + ours.root() + " js-ipfs=" + peer.get("root").asText());
            }
            // js-ipfs prints no line for an empty directory (it is in the DAG all the same); Kubo does
            for (String k : theirs.keySet()) {
                if (!theirs.get(k).equals(mine.get(k))) {
                    failures.add(c.id() + ": " + k + " ours=" + mine.get(k) + " js-ipfs=" + theirs.get(k));
                    break;
                }
            }
            for (AddedEntry e : ours.entries()) {
                if (!theirs.containsKey(e.name()) && !(e.directory() && e.cid().toString().equals(emptyDir(o)))) {
                    failures.add(c.id() + ": js-ipfs has no entry " + e.name());
                }
            }
            checked++;
            System.err.println("js-ipfs agrees? " + c.id() + " root " + ours.root() + " (" + mine.size() + " entries)");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= 19, "checked " + checked);
    }
}
