package frontier.magics.core;

/**
 * What %cat returns: a text file's content; JSON is pretty-printed ({@code isJson}), and a
 * notebook highlights it.
 */
public record FileText(String path, String text, boolean isJson) {
    @Override
    public String toString() {
        return text;
    }
}
