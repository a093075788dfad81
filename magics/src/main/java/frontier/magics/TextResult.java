package frontier.magics;

import frontier.display.Displayable;

import java.util.Map;

/**
 * A plain-text result (a usage text, a listing): shown as text/plain as-is, without the quotes
 * a String result would get.
 */
public final class TextResult implements Displayable {
    private final String text;

    public TextResult(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        return Map.of("text/plain", text);
    }

    @Override
    public String toString() {
        return text;
    }
}
