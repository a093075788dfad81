package frontier.kernel.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** text/plain of any value: arrays and nested arrays inside collections and maps as [1, 2, 3]. */
public final class ReadableText {
    static final int MAX_ITEMS = 1000;

    private ReadableText() {
    }

    public static String of(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (depth > 20) {
            sb.append("...");
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            sb.append('[');
            for (int i = 0; i < Math.min(n, MAX_ITEMS); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, Array.get(v, i), depth + 1);
            }
            if (n > MAX_ITEMS) {
                sb.append(", ... (").append(n).append(" items)");
            }
            sb.append(']');
        } else if (v instanceof Collection<?> c && containsArray(c)) {
            sb.append('[');
            int i = 0;
            for (Iterator<?> it = c.iterator(); it.hasNext() && i < MAX_ITEMS; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, it.next(), depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m && (containsArray(m.keySet()) || containsArray(m.values()))) {
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (i++ > 0) {
                    sb.append(", ");
                }
                append(sb, e.getKey(), depth + 1);
                sb.append('=');
                append(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }

    private static boolean containsArray(Collection<?> c) {
        int i = 0;
        for (Object o : c) {
            if (i++ > MAX_ITEMS) {
                break;
            }
            if (o != null && (o.getClass().isArray() || o instanceof Collection<?> || o instanceof Map<?, ?>)) {
                return true;
            }
        }
        return false;
    }
}
