package frontier.magics.ipfs;

import frontier.display.Displayable;

import java.util.LinkedHashMap;
import java.util.Map;

import static frontier.text.Html.escape;

/** A text result with an HTML form for notebooks (ls, get, id, pin, verify, gateway). */
public final class IpfsResult implements Displayable {
    private final String text;
    private final String html;

    public IpfsResult(String text, String html) {
        this.text = text;
        this.html = html;
    }

    public static IpfsResult ofText(String text) {
        return new IpfsResult(text, "<pre style=\"margin:0\">" + escape(text) + "</pre>");
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", text);
        m.put("text/html", html);
        return m;
    }

}
