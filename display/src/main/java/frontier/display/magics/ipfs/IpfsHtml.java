package frontier.display.magics.ipfs;

import frontier.ipfs.importer.ImportResult;
import frontier.magics.ipfs.IpfsAddResult;
import frontier.magics.ipfs.IpfsCatResult;
import frontier.magics.ipfs.IpfsGatewayResult;
import frontier.magics.ipfs.IpfsLsResult;
import frontier.magics.ipfs.IpfsResult;
import frontier.magics.ipfs.IpfsVerifyResult;

import java.util.Locale;
import java.util.Map;

import static frontier.text.Html.escape;

/**
 * {@code %ipfs} results in a notebook: add's summary (root with a copy button, counts, speed,
 * node), cat's bytes under a header line, ls's table, the gateway's link, verify's verdict with
 * a green or red bar, and the other subcommands' text in a pre. Their text is the CLI's.
 */
public final class IpfsHtml {
    private IpfsHtml() {
    }

    public static void add(IpfsAddResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", addHtml(r));
    }

    public static String addHtml(IpfsAddResult added) {
        ImportResult result = added.result();
        String cid = added.root();
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
        row(h, "node", escape(added.node()) + (added.pinned() ? " (pinned)" : ""));
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

    public static void cat(IpfsCatResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", catHtml(r));
    }

    public static String catHtml(IpfsCatResult r) {
        return "<div style=\"font-size:12px;color:#666\">" + escape(r.path()) + " &middot; " + r.size() + " bytes &middot; "
                + escape(r.node()) + "</div><pre style=\"margin:0\">" + escape(r.toString()) + "</pre>";
    }

    public static void ls(IpfsLsResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", lsHtml(r));
    }

    public static String lsHtml(IpfsLsResult r) {
        StringBuilder h = new StringBuilder("<div style=\"font-size:12px;color:#666\">" + escape(r.path()) + " &middot; " + escape(r.node()) + "</div><table>");
        for (IpfsLsResult.Row x : r.rows()) {
            h.append("<tr><td><code>").append(escape(x.cid())).append("</code></td><td style=\"text-align:right;padding:0 8px\">")
                    .append(x.size()).append("</td><td>").append(escape(x.name())).append("</td></tr>");
        }
        return h.append("</table>").toString();
    }

    public static void gateway(IpfsGatewayResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", gatewayHtml(r));
    }

    public static String gatewayHtml(IpfsGatewayResult r) {
        return "<div>IPFS gateway at <a href=\"" + escape(r.url()) + "/ipfs/\" target=\"_blank\"><code>" + escape(r.url())
                + "</code></a> (try <code>/ipfs/CID/path</code>, <code>?format=raw</code>, <code>?format=car</code>)</div>"
                + "<div style=\"font-size:12px;color:#666\">node: embedded (block store " + escape(String.valueOf(r.blockStore())) + ")</div>";
    }

    public static void verify(IpfsVerifyResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", verifyHtml(r));
    }

    public static String verifyHtml(IpfsVerifyResult r) {
        String color = r.ok() ? "#1a7f37" : "#cf222e";
        return "<pre style=\"margin:0;border-left:4px solid " + color + ";padding-left:6px\">" + escape(r.toString()) + "</pre>";
    }

    /** get, id, pin: their text in a pre. */
    public static void text(IpfsResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.text());
        bundle.put("text/html", "<pre style=\"margin:0\">" + escape(r.text()) + "</pre>");
    }
}
