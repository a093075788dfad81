package frontier.display.magics.core;

import frontier.magics.core.FileText;

import java.util.Map;

import static frontier.text.Html.escape;

/** {@code %cat} in a notebook: the text in a pre, JSON highlighted. */
public final class FileTextHtml {
    private FileTextHtml() {
    }

    public static void render(FileText f, Map<String, Object> bundle) {
        bundle.put("text/plain", f.text());
        bundle.put("text/html", html(f));
    }

    public static String html(FileText f) {
        String text = f.text();
        // past 1 MB the spans would only slow the browser down: show it plain
        String body = f.isJson() && text.length() <= 1 << 20 ? JsonHtml.highlight(text) : escape(text);
        return "<pre class=\"frontier-cat" + (f.isJson() ? " frontier-json" : "") + "\">" + body + "</pre>";
    }
}
