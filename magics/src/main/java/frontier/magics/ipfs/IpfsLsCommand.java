package frontier.magics.ipfs;

import frontier.text.Html;
import frontier.ipfs.Ipfs;
import frontier.ipfs.LsEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ipfs ls CID[/path]}: Kubo's columns (CID, size or "-" for a directory, name with '/' for a
 * directory). Names come from data: characters that would drive the terminal are escaped.
 */
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
        Ipfs ipfs = choice.select();
        List<Row> rows = new ArrayList<>();
        try {
            for (LsEntry e : ipfs.ls(p.toString())) {
                String name = TerminalText.escape(e.name()) + (e.isDirectory() ? "/" : "");
                rows.add(new Row(e.cid().toString(), e.isDirectory() ? "-" : Long.toString(e.size()), name));
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        String node = IpfsNodeChoice.line(ipfs);
        StringBuilder t = new StringBuilder();
        int w = rows.stream().mapToInt(x -> x.size().length()).max().orElse(1);
        for (Row x : rows) t.append(x.cid()).append(' ').append(" ".repeat(w - x.size().length())).append(x.size()).append(' ').append(x.name()).append('\n');
        StringBuilder h = new StringBuilder("<div style=\"font-size:12px;color:#666\">" + Html.escape(p.toString()) + " &middot; " + Html.escape(node) + "</div><table>");
        for (Row x : rows) {
            h.append("<tr><td><code>").append(Html.escape(x.cid())).append("</code></td><td style=\"text-align:right;padding:0 8px\">")
                    .append(x.size()).append("</td><td>").append(Html.escape(x.name())).append("</td></tr>");
        }
        h.append("</table>");
        t.append(node);
        return new IpfsResult(t.toString(), h.toString());
    }
}
