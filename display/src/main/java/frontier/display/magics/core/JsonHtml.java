package frontier.display.magics.core;

import static frontier.text.Html.escape;

/** A tiny highlighter for JSON text already laid out (as {@code %cat} lays it out). */
public final class JsonHtml {
    private static final String KEY = "color:#008000;font-weight:bold";
    private static final String STRING = "color:#ba2121";
    private static final String NUMBER = "color:#666666";
    private static final String LITERAL = "color:#008000;font-weight:bold";
    private static final String PUNCT = "color:#000000";

    private JsonHtml() {
    }

    /**
     * HTML spans for JSON text (already laid out): keys, strings, numbers, literals and
     * punctuation get classes {@code json-key}, {@code json-string}, {@code json-number},
     * {@code json-literal}, {@code json-punct} with inline colours (notebook frontends strip
     * style sheets but keep inline styles). Whitespace is kept; wrap the result in a pre.
     */
    public static String highlight(String json) {
        StringBuilder h = new StringBuilder(json.length() * 2);
        int n = json.length();
        int i = 0;
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && json.charAt(j) != '"') {
                    j += json.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                int k = j;
                while (k < n && Character.isWhitespace(json.charAt(k))) {
                    k++;
                }
                boolean key = k < n && json.charAt(k) == ':';
                span(h, key ? "json-key" : "json-string", key ? KEY : STRING, json.substring(i, j));
                i = j;
            } else if (c == '-' || Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && "0123456789.eE+-".indexOf(json.charAt(j)) >= 0) {
                    j++;
                }
                if (j < n && json.startsWith("Infinity", j)) {
                    j += 8;
                }
                span(h, "json-number", NUMBER, json.substring(i, j));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(json.charAt(j))) {
                    j++;
                }
                String word = json.substring(i, j);
                boolean number = word.equals("NaN") || word.equals("Infinity");
                span(h, number ? "json-number" : "json-literal", number ? NUMBER : LITERAL, word);
                i = j;
            } else if ("{}[],:".indexOf(c) >= 0) {
                span(h, "json-punct", PUNCT, String.valueOf(c));
                i++;
            } else {
                h.append(escape(String.valueOf(c)));
                i++;
            }
        }
        return h.toString();
    }

    private static void span(StringBuilder h, String cls, String style, String text) {
        h.append("<span class=\"").append(cls).append("\" style=\"").append(style).append("\">")
                .append(escape(text)).append("</span>");
    }
}
