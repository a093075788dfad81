package frontier.magics.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsNode;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code ipfs ls CID[/path]}: Kubo's columns (CID, size or "-" for a directory, name with '/' for a directory). */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List directory contents for a UnixFS directory.")
public final class IpfsLsCommand implements Magic {
    @Parameters(paramLabel = "PATH", description = "CID or CID/path of a directory")
    String path;
    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    @Override
    public void setContext(MagicContext context) {
    }

    record Row(String cid, String size, String name) {
    }

    @Override
    public Object call() {
        IpfsPath p = IpfsCommands.parse(path);
        IpfsNodeChoice.Selected node = choice.select();
        List<Row> rows = new ArrayList<>();
        try {
            if (node.isDaemon()) {
                for (KuboRpcClient.LsLink l : node.daemon().ls(p.toPathString())) {
                    boolean dir = l.type() == 1;
                    rows.add(new Row(l.hash(), dir ? "-" : Long.toString(l.size()), l.name() + (dir ? "/" : "")));
                }
            } else {
                UnixfsReader r = node.embedded().reader();
                Cid c = r.resolve(p);
                List<DirEntry> entries = r.list(c);
                // fetch the children's blocks concurrently to learn type and size
                List<Cid> pb = entries.stream().map(DirEntry::cid).filter(x -> x.codec() == Cid.DAG_PB).toList();
                if (pb.size() > 1) r.fetcher().getAll(pb);
                for (DirEntry e : entries) {
                    boolean dir = e.cid().codec() == Cid.DAG_PB && r.node(e.cid()).isDirectory();
                    String size = dir ? "-" : Long.toString(e.cid().codec() == Cid.DAG_PB && r.node(e.cid()).kind() == UnixfsNode.Kind.SYMLINK
                            ? r.node(e.cid()).fileSize() : r.size(e.cid()));
                    rows.add(new Row(e.cid().toString(), size, e.name() + (dir ? "/" : "")));
                }
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        StringBuilder t = new StringBuilder();
        int w = rows.stream().mapToInt(x -> x.size().length()).max().orElse(1);
        for (Row x : rows) t.append(x.cid()).append(' ').append(" ".repeat(w - x.size().length())).append(x.size()).append(' ').append(x.name()).append('\n');
        StringBuilder h = new StringBuilder("<div style=\"font-size:12px;color:#666\">" + frontier.display.Html.escape(p.toString()) + " &middot; " + frontier.display.Html.escape(node.line()) + "</div><table>");
        for (Row x : rows) {
            h.append("<tr><td><code>").append(frontier.display.Html.escape(x.cid())).append("</code></td><td style=\"text-align:right;padding:0 8px\">")
                    .append(x.size()).append("</td><td>").append(frontier.display.Html.escape(x.name())).append("</td></tr>");
        }
        h.append("</table>");
        t.append(node.line());
        return new IpfsResult(t.toString(), h.toString());
    }
}
