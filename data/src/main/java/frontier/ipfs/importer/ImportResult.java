package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Multibase;

import java.util.List;

/**
 * What an add produced: the {@code added} events in Kubo's order, the root(s), and counts.
 *
 * @param roots one per top-level argument (one in all with --wrap); the last is what -Q prints
 */
public record ImportResult(List<AddedEntry> entries, List<Cid> roots, long files, long directories, long bytes,
                           long blocks, long elapsedNanos, Multibase cidBase) {

    public Cid root() {
        return roots.get(roots.size() - 1);
    }

    public String format(Cid cid) {
        return cid.toString(cidBase);
    }

    /** Exactly what Kubo's CLI prints on stdout: {@code added CID NAME} lines, CIDs only (-q), or the root (-Q). */
    public String kuboText(boolean quiet, boolean quieter) {
        StringBuilder sb = new StringBuilder();
        if (quieter) {
            return format(root()) + "\n";
        }
        for (AddedEntry e : entries) {
            if (quiet) {
                sb.append(format(e.cid())).append('\n');
            } else {
                sb.append("added ").append(format(e.cid())).append(' ').append(escapeNonPrintable(e.name())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Kubo escapes names holding a backslash or non-printable characters as a Go quoted string's inside. */
    static String escapeNonPrintable(String s) {
        boolean needs = s.indexOf('\\') >= 0;
        for (int i = 0; i < s.length() && !needs; ) {
            int cp = s.codePointAt(i);
            needs = !printable(cp);
            i += Character.charCount(cp);
        }
        if (!needs) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
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

    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        int t = Character.getType(cp);
        return !(Character.isISOControl(cp) || Character.isWhitespace(cp) || t == Character.UNASSIGNED
                || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.SURROGATE
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR || t == Character.SPACE_SEPARATOR);
    }
}
