package frontier.display.magics.core;

import frontier.magics.core.FileText;
import frontier.magics.core.JsonText;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTextHtmlTest {
    @Test
    void jsonIsHighlighted() {
        String pretty = JsonText.pretty(JsonText.parse("{\"key\": \"<v>\", \"n\": 2, \"ok\": false, \"x\": null}"));
        Map<String, Object> b = new LinkedHashMap<>();
        FileTextHtml.render(new FileText("a.json", pretty, true), b);
        assertEquals(pretty, b.get("text/plain"));
        String html = (String) b.get("text/html");
        assertTrue(html.startsWith("<pre class=\"frontier-cat frontier-json\">"), html);
        assertTrue(html.contains("<span class=\"json-key\" style=\"color:#008000;font-weight:bold\">&quot;key&quot;</span>"), html);
        assertTrue(html.contains("<span class=\"json-string\" style=\"color:#ba2121\">&quot;&lt;v&gt;&quot;</span>"), html);
        assertTrue(html.contains("<span class=\"json-number\" style=\"color:#666666\">2</span>"), html);
        assertTrue(html.contains("<span class=\"json-literal\" style=\"color:#008000;font-weight:bold\">false</span>"), html);
        assertTrue(html.contains("<span class=\"json-literal\" style=\"color:#008000;font-weight:bold\">null</span>"), html);
        assertFalse(html.contains("<v>"), "escaped");
    }

    @Test
    void theHighlighterKeepsLayoutAndMarksEachToken() {
        assertEquals("<span class=\"json-punct\" style=\"color:#000000\">[</span>\n    "
                        + "<span class=\"json-number\" style=\"color:#666666\">-1.5e3</span>"
                        + "<span class=\"json-punct\" style=\"color:#000000\">,</span>\n    "
                        + "<span class=\"json-number\" style=\"color:#666666\">NaN</span>"
                        + "<span class=\"json-punct\" style=\"color:#000000\">,</span>\n    "
                        + "<span class=\"json-number\" style=\"color:#666666\">-Infinity</span>"
                        + "<span class=\"json-punct\" style=\"color:#000000\">,</span>\n    "
                        + "<span class=\"json-literal\" style=\"color:#008000;font-weight:bold\">true</span>\n"
                        + "<span class=\"json-punct\" style=\"color:#000000\">]</span>",
                JsonHtml.highlight("[\n    -1.5e3,\n    NaN,\n    -Infinity,\n    true\n]"));
    }

    @Test
    void plainTextIsEscapedInAPre() {
        String content = "line 1\n  <b>line 2</b>\n{not json\n";
        assertEquals("<pre class=\"frontier-cat\">line 1\n  &lt;b&gt;line 2&lt;/b&gt;\n{not json\n</pre>",
                FileTextHtml.html(new FileText("notes.txt", content, false)));
    }

    @Test
    void jsonPastOneMegabyteIsNotHighlighted() {
        String big = "[\n    \"" + "x".repeat(1 << 20) + "\"\n]";
        String html = FileTextHtml.html(new FileText("big.json", big, true));
        assertTrue(html.startsWith("<pre class=\"frontier-cat frontier-json\">[\n    &quot;xxx"), html.substring(0, 80));
        assertFalse(html.contains("<span"));
    }
}
