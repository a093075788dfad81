package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Multibase;
import frontier.text.TerminalText;

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

    /**
     * Exactly what Kubo's CLI prints on stdout: {@code added CID NAME} lines, CIDs only (-q), or the root (-Q).
     * Kubo escapes names holding a backslash or non-printable characters as a Go quoted string's inside.
     */
    public String kuboText(boolean quiet, boolean quieter) {
        StringBuilder sb = new StringBuilder();
        if (quieter) {
            return format(root()) + "\n";
        }
        for (AddedEntry e : entries) {
            if (quiet) {
                sb.append(format(e.cid())).append('\n');
            } else {
                sb.append("added ").append(format(e.cid())).append(' ').append(TerminalText.escape(e.name())).append('\n');
            }
        }
        return sb.toString();
    }
}
