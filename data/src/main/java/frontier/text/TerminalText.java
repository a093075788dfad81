package frontier.text;

/**
 * Text from data (file names, keys, metadata) made safe to print on a terminal: characters that
 * are not printable (control characters such as ESC, which could move the cursor or rewrite the
 * screen, format and private-use characters, unusual spaces) and the backslash are written the
 * way Go's {@code %q} writes them inside quotes ({@code \x1b}, {@code \n}, {@code \u200b},
 * {@code \\}). Kubo prints names in {@code ipfs add} this way. A string with nothing to escape is
 * returned as it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** s with its non-printable characters and backslashes escaped. */
    public static String escape(String s) {
        if (s == null) return "null";
        if (!needsEscape(s)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (printable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x80) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** True when {@link #escape} would change s. */
    public static boolean needsEscape(String s) {
        if (s.indexOf('\\') >= 0) return true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!printable(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean printable(int cp) {
        if (cp == ' ') return true;
        int t = Character.getType(cp);
        return !(Character.isISOControl(cp) || Character.isWhitespace(cp) || t == Character.UNASSIGNED
                || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.SURROGATE
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR || t == Character.SPACE_SEPARATOR);
    }
}
