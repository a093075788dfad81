package frontier.display.magics.core;

import frontier.magics.core.ClasspathListing;
import frontier.magics.core.MagicListing;
import frontier.magics.core.MavenResolver;
import frontier.magics.core.ResolvedArtifacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** %classpath, %maven and %lsmagic in a notebook. */
class ListingsHtmlTest {
    @Test
    void theClasspathIsAListOfCodeItems() {
        ClasspathListing l = new ClasspathListing("Added 2 entries to the classpath:", List.of(Path.of("/lib/a.jar"), Path.of("/lib/<b>")));
        Map<String, Object> b = new LinkedHashMap<>();
        ClasspathListingHtml.render(l, b);
        assertEquals("Added 2 entries to the classpath:\n  /lib/a.jar\n  /lib/<b>", b.get("text/plain"));
        assertEquals("<div class=\"frontier-classpath\">Added 2 entries to the classpath:<ul><li><code>/lib/a.jar</code></li>"
                + "<li><code>/lib/&lt;b&gt;</code></li></ul></div>", b.get("text/html"));
    }

    @Test
    void resolvedArtifactsAreATable() {
        ResolvedArtifacts r = new ResolvedArtifacts("Resolved 1 artifact",
                List.of(new MavenResolver.Resolved("g:a:1", Path.of("/m2/g/a/1/a-1.jar"))));
        Map<String, Object> b = new LinkedHashMap<>();
        ResolvedArtifactsHtml.render(r, b);
        assertEquals("Resolved 1 artifact\n  g:a:1  /m2/g/a/1/a-1.jar", b.get("text/plain"));
        assertEquals("<div class=\"frontier-maven\">Resolved 1 artifact<table><thead><tr><th style=\"text-align:left\">artifact</th>"
                + "<th style=\"text-align:left\">jar</th></tr></thead><tbody><tr><td style=\"text-align:left\"><code>g:a:1</code></td>"
                + "<td style=\"text-align:left\"><code>/m2/g/a/1/a-1.jar</code></td></tr></tbody></table></div>", b.get("text/html"));
    }

    @Test
    void lsmagicGivesIPythonsJson() {
        MagicListing l = new MagicListing(List.of("cat", "ls"), List.of("bash"));
        Map<String, Object> b = new LinkedHashMap<>();
        MagicListingJson.render(l, b);
        assertEquals("Available line magics:\n%cat  %ls\n\nAvailable cell magics:\n%%bash", b.get("text/plain"));
        assertEquals(Map.of("line", List.of("cat", "ls"), "cell", List.of("bash")), b.get("application/json"));
    }
}
