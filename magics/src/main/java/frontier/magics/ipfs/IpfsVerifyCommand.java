package frontier.magics.ipfs;

import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.importer.ImportException;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.DagDiff;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.progress.ProgressSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ipfs verify PATH CID [add flags]}: does this local folder hold exactly that CID? Re-imports
 * PATH with the given {@code add} flags (the ones used to make the CID, e.g. the tutorial's
 * {@code -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w}) without storing file data,
 * then compares the roots and, when they differ, walks both DAGs to list the files that differ.
 */
@Command(name = "verify", description = {"Check that a local file or folder holds exactly a CID; list the files that differ.",
        "Usage: verify PATH CID [the add flags used to make CID]"})
public final class IpfsVerifyCommand implements Magic {
    /** add's flags and its positional paths (here: PATH and CID). */
    @Mixin
    IpfsAddCommand add = new IpfsAddCommand();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        if (add.paths.size() != 2) throw new MagicException("usage: %ipfs verify PATH CID [add flags], e.g. verify ./images/6001240.zarr bafy... -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w");
        Path cwd = context == null ? Path.of("").toAbsolutePath() : context.cwd();
        Path local = cwd.resolve(add.paths.get(0));
        IpfsPath expectedPath = IpfsCommands.parse(add.paths.get(1));
        ImportOptions o = add.options();
        o.onlyHash = false;
        o.pin = false;
        // keep dag-pb nodes (directories, file roots) to walk the local DAG; raw leaves are only hashed
        MemoryBlockStore nodes = new MemoryBlockStore();
        ImportResult r;
        try {
            r = new Importer(o, (cid, block) -> {
                if (cid.codec() == Cid.DAG_PB) nodes.put(cid, block);
            }, cwd).add(List.of(local), cwd, context == null ? ProgressSink.NONE : context.progress());
        } catch (ImportException | IllegalArgumentException e) {
            throw new MagicException(e.getMessage(), e);
        }
        Cid got = r.root();
        IpfsNode node = IpfsNode.embedded();
        String nodeLine = "node: embedded (block store " + node.root() + "; daemon and gateways as fallbacks)";
        StringBuilder t = new StringBuilder();
        boolean ok;
        try {
            UnixfsReader remote = node.reader();
            Cid expected = remote.resolve(expectedPath);
            ok = got.equals(expected);
            if (ok) {
                t.append("OK ").append(add.paths.get(0)).append(" holds exactly ").append(expectedPath.toPathString().substring(6)).append('\n');
            } else {
                t.append("DIFFERENT: ").append(add.paths.get(0)).append(" imports as ").append(r.format(got)).append(", not ").append(expected).append('\n');
                UnixfsReader mine = new UnixfsReader(BlockFetcher.localOnly(nodes));
                String hint = wrapHint(mine, got, remote, expected);
                if (hint != null) t.append(hint).append('\n');
                List<DagDiff.Change> changes = DagDiff.diff(mine, got, remote, expected, 200);
                for (DagDiff.Change c : changes) t.append("  ").append(c).append('\n');
                if (changes.size() >= 200) t.append("  ... (first 200 differences)\n");
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        t.append(nodeLine);
        String text = t.toString();
        String color = ok ? "#1a7f37" : "#cf222e";
        String html = "<pre style=\"margin:0;border-left:4px solid " + color + ";padding-left:6px\">" + frontier.display.Html.escape(text) + "</pre>";
        return new VerifyResult(text, html, ok);
    }

    /** When one side is the other wrapped in a directory (-w given on one side only), say so. */
    private static String wrapHint(UnixfsReader mine, Cid got, UnixfsReader remote, Cid expected) {
        try {
            if (expected.codec() == Cid.DAG_PB && remote.node(expected).isDirectory()) {
                for (DirEntry e : remote.list(expected)) {
                    if (e.cid().equals(got)) return "note: the CID is a directory wrapping it as '" + e.name() + "': add -w to compare";
                }
            }
            if (got.codec() == Cid.DAG_PB && mine.node(got).isDirectory()) {
                for (DirEntry e : mine.list(got)) {
                    if (e.cid().equals(expected)) return "note: it matches without the wrapping directory: drop -w to compare";
                }
            }
        } catch (IOException ignored) {
            // no hint
        }
        return null;
    }

    /** The verdict, with the text; {@link #ok()} for code. */
    public static final class VerifyResult implements frontier.display.Displayable {
        private final String text;
        private final String html;
        private final boolean ok;

        VerifyResult(String text, String html, boolean ok) {
            this.text = text;
            this.html = html;
            this.ok = ok;
        }

        public boolean ok() {
            return ok;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public java.util.Map<String, Object> mimeBundle() {
            return java.util.Map.of("text/plain", text, "text/html", html);
        }
    }
}
