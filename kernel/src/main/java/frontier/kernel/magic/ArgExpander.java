package frontier.kernel.magic;

import java.util.function.Function;

/**
 * IPython's variable expansion in magic and shell lines: {@code $name} becomes the value of the
 * session variable name, {@code ${expr}} the value of a Java expression, {@code $$} a literal $.
 * A {@code $name} that is not a variable stays as written (so shell variables still reach !cmd).
 */
final class ArgExpander {
    private ArgExpander() {
    }

    /**
     * @param variable returns the value of a session variable, or null when there is none of that name
     * @param expression evaluates a Java expression (errors propagate as exceptions)
     */
    static String expand(String line, Function<String, Object> variable, Function<String, Object> expression) {
        if (line == null || line.indexOf('$') < 0) return line;
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '$' || i + 1 >= line.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = line.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i += 2;
            } else if (n == '{') {
                int end = matchingBrace(line, i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed ${ in: " + line);
                out.append(expression.apply(line.substring(i + 2, end)));
                i = end + 1;
            } else if (Character.isJavaIdentifierStart(n)) {
                int j = i + 1;
                while (j < line.length() && Character.isJavaIdentifierPart(line.charAt(j)) && line.charAt(j) != '$') j++;
                String name = line.substring(i + 1, j);
                Object v = variable.apply(name);
                out.append(v == null ? line.substring(i, j) : String.valueOf(v));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            if (s.charAt(k) == '{') depth++;
            else if (s.charAt(k) == '}' && --depth == 0) return k;
        }
        return -1;
    }
}
