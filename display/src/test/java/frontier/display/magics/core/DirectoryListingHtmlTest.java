package frontier.display.magics.core;

import frontier.magics.core.DirectoryListing;
import frontier.magics.core.DirectoryListing.Entry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryListingHtmlTest {
    static final Instant NOV_25 = LocalDateTime.of(2025, 11, 25, 13, 20, 5).atZone(ZoneId.systemDefault()).toInstant();

    static Entry file(String name, long size) {
        return new Entry(name, '-', "rw-r--r--", 1, "me", "us", size, NOV_25, null);
    }

    static Entry dir(String name) {
        return new Entry(name, 'd', "rwxr-xr-x", 2, "me", "us", 4096, NOV_25, null);
    }

    @Test
    void theShortFormIsOneColumnOfNamesWithDirectoriesEndingInSlash() {
        DirectoryListing l = new DirectoryListing("x.zarr", true, false,
                List.of(dir("."), dir(".."), file(".zgroup", 18), dir("0")));
        Map<String, Object> b = new LinkedHashMap<>();
        DirectoryListingHtml.render(l, b);
        assertEquals(l.toString(), b.get("text/plain"), "the text is the CLI's");
        String cell = "<td style=\"text-align:left;font-family:monospace\">";
        assertEquals("<table class=\"frontier-ls\"><tbody>"
                + "<tr>" + cell + ".</td></tr>"
                + "<tr>" + cell + "..</td></tr>"
                + "<tr>" + cell + ".zgroup</td></tr>"
                + "<tr>" + cell + "0/</td></tr>"
                + "</tbody></table>", b.get("text/html"));
    }

    @Test
    void theLongFormHasModeSizeAndTime() {
        DirectoryListing l = new DirectoryListing("x.zarr", true, true, List.of(file(".zgroup", 18), dir("0"),
                new Entry("latest", 'l', "rwxrwxrwx", 1, "me", "us", 1, NOV_25, "0")));
        String html = DirectoryListingHtml.html(l);
        assertTrue(html.startsWith("<table class=\"frontier-ls\"><thead><tr><th style=\"text-align:left\">mode</th><th>size</th>"
                + "<th style=\"text-align:left\">modified</th><th style=\"text-align:left\">name</th></tr></thead><tbody>"), html);
        assertTrue(html.contains("<tr><td style=\"text-align:left;font-family:monospace\">-rw-r--r--</td>"
                + "<td style=\"text-align:right\">18</td><td style=\"text-align:left\">2025-11-25 13:20:05</td>"
                + "<td style=\"text-align:left;font-family:monospace\">.zgroup</td></tr>"), html);
        assertTrue(html.contains(">0/</td>"), "directories end in /: " + html);
        assertTrue(html.contains(">latest &rarr; 0</td>"), "links show their target: " + html);
    }

    @Test
    void namesAreEscaped() {
        DirectoryListing l = new DirectoryListing(".", true, false, List.of(file("<b>&.txt", 1)));
        assertTrue(DirectoryListingHtml.html(l).contains(">&lt;b&gt;&amp;.txt</td>"));
    }
}
