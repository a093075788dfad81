package frontier.magics.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsExporter;
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
                // the daemon's tar holds one top entry named after the last segment; unpack beside, then place it
                Path staging = target.resolveSibling("." + target.getFileName() + ".get-" + Long.toHexString(System.nanoTime()));
                try {
                    node.daemon().get(p.toPathString(), staging);
                    try (var s = java.nio.file.Files.list(staging)) {
                        Path top = s.findFirst().orElseThrow(() -> new IOException("the daemon sent nothing for " + p));
                        java.nio.file.Files.move(top, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    deleteTree(staging);
                }
                summary = "Saving file(s) to " + target;
            } else {
                Cid c = node.embedded().reader().resolve(p);
                UnixfsExporter x = new UnixfsExporter(node.embedded().reader());
                x.export(c, target);
                summary = "Saving file(s) to " + target + "\n" + x.files() + " files, " + x.bytes() + " bytes";
            }
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        return IpfsResult.ofText(summary + "\n" + node.line());
    }

    private static void deleteTree(Path p) throws IOException {
        if (!java.nio.file.Files.exists(p)) return;
        try (var s = java.nio.file.Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) java.nio.file.Files.deleteIfExists(f);
        }
    }
}
