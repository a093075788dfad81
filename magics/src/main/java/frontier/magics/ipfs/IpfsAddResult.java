package frontier.magics.ipfs;

import frontier.display.Displayable;
import frontier.ipfs.importer.ImportResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static frontier.text.Html.escape;

/** The result of {@code ipfs add}: Kubo's text as toString, an HTML summary in a notebook. */
public final class IpfsAddResult implements Displayable {
    private final ImportResult result;
    private final String text;
    private final String node;
    private final boolean pinned;

    public IpfsAddResult(ImportResult result, String text, String node, boolean pinned) {
        this.result = result;
        this.text = text;
        this.node = node;
        this.pinned = pinned;
    }

    public ImportResult result() {
        return result;
    }

    /** The root CID as printed (with --cid-base applied). */
    public String root() {
        return result.format(result.root());
    }

    /** Exactly Kubo's stdout for the same flags (no trailing newline). */
    @Override
    public String toString() {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("text/html", html());
        return m;
    }

    String html() {
        String cid = root();
        String url = "ipfs://" + cid;
        double secs = result.elapsedNanos() / 1e9;
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"frontier-ipfs-add\" style=\"font-family:sans-serif;font-size:13px\">");
        h.append("<div><b>Added to IPFS</b> &middot; root ")
                .append("<a href=\"").append(escape(url)).append("\"><code>").append(escape(cid)).append("</code></a> ")
                .append("<button type=\"button\" title=\"Copy ").append(escape(url)).append("\" onclick=\"navigator.clipboard.writeText('")
                .append(escape(url)).append("')\">copy ipfs://</button></div>");
        h.append("<table style=\"margin-top:4px\">");
        row(h, "files", String.format(Locale.ROOT, "%,d", result.files()));
        row(h, "directories", String.format(Locale.ROOT, "%,d", result.directories()));
        row(h, "bytes", String.format(Locale.ROOT, "%,d (%s)", result.bytes(), human(result.bytes())));
        row(h, "blocks", result.blocks() < 0 ? "- (counted by the daemon)" : String.format(Locale.ROOT, "%,d", result.blocks()));
        row(h, "time", String.format(Locale.ROOT, "%.2f s (%s/s)", secs, human(secs > 0 ? (long) (result.bytes() / secs) : 0)));
        row(h, "node", escape(node) + (pinned ? " (pinned)" : ""));
        h.append("</table></div>");
        return h.toString();
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td style=\"padding-right:12px;color:#666\">").append(k).append("</td><td>").append(v).append("</td></tr>");
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

}
