package frontier.ipfs;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.importer.Importer;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Test data for the IPFS reader: zarr-python fixtures (tools/make_ome_zarr.py) and importer runs with the tutorial's flags. */
public final class IpfsTestData {
    public static final String PYTHON = "/usr/bin/python3";

    private IpfsTestData() {
    }

    /** The tutorial's flags: -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w. */
    public static ImportOptions tutorialFlags() {
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.hidden = true;
        o.chunker = "size-1000000";
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        return o;
    }

    /** Adds paths into the block store at repo with the options; returns the root CID. */
    public static Cid add(Path repo, ImportOptions o, Path... paths) {
        FileBlockStore store = new FileBlockStore(repo);
        Path cwd = paths[0].toAbsolutePath().getParent();
        ImportResult r = new Importer(o, store::putHashed, cwd).add(List.of(paths), cwd, ProgressSink.NONE);
        return r.root();
    }

    /** Writes the OME-Zarr fixture DIR/6001240.zarr with zarr-python; skips loudly without python3-zarr. */
    public static Path makeZarr(Path dir, String size) throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON));
        if (ok) {
            Process pr = new ProcessBuilder(PYTHON, "-c", "import zarr, numpy, numcodecs").redirectErrorStream(true).start();
            ok = pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0;
        }
        if (!ok) System.err.println("SKIPPED: /usr/bin/python3 with zarr (Debian python3-zarr python3-numcodecs) is not available");
        Assumptions.assumeTrue(ok, "needs /usr/bin/python3 with Debian python3-zarr python3-numcodecs");
        Path out = dir.resolve("6001240.zarr");
        Process pr = new ProcessBuilder(PYTHON, script().toString(), out.toString(), "--size", size).redirectErrorStream(true).start();
        String text = new String(pr.getInputStream().readAllBytes());
        if (!pr.waitFor(300, TimeUnit.SECONDS) || pr.exitValue() != 0) throw new IOException("make_ome_zarr.py failed: " + text);
        return out;
    }

    static Path script() {
        for (Path p : List.of(Path.of("tools/make_ome_zarr.py"), Path.of("../tools/make_ome_zarr.py"))) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
        }
        throw new IllegalStateException("tools/make_ome_zarr.py not found from " + Path.of("").toAbsolutePath());
    }

    /** Every regular file under root: relative path -> bytes' sha256. */
    public static TreeMap<String, String> tree(Path root) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        return m;
    }

    public static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
