package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolves a real artifact from Maven Central (the one network peer allowed) into a temporary local repository. */
class MavenCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    /** Maven Central is the one remote peer these tests need; without it they skip loudly rather than fail. */
    private static void assumeCentralReachable() {
        try {
            var connection = (java.net.HttpURLConnection) new java.net.URL(MavenResolver.CENTRAL).openConnection();
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            connection.getResponseCode();
        } catch (java.io.IOException e) {
            System.err.println("SKIPPED LOUDLY: Maven Central is unreachable (" + e + "); %maven's resolve tests did not run");
            org.junit.jupiter.api.Assumptions.abort("Maven Central is unreachable: " + e);
        }
    }

    @Test
    void resolvesTransitiveDependenciesAndAddsThemToTheSession() throws Exception {
        assumeCentralReachable();
        RecordingContext ctx = new RecordingContext(dir);
        Path repo = dir.resolve("m2");
        ResolvedArtifacts result = (ResolvedArtifacts) registry.runLine("maven",
                "--local-repository " + repo + " org.apache.commons:commons-text:1.12.0", ctx);
        List<String> coordinates = result.artifacts().stream().map(MavenResolver.Resolved::coordinates).collect(Collectors.toList());
        assertEquals(List.of("org.apache.commons:commons-text:1.12.0", "org.apache.commons:commons-lang3:3.14.0"), coordinates);
        Path text = repo.resolve("org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar");
        Path lang = repo.resolve("org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar");
        assertTrue(Files.size(text) > 100_000 && Files.size(lang) > 100_000);
        assertEquals(List.of(text, lang), ctx.classpath);
        assertTrue(result.toString().startsWith("Added 2 jars to the classpath:"), result.toString());
        // the jars are real: commons-text's StringSubstitutor is in the first
        try (var zip = new java.util.zip.ZipFile(text.toFile())) {
            assertTrue(zip.getEntry("org/apache/commons/text/StringSubstitutor.class") != null);
        }
    }

    @Test
    void badCoordinatesAndMissingArtifactsAreOneLineErrors() {
        assumeCentralReachable();
        RecordingContext ctx = new RecordingContext(dir);
        MagicException bad = assertThrows(MagicException.class, () -> registry.runLine("maven", "commons-lang3", ctx));
        assertTrue(bad.getMessage().startsWith("%maven: bad coordinates 'commons-lang3': expected GROUP:ARTIFACT:VERSION"), bad.getMessage());
        MagicException missing = assertThrows(MagicException.class, () -> registry.runLine("maven",
                "--local-repository " + dir.resolve("m2") + " org.apache.commons:commons-text:0.0.0-no-such", ctx));
        assertTrue(missing.getMessage().startsWith("%maven: cannot resolve org.apache.commons:commons-text:0.0.0-no-such: "), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("Could not find artifact org.apache.commons:commons-text:jar:0.0.0-no-such"
                + " in central (https://repo.maven.apache.org/maven2/)"), missing.getMessage());
        assertTrue(!missing.getMessage().contains("\n"));
        assertTrue(ctx.classpath.isEmpty());
    }

    @Test
    void settingsXmlMirrorsAndLocalRepositoryAreRead() throws Exception {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>${user.home}/custom-repo</localRepository>
                  <mirrors><mirror><id>corp</id><url>https://mirror.example/maven2</url><mirrorOf>central</mirrorOf></mirror></mirrors>
                  <proxies><proxy><id>p</id><active>true</active><protocol>https</protocol><host>proxy.example</host><port>3128</port>
                    <nonProxyHosts>localhost|*.example</nonProxyHosts></proxy></proxies>
                  <servers><server><id>corp</id><username>me</username><password>pw</password></server></servers>
                </settings>""");
        MavenSettings s = MavenSettings.read(settings);
        assertEquals(System.getProperty("user.home") + "/custom-repo", s.localRepository());
        assertEquals("https://mirror.example/maven2", s.mirrors().get(0).url());
        assertEquals("central", s.mirrors().get(0).mirrorOf());
        assertEquals(3128, s.proxies().get(0).port());
        assertEquals("me", s.servers().get(0).username());
        assertEquals(Path.of(System.getProperty("user.home"), "custom-repo"), new MavenResolver(s, null).localRepository());
    }

    @Test
    void anUnreachableMirrorIsUsedInsteadOfCentral() throws Exception {
        // a mirror of central on a closed loopback port: resolution must go there (and fail), not to Central
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>local</id><url>http://127.0.0.1:" + port
                + "/maven2</url><mirrorOf>*</mirrorOf></mirror></mirrors></settings>");
        String before = System.getProperty("frontier.maven.settings");
        System.setProperty("frontier.maven.settings", settings.toString());
        try {
            MagicException e = assertThrows(MagicException.class, () -> registry.runLine("maven",
                    "--local-repository " + dir.resolve("m2") + " org.apache.commons:commons-lang3:3.14.0", new RecordingContext(dir)));
            assertTrue(e.getMessage().contains("from/to local (http://127.0.0.1:" + port + "/maven2)"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("frontier.maven.settings");
            } else {
                System.setProperty("frontier.maven.settings", before);
            }
        }
    }
}
