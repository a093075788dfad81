package frontier.magics.ipfs;

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

    @Override
    public IpfsLsResult call() {
        IpfsPath p = IpfsCommands.parse(path);
        Ipfs ipfs = choice.select();
        List<IpfsLsResult.Row> rows = new ArrayList<>();
        try {
            for (LsEntry e : ipfs.ls(p.toString())) {
                String name = TerminalText.escape(e.name()) + (e.isDirectory() ? "/" : "");
                rows.add(new IpfsLsResult.Row(e.cid().toString(), e.isDirectory() ? "-" : Long.toString(e.size()), name));
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        return new IpfsLsResult(p.toString(), rows, IpfsNodeChoice.line(ipfs));
    }
}
