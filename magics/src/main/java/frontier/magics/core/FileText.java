package frontier.magics.core;

import frontier.text.Html;
import frontier.display.Displayable;

import java.util.LinkedHashMap;
import java.util.Map;

/** What %cat returns: a text file's content (JSON pretty-printed and, in HTML, highlighted). */
public final class FileText implements Displayable {
    private final String path;
    private final String text;
    private final boolean json;

    public FileText(String path, String text, boolean json) {
        this.path = path;
        this.text = text;
        this.json = json;
    }

    public String path() {
        return path;
    }

    public boolean isJson() {
        return json;
    }

    /** The text shown (pretty-printed for JSON). */
    public String text() {
        return text;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        // past 1 MB the spans would only slow the browser down: show it plain
        String body = json && text.length() <= 1 << 20 ? JsonText.highlight(text) : Html.escape(text);
        bundle.put("text/html", "<pre class=\"frontier-cat" + (json ? " frontier-json" : "") + "\">" + body + "</pre>");
        return bundle;
    }

    @Override
    public String toString() {
        return text;
    }
}
