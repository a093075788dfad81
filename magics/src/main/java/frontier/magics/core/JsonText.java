package frontier.magics.core;

import frontier.text.Html;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON laid out as Python's {@code json.dumps(obj, indent=4)} does (and zarr writes .zattrs):
 * four-space indents, {@code "key": value}, {@code {}} and {@code []} when empty, members in
 * file order. Also a tiny highlighter for the HTML form.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonText() {
    }

    /** The parsed document, or null when {@code text} is not one JSON value. */
    public static JsonNode parse(String text) {
        try {
            JsonParser parser = MAPPER.createParser(text);
            JsonNode node = MAPPER.readTree(parser);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Pretty-printed with 4-space indents, like Python's json.dumps(indent=4). */
    public static String pretty(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, 0, b);
        return b.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder b) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                indent(depth + 1, b);
                b.append(quote(field.getKey())).append(": ");
                write(field.getValue(), depth + 1, b);
                b.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(depth, b);
            b.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, b);
                write(node.get(i), depth + 1, b);
                b.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            indent(depth, b);
            b.append(']');
        } else if (node.isTextual()) {
            b.append(quote(node.textValue()));
        } else if (node.isBigDecimal()) {
            b.append(node.decimalValue().toString());
        } else {
            b.append(node.toString());
        }
    }

    private static void indent(int depth, StringBuilder b) {
        b.append("    ".repeat(depth));
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String KEY = "color:#008000;font-weight:bold";
    private static final String STRING = "color:#ba2121";
    private static final String NUMBER = "color:#666666";
    private static final String LITERAL = "color:#008000;font-weight:bold";
    private static final String PUNCT = "color:#000000";

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
                h.append(Html.escape(String.valueOf(c)));
                i++;
            }
        }
        return h.toString();
    }

    private static void span(StringBuilder h, String cls, String style, String text) {
        h.append("<span class=\"").append(cls).append("\" style=\"").append(style).append("\">")
                .append(Html.escape(text)).append("</span>");
    }
}
