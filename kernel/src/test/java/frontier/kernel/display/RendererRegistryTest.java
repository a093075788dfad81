package frontier.kernel.display;

import frontier.display.Displayable;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendererRegistryTest {
    @Test
    void arraysPrintTheirElements() {
        RendererRegistry r = RendererRegistry.global();
        assertEquals("[1, 2, 3]", r.render(new int[]{1, 2, 3}).get("text/plain"));
        assertEquals("[[1, 2], [3]]", r.render(new int[][]{{1, 2}, {3}}).get("text/plain"));
        assertEquals("[a, null]", r.render(new String[]{"a", null}).get("text/plain"));
        assertEquals("[[1], x]", r.render(List.of(new long[]{1}, "x")).get("text/plain"));
        assertEquals("{k=[1.5]}", r.render(Map.of("k", new double[]{1.5})).get("text/plain"));
    }

    @Test
    void mostSpecificRendererWins() {
        RendererRegistry r = new RendererRegistry();
        r.register(Collection.class, (v, b) -> b.put("text/html", "collection"));
        r.register(List.class, (v, b) -> b.put("text/html", "list"));
        r.register(ArrayList.class, (v, b) -> b.put("text/html", "arraylist"));
        assertEquals("arraylist", r.render(new ArrayList<>()).get("text/html"));
        assertEquals("list", r.render(List.of(1)).get("text/html"));
        assertEquals("collection", r.render(new java.util.HashSet<>()).get("text/html"));
    }

    @Test
    void displayableBringsItsOwnBundleAndTextPlainIsAlwaysThere() {
        Displayable d = () -> Map.of("text/html", "<i>x</i>");
        Map<String, Object> b = RendererRegistry.global().render(d);
        assertEquals("<i>x</i>", b.get("text/html"));
        assertTrue(b.containsKey("text/plain"));
    }

    @Test
    void bufferedImageIsPng() {
        Map<String, Object> b = RendererRegistry.global().render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode((String) b.get("image/png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
        assertEquals("BufferedImage 3x2", b.get("text/plain"));
    }

    @Test
    void tablesawTableIsAnHtmlTable() {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("t",
                tech.tablesaw.api.IntColumn.create("n", 1, 2), tech.tablesaw.api.StringColumn.create("s", "a<b", "c"));
        String html = (String) RendererRegistry.global().render(t).get("text/html");
        assertTrue(html.contains("<th>n</th><th>s</th>"), html);
        assertTrue(html.contains("<td>a&lt;b</td>"), html);
    }

    @Test
    void aFailingRendererFallsBackToText() {
        RendererRegistry r = new RendererRegistry();
        r.register(String.class, (v, b) -> {
            throw new IllegalStateException("broken");
        });
        assertTrue(((String) r.render("v").get("text/plain")).startsWith("v"));
    }
}
