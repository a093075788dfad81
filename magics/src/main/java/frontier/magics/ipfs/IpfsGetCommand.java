package frontier.magics.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.extract.UnixfsExporter;
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
 * default ./CID. Nothing is written outside it and every file appears only when complete.
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
        Path cwd = context == null ? Path.of("") : context.cwd();
        Path target = cwd.resolve(output != null ? output : name).toAbsolutePath().normalize();
        IpfsNodeChoice.Selected node = choice.select();
        String summary;
        try {
            if (node.isDaemon()) {
                node.daemon().getTo(p.toPathString(), target);
                summary = "Saving file(s) to " + target;
            } else {
                Cid c = node.embedded().reader().resolve(p);
                var x = new UnixfsExporter(node.embedded().reader()).export(c, target);
                summary = "Saving file(s) to " + target + "\n" + x.files() + " files, " + x.bytes() + " bytes";
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        return IpfsResult.ofText(summary + "\n" + node.line());
    }
}
