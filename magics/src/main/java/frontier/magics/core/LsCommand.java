package frontier.magics.core;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code %ls [-a] [-l] [PATH]}: lists a directory like ls (sorted; dot files only with -a). */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"List a directory like ls (sorted; hidden entries only with -a).",
                "A file lists itself; -l adds mode, links, owner, group, size and modification time."})
public final class LsCommand implements Magic {
    @Option(names = "-a", description = "Include entries whose names start with '.', and . and ..")
    boolean all;

    @Option(names = "-l", description = "Long form: mode, links, owner, group, size, modification time, name.")
    boolean longForm;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The directory or file (default: the working directory).")
    String path;

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public DirectoryListing call() throws IOException {
        String shown = path == null ? "." : path;
        Path target = context.cwd().resolve(path == null ? "." : CatCommand.expandHome(path));
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new MagicException("cannot access '" + shown + "': No such file or directory");
        }
        List<DirectoryListing.Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(target)) {
            entries.add(DirectoryListing.Entry.of(target, shown));
            return new DirectoryListing(shown, false, longForm, entries);
        }
        if (!Files.isReadable(target)) {
            throw new MagicException("cannot open directory '" + shown + "': Permission denied");
        }
        if (all) {
            entries.add(DirectoryListing.Entry.of(target, "."));
            Path parent = target.toAbsolutePath().normalize().getParent();
            entries.add(DirectoryListing.Entry.of(parent == null ? target : parent, ".."));
        }
        try (Stream<Path> children = Files.list(target)) {
            children.forEach(child -> {
                String name = child.getFileName().toString();
                if (all || !name.startsWith(".")) {
                    entries.add(DirectoryListing.Entry.of(child, name));
                }
            });
        }
        entries.sort((x, y) -> x.name().compareTo(y.name())); // C-locale order, as LC_ALL=C ls
        return new DirectoryListing(shown, true, longForm, entries);
    }
}
