package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClasspathCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    @Test
    void addsGlobbedJarsAndFoldersAndListsThem() throws Exception {
        Files.createDirectories(dir.resolve("lib/sub"));
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/README"), "");
        Files.writeString(dir.resolve("lib/sub/c.jar"), "");
        Files.createDirectories(dir.resolve("classes"));
        RecordingContext ctx = new RecordingContext(dir);
        ClasspathListing added = (ClasspathListing) registry.runLine("classpath", "lib/*.jar classes", ctx);
        List<Path> expected = List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"), dir.resolve("classes"));
        assertEquals(expected, added.entries());
        assertEquals(expected, ctx.classpath);
        assertTrue(added.toString().startsWith("Added 3 entries to the classpath:\n  " + dir.resolve("lib/a.jar")), added.toString());

        ClasspathListing deep = (ClasspathListing) registry.runLine("classpath", "'lib/**.jar'", ctx);
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"), dir.resolve("lib/sub/c.jar")), deep.entries());

        ClasspathListing listed = (ClasspathListing) registry.runLine("classpath", "", ctx);
        assertEquals(ctx.classpath, listed.entries());
        assertTrue(listed.toString().startsWith("Added to the classpath:"));
    }

    @Test
    void badPathsAreOneLineErrors() throws Exception {
        RecordingContext ctx = new RecordingContext(dir);
        MagicException none = assertThrows(MagicException.class, () -> registry.runLine("classpath", "lib/*.jar", ctx));
        assertEquals("%classpath: no file matches lib/*.jar", none.getMessage());
        MagicException missing = assertThrows(MagicException.class, () -> registry.runLine("classpath", "x.jar", ctx));
        assertEquals("%classpath: cannot add 'x.jar': No such file or directory", missing.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "");
        MagicException text = assertThrows(MagicException.class, () -> registry.runLine("classpath", "notes.txt", ctx));
        assertTrue(text.getMessage().contains("neither a jar nor a folder"), text.getMessage());
        assertTrue(ctx.classpath.isEmpty());
    }

    @Test
    void theCliHasNoSessionToAddTo() throws Exception {
        Files.writeString(dir.resolve("a.jar"), "");
        RecordingContext terminal = new RecordingContext(dir, false) {
            @Override
            public void addToClasspath(List<Path> entries) {
                throw new UnsupportedOperationException("no Java session here: run this in a notebook");
            }
        };
        MagicException e = assertThrows(MagicException.class, () -> registry.run("classpath", List.of("a.jar"), null, terminal));
        assertEquals("frontier classpath: no Java session here: run this in a notebook", e.getMessage());
    }
}
