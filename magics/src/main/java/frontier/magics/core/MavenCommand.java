package frontier.magics.core;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.resolution.DependencyResolutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code %maven GROUP:ARTIFACT:VERSION...}: resolves from Maven Central with transitive dependencies and adds the jars to the session. */
@Command(name = "maven", mixinStandardHelpOptions = true,
        description = {"Add Maven artifacts, with their transitive dependencies, to the session.",
                "Resolves from Maven Central through the mirrors, proxies and local repository of",
                "~/.m2/settings.xml and adds the jars to the session's classpath. From the frontier CLI,",
                "prints the resolved jars instead."})
public final class MavenCommand implements Magic {
    @Parameters(paramLabel = "GROUP:ARTIFACT:VERSION", arity = "1..*",
            description = "Coordinates, e.g. org.apache.commons:commons-text:1.12.0 (or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION).")
    List<String> coordinates = new ArrayList<>();

    @Option(names = {"-r", "--repository"}, paramLabel = "[ID=]URL",
            description = "Another remote repository to search besides Maven Central (repeatable).")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--local-repository", paramLabel = "DIR",
            description = "The local repository (default: settings.xml's localRepository, else ~/.m2/repository).")
    Path localRepository;

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public ResolvedArtifacts call() throws Exception {
        MavenResolver resolver = new MavenResolver(MavenSettings.user(),
                localRepository == null ? null : context.cwd().resolve(localRepository));
        int n = 0;
        for (String repository : repositories) {
            int eq = repository.indexOf('=');
            String id = eq > 0 ? repository.substring(0, eq) : "repository-" + (++n);
            resolver.addRepository(id, eq > 0 ? repository.substring(eq + 1) : repository);
        }
        for (String c : coordinates) {
            MavenResolver.artifact(c); // bad coordinates fail before any download
        }
        List<MavenResolver.Resolved> resolved;
        try {
            resolved = resolver.resolve(coordinates, context.progress());
        } catch (DependencyResolutionException | DependencyCollectionException e) {
            throw new MagicException("cannot resolve " + String.join(" ", coordinates) + ": " + rootMessage(e), e);
        }
        List<Path> jars = resolved.stream().map(MavenResolver.Resolved::file).collect(Collectors.toList());
        if (!context.isNotebook()) {
            return new ResolvedArtifacts("Resolved " + resolved.size() + " artifact" + (resolved.size() == 1 ? "" : "s")
                    + " into " + resolver.localRepository() + ":", resolved);
        }
        context.addToClasspath(jars);
        return new ResolvedArtifacts("Added " + resolved.size() + " jar" + (resolved.size() == 1 ? "" : "s")
                + " to the classpath:", resolved);
    }

    /** The innermost resolver message: it names the artifact and the repository URL ("Could not find artifact ... in central (https://...)"). */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.eclipse.aether") && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
