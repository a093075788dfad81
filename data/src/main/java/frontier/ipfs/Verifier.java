package frontier.ipfs;

import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.resolve.DagDiff;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link Ipfs#verify} for any node: the local copy is imported here (file data hashed, not
 * stored; directory and file nodes kept in memory to walk), the expected DAG is read through the
 * node's reader, and the two are compared.
 */
final class Verifier {
    private Verifier() {
    }

    static VerifyResult verify(UnixfsReader remote, Path local, String path, AddOptions options, ProgressSink progress) throws IOException {
        Path abs = local.toAbsolutePath().normalize();
        IpfsPath expectedPath = IpfsPath.parse(path);
        ImportOptions o = options.toImportOptions();
        o.onlyHash = false;
        o.pin = false;
        MemoryBlockStore nodes = new MemoryBlockStore();
        Path cwd = abs.getParent() == null ? abs : abs.getParent();
        ImportResult r = new Importer(o, (cid, block) -> {
            if (cid.codec() == Cid.DAG_PB) nodes.put(cid, block);
        }, cwd).add(List.of(abs), cwd, progress);
        Cid got = r.root();
        Cid expected = remote.resolve(expectedPath);
        if (got.equals(expected)) return new VerifyResult(local, got, expected, null, List.of());
        UnixfsReader mine = new UnixfsReader(BlockFetcher.localOnly(nodes));
        String hint = wrapHint(mine, got, remote, expected);
        List<DagDiff.Change> changes = DagDiff.diff(mine, got, remote, expected, VerifyResult.MAX_DIFFERENCES);
        return new VerifyResult(local, got, expected, hint, changes);
    }

    /** When one side is the other wrapped in a directory (-w given on one side only), says so. */
    private static String wrapHint(UnixfsReader mine, Cid got, UnixfsReader remote, Cid expected) {
        try {
            if (expected.codec() == Cid.DAG_PB && remote.node(expected).isDirectory()) {
                for (DirEntry e : remote.list(expected)) {
                    if (e.cid().equals(got)) return "the CID is a directory wrapping it as '" + frontier.text.TerminalText.escape(e.name()) + "': add -w to compare";
                }
            }
            if (got.codec() == Cid.DAG_PB && mine.node(got).isDirectory()) {
                for (DirEntry e : mine.list(got)) {
                    if (e.cid().equals(expected)) return "it matches without the wrapping directory: drop -w to compare";
                }
            }
        } catch (IOException ignored) {
            // no hint
        }
        return null;
    }
}
