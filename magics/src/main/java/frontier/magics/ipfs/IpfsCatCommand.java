package frontier.magics.ipfs;

import frontier.ipfs.Ipfs;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;

/** {@code ipfs cat CID[/path]}: the file's bytes, every block verified. */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Show IPFS object data (a file, by CID or CID/path).")
public final class IpfsCatCommand implements Magic {
    @Parameters(paramLabel = "PATH", description = "CID, CID/path, /ipfs/CID/path or ipfs://CID/path")
    String path;
    @Option(names = {"-o", "--offset"}, description = "Byte offset to begin reading from.")
    long offset;
    @Option(names = {"-l", "--length"}, description = "Maximum number of bytes to read.")
    Long length;
    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public IpfsCatResult call() {
        IpfsPath p = IpfsCommands.parse(path);
        Ipfs ipfs = choice.select();
        byte[] b;
        try {
            b = ipfs.cat(p.toString(), offset, length == null ? Long.MAX_VALUE : length);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        String node = IpfsNodeChoice.line(ipfs);
        if (context != null && context.isNotebook()) context.err().println(node);
        return new IpfsCatResult(p.toString(), b, node);
    }
}
