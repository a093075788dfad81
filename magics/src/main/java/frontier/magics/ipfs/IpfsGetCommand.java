package frontier.magics.ipfs;

import frontier.ipfs.Ipfs;
import frontier.ipfs.extract.Extracted;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ipfs get CID[/path] -o DIR}: writes the file or folder as DIR (Kubo's meaning of -o),
 * default ./CID. Nothing is written outside it, never through a link, no link left pointing out
 * of it, and every file appears only when complete; a tree that would break this is refused.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Download IPFS objects to a local file or folder.")
public final class IpfsGetCommand implements Magic {
    @Parameters(paramLabel = "PATH", description = "CID or CID/path")
    String path;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The path where the output should be stored (default: the last path segment or the CID).")
    String output;
    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        IpfsPath p = IpfsCommands.parse(path);
        String name = p.segments().isEmpty() ? p.root().toString() : p.segments().get(p.segments().size() - 1);
        Path cwd = context == null ? Path.of("").toAbsolutePath() : context.cwd();
        Path target = IpfsCommands.local(cwd, output != null ? output : name);
        Ipfs ipfs = choice.select();
        Extracted x;
        try {
            x = ipfs.get(p.toString(), target);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        return new IpfsResult("Saving file(s) to " + target + "\n" + x.files() + " files, " + x.bytes() + " bytes\n" + IpfsNodeChoice.line(ipfs));
    }
}
