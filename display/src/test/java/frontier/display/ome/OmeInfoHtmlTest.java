package frontier.display.ome;

import frontier.display.PythonTools;
import frontier.ome.DownloadReport;
import frontier.ome.OmeInfo;
import frontier.ome.OmeZarr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OmeInfoHtmlTest {
    @TempDir
    Path dir;

    @Test
    void theInfoTreeShowsChannelsLevelsAndHiddenNodes() throws Exception {
        PythonTools.assumeModules("zarr", "numcodecs");
        Path img = PythonTools.makeOmeZarr(dir.resolve("tiny.zarr"), "--size", "tiny");
        OmeInfo info = OmeZarr.info(img.toString());
        Map<String, Object> b = new LinkedHashMap<>();
        OmeInfoHtml.render(info, b);
        assertEquals(info.toString(), b.get("text/plain"), "the text is ome-zarr-py's, as the CLI prints it");
        String html = (String) b.get("text/html");
        assertTrue(html.startsWith("<div class=\"frontier-ome-info\""), html);
        assertTrue(html.contains("LaminB1") && html.contains("Dapi"), html);
        assertTrue(html.contains("background:#0000FF") && html.contains("background:#FFFF00"), "color swatches");
        assertTrue(html.contains("(1, 2, 4, 20, 18)") && html.contains("(1, 1, 1, 20, 18)"), "shape and chunks");
        assertTrue(html.contains("Blosc(cname=&#39;lz4&#39;"), "compressor");
        assertTrue(html.contains("(hidden)"));
        assertFalse(html.contains("min, max"), "no statistics column without --stats");
    }

    @Test
    void aDownloadReportIsATableAndJson() {
        DownloadReport r = new DownloadReport(Path.of("/tmp/<images>"), 12, 3_456_789, 2, 1, -1, 3, 9, 1.5, 40);
        Map<String, Object> b = new LinkedHashMap<>();
        DownloadReportHtml.render(r, b);
        assertEquals(r.toString(), b.get("text/plain"));
        String html = (String) b.get("text/html");
        assertTrue(html.startsWith("<table class=\"frontier-download\">") && html.endsWith("</table>"), html);
        assertTrue(html.contains("<td style=\"padding:1px 8px\">/tmp/&lt;images&gt;</td>"), html);
        assertTrue(html.contains("3,456,789 (3.5 MB)") && html.contains("1.50 s (2.3 MB/s)"), html);
        assertFalse(html.contains("Verified"), "no Verified row without --verify");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) b.get("application/json");
        assertEquals("/tmp/<images>", json.get("target"));
        assertEquals(3_456_789L, json.get("bytes_written"));
        assertFalse(json.containsKey("files_verified"));
        assertEquals(40L, json.get("requests"));
    }
}
