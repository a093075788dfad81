package frontier.magics.core;

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
 * file order. (A notebook highlights it: the display module's JsonHtml.)
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
}
