package frontier.text;

/**
 * Text from data (file names, keys, metadata) made safe to print on a terminal: control characters
 * are shown as escapes instead of being sent, so that a name holding ESC [ 2 J cannot clear the
 * screen, recolour what follows or forge lines of output.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * s with C0 controls, DEL and C1 controls written as {@code \x1b} (and {@code \n}, {@code \r},
     * {@code \t}), and the Unicode line separators and bidirectional overrides as {@code \u202e}; a
     * backslash stays as is. null gives "null".
     */
    public static String escape(String s) {
        if (s == null) return "null";
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) sb.append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c <= 0xFF) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
