package frontier.magics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Magics return plain values and the display module builds their rich forms: no class of this
 * module (as built) holds an HTML tag, an HTML entity or a MIME bundle's key in its constants, nor
 * names a class of the display module. A string literal, a concatenation's recipe and an
 * annotation's text all land in a class's constant pool, which this reads.
 */
class NoPresentationTest {
    /** Tags and entities as markup holds them; {@code <init>}, {@code <PATH>} or {@code a < b} are not markup. */
    static final Pattern MARKUP = Pattern.compile(
            "(?i)</?(a|b|i|p|br|hr|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|div|span|pre|code|em|strong|small"
                    + "|button|input|form|svg|img|canvas|style|script|html|head|body|details|summary|h[1-6]|iframe|link)(\\s|/?>)"
                    + "|&(middot|rarr|larr|nbsp|lt|gt|amp|quot|#\\d+);"
                    + "|text/html|image/svg\\+xml|text/markdown|application/json|mimeBundle|frontier/display/");

    static List<String> markupIn(String constants) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKUP.matcher(constants);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void noMagicsClassBuildsHtmlOrMimeBundles() throws Exception {
        Path classes = Path.of(Magic.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes);
             Stream<Path> files = Files.walk(jar == null ? classes : jar.getPath("/"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                scanned++;
                List<String> found = markupIn(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                if (!found.isEmpty()) offenders.add(f.getFileName() + " " + found);
            }
        }
        assertTrue(scanned > 50, "scanned the magics classes in " + classes + ": " + scanned);
        assertEquals(List.of(), offenders, "magics classes that build presentation (move it to a renderer in the display module)");
    }

    /** The scanner itself: it finds what the old result classes held, and passes what commands legitimately say. */
    @Test
    void theScannerFindsMarkupAndOnlyMarkup() {
        assertEquals(List.of("<tr>", "<td "), markupIn("\u0001<tr><td style=\"text-align:right\">\u0001"));
        assertFalse(markupIn("<div style=\"font-size:12px;color:#666\">").isEmpty());
        assertFalse(markupIn("\u0001 &middot; \u0001").isEmpty());
        assertFalse(markupIn("text/html").isEmpty());
        assertFalse(markupIn("<pre>").isEmpty());
        assertFalse(markupIn("Lfrontier/display/Displayable;").isEmpty());
        assertEquals(List.of(), markupIn("<init> <clinit> <PATH> [<key>=<value>...] <\u0001 bytes of binary data from \u0001> a < b, c <= d"));
    }
}
