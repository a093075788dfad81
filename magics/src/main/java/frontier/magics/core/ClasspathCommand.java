package frontier.magics.core;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code %classpath [PATH...]}: adds jars and class folders to the session (globs allowed); lists them without arguments. */
@Command(name = "classpath", mixinStandardHelpOptions = true,
        description = {"Add jars or class folders to the Java session's classpath.",
                "Globs such as lib/*.jar or libs/**.jar are expanded. Without arguments, list what has been added."})
public final class ClasspathCommand implements Magic {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Jar files, folders of classes, or globs.")
    List<String> paths = new ArrayList<>();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public ClasspathListing call() throws IOException {
        if (paths.isEmpty()) {
            List<Path> current = context.classpath();
            return new ClasspathListing(current.isEmpty() ? "Nothing has been added to the classpath."
                    : "Added to the classpath:", current);
        }
        LinkedHashSet<Path> entries = new LinkedHashSet<>();
        for (String pattern : paths) {
            List<Path> matches = PathGlob.expand(context.cwd(), pattern);
            if (matches.isEmpty()) {
                throw new MagicException("no file matches " + pattern);
            }
            for (Path entry : matches) {
                if (!Files.exists(entry)) {
                    throw new MagicException("cannot add '" + pattern + "': No such file or directory");
                }
                if (Files.isRegularFile(entry) && !isJar(entry) && PathGlob.isGlob(pattern)) {
                    continue; // a glob like lib/* also meets README files: keep jars and folders
                }
                if (Files.isRegularFile(entry) && !isJar(entry)) {
                    throw new MagicException("'" + pattern + "' is neither a jar nor a folder of classes");
                }
                entries.add(entry.toAbsolutePath().normalize());
            }
        }
        if (entries.isEmpty()) {
            throw new MagicException("no jar or folder matches " + String.join(" ", paths));
        }
        List<Path> added = List.copyOf(entries);
        context.addToClasspath(added);
        return new ClasspathListing("Added " + added.size() + (added.size() == 1 ? " entry" : " entries")
                + " to the classpath:", added);
    }

    private static boolean isJar(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }
}
