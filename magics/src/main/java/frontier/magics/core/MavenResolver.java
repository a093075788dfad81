package frontier.magics.core;

import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.visitor.PreorderNodeListGenerator;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves Maven coordinates with their transitive runtime dependencies (IJava #63: without them
 * a %maven'd library fails with NoClassDefFoundError) through Maven's own resolver, honouring
 * the user's settings.xml (local repository, offline, mirrors, proxies, credentials).
 */
public final class MavenResolver {
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** One resolved jar. */
    public record Resolved(String coordinates, Path file) {
    }

    private final MavenSettings settings;
    private final Path localRepository;
    private final List<RemoteRepository> extraRepositories = new ArrayList<>();

    /**
     * @param settings        the user's Maven settings
     * @param localRepository the local repository to use, or null for settings / -Dmaven.repo.local / ~/.m2/repository
     */
    public MavenResolver(MavenSettings settings, Path localRepository) {
        this.settings = settings;
        if (localRepository != null) {
            this.localRepository = localRepository;
        } else if (System.getProperty("maven.repo.local") != null) {
            this.localRepository = Path.of(System.getProperty("maven.repo.local"));
        } else if (settings.localRepository() != null) {
            this.localRepository = Path.of(settings.localRepository());
        } else {
            this.localRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
    }

    public Path localRepository() {
        return localRepository;
    }

    /** Adds a remote repository besides Maven Central (its id names its credentials in settings.xml). */
    public void addRepository(String id, String url) {
        extraRepositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /** The jars of these coordinates and everything they need at run time, nearest versions winning as in Maven. */
    public List<Resolved> resolve(List<String> coordinates, ProgressSink progressSink) throws Exception {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            Progress[] progress = {Progress.NONE};
            RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get()
                    .withLocalRepositoryBaseDirectories(localRepository)
                    .setOffline(settings.offline())
                    .setMirrorSelector(mirrorSelector())
                    .setProxySelector(proxySelector())
                    .setAuthenticationSelector(authenticationSelector())
                    .setRepositoryListener(new AbstractRepositoryListener() {
                        @Override
                        public void artifactResolved(RepositoryEvent event) {
                            if (event.getException() == null) {
                                progress[0].advance(1);
                            }
                        }
                    });
            try (RepositorySystemSession.CloseableSession session = builder.build()) {
                List<RemoteRepository> declared = new ArrayList<>();
                declared.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
                declared.addAll(extraRepositories);
                // applies the session's mirrors, proxies and credentials to the repositories
                List<RemoteRepository> repositories = system.newResolutionRepositories(session, declared);

                CollectRequest collect = new CollectRequest();
                for (String coordinate : coordinates) {
                    collect.addDependency(new Dependency(artifact(coordinate), JavaScopes.RUNTIME));
                }
                collect.setRepositories(repositories);
                CollectResult collected = system.collectDependencies(session, collect);
                PreorderNodeListGenerator nodes = new PreorderNodeListGenerator();
                collected.getRoot().accept(nodes);
                progress[0] = progressSink.start("maven", nodes.getArtifacts(false).size(), "artifacts");
                try {
                    DependencyRequest request = new DependencyRequest(collected.getRoot(),
                            DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
                    DependencyResult result = system.resolveDependencies(session, request);
                    List<Resolved> resolved = new ArrayList<>();
                    for (ArtifactResult r : result.getArtifactResults()) {
                        Artifact a = r.getArtifact();
                        resolved.add(new Resolved(a.getGroupId() + ":" + a.getArtifactId() + ":"
                                + (a.getClassifier().isEmpty() ? "" : a.getClassifier() + ":") + a.getVersion(),
                                a.getPath()));
                    }
                    return resolved;
                } finally {
                    progress[0].close();
                }
            }
        } finally {
            system.shutdown();
        }
    }

    static Artifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad coordinates '" + coordinate
                    + "': expected GROUP:ARTIFACT:VERSION (or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION)");
        }
    }

    private DefaultMirrorSelector mirrorSelector() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : settings.mirrors()) {
            selector.add(m.id(), m.url(), m.layout(), false, m.blocked(), m.mirrorOf(),
                    m.mirrorOfLayouts() == null ? "default,legacy" : m.mirrorOfLayouts());
        }
        return selector;
    }

    private DefaultProxySelector proxySelector() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (MavenSettings.Proxy p : settings.proxies()) {
            if (!p.active() || p.host() == null) {
                continue;
            }
            Authentication auth = p.username() == null ? null
                    : new AuthenticationBuilder().addUsername(p.username()).addPassword(p.password()).build();
            selector.add(new org.eclipse.aether.repository.Proxy(p.protocol(), p.host(), p.port(), auth), p.nonProxyHosts());
        }
        return selector;
    }

    private DefaultAuthenticationSelector authenticationSelector() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (MavenSettings.Server s : settings.servers()) {
            if (s.id() != null && s.username() != null) {
                selector.add(s.id(), new AuthenticationBuilder().addUsername(s.username()).addPassword(s.password()).build());
            }
        }
        return selector;
    }
}
