package frontier.text;

/** HTML escaping (element content and quoted attribute values): for the gateway's and file server's listings, and for rich displays. */
public final class Html {
    private Html() {
    }

    /** s with &amp; &lt; &gt; &quot; and &#39; escaped; null gives "". */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b != null) {
                if (r != null) b.append(r);
                else b.append(s.charAt(i));
            }
        }
        return b == null ? s : b.toString();
    }
}
