package frontier.zarr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import frontier.array.DecimalDigits;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zarr metadata JSON: read with Jackson's streaming parser into maps, lists, strings, numbers,
 * booleans and nulls (objects keep their key order, NaN/Infinity allowed as Python writes them in
 * attributes) and written exactly as zarr-python 2.13 does
 * ({@code json.dumps(o, indent=4, sort_keys=True, ensure_ascii=True, separators=(',', ': '))}),
 * so that files we write are byte-identical to zarr-python's.
 */
public final class ZarrJson {
    // jackson-core alone: a cold JVM loads databind's ObjectMapper in about 0.25 s, which opening an array then waits for
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ZarrJson() {
    }

    /** Parses a JSON object; where names the key or URL for the error message. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] json, String where) throws ZarrFormatException {
        Object v = parse(json, where);
        if (!(v instanceof Map)) {
            throw new ZarrFormatException("invalid JSON in " + where + ": expected an object, got " + describe(v));
        }
        return (Map<String, Object>) v;
    }

    /** Parses any JSON value (objects as insertion-ordered maps). */
    public static Object parse(byte[] json, String where) throws ZarrFormatException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) throw new JsonParseException(p, "no content");
            return value(p);
        } catch (JsonProcessingException e) {
            throw new ZarrFormatException("invalid JSON in " + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ZarrFormatException("cannot read JSON in " + where + ": " + e.getMessage(), e);
        }
    }

    /** The value at the parser's current token (the parser bounds the nesting depth). */
    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return p.getNumberValue(); // Integer, Long or BigInteger; Double
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new JsonParseException(p, "unexpected " + p.currentToken());
        }
    }

    private static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof List) return "an array";
        if (v instanceof String) return "a string";
        return v.getClass().getSimpleName().toLowerCase();
    }

    /** zarr-python's JSON bytes (ASCII, indent 4, sorted keys, no trailing newline). */
    public static byte[] write(Object value) {
        return writeString(value).getBytes(StandardCharsets.US_ASCII);
    }

    public static String writeString(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, 4, true);
        return sb.toString();
    }

    /** A Zarr v3 metadata document as zarr-python 3 writes one: ASCII, indent 2, keys in the map's order. */
    public static byte[] writeV3(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, 2, false);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void indent(StringBuilder sb, int level, int width) {
        sb.append('\n');
        for (int i = 0; i < level * width; i++) sb.append(' ');
    }

    private static void write(StringBuilder sb, Object v, int level, int width, boolean sort) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) keys.add(String.valueOf(k));
            if (sort) keys.sort(ZarrJson::comparePython);
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) sb.append(',');
                first = false;
                indent(sb, level + 1, width);
                string(sb, k);
                sb.append(": ");
                write(sb, m.get(k), level + 1, width, sort);
            }
            indent(sb, level, width);
            sb.append('}');
        } else if (v instanceof List || v.getClass().isArray()) {
            List<Object> l = asList(v);
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object e : l) {
                if (!first) sb.append(',');
                first = false;
                indent(sb, level + 1, width);
                write(sb, e, level + 1, width, sort);
            }
            indent(sb, level, width);
            sb.append(']');
        } else if (v instanceof String) {
            string(sb, (String) v);
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(pythonFloat(((Number) v).doubleValue()));
        } else if (v instanceof BigDecimal) {
            sb.append(pythonFloat(((BigDecimal) v).doubleValue()));
        } else if (v instanceof Number) {
            sb.append(v instanceof BigInteger ? v.toString() : Long.toString(((Number) v).longValue()));
        } else if (v instanceof Character) {
            string(sb, v.toString());
        } else {
            string(sb, v.toString());
        }
    }

    private static List<Object> asList(Object v) {
        if (v instanceof List) return new ArrayList<>((List<?>) v);
        int n = java.lang.reflect.Array.getLength(v);
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(java.lang.reflect.Array.get(v, i));
        return l;
    }

    /** Python sorts str keys by code point. */
    private static int comparePython(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }

    /** Python's repr of a float ("0.0", "1e-05", "1.5e+16"; "NaN" and "Infinity" as json writes them). */
    public static String pythonFloat(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return DecimalDigits.pythonRepr(d, 64, true);
    }
}
