package frontier.display.magics.ipfs;

import frontier.ipfs.VerifyResult;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.importer.ImportResult;
import frontier.magics.ipfs.IpfsAddResult;
import frontier.magics.ipfs.IpfsCatResult;
import frontier.magics.ipfs.IpfsGatewayResult;
import frontier.magics.ipfs.IpfsLsResult;
import frontier.magics.ipfs.IpfsResult;
import frontier.magics.ipfs.IpfsVerifyResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %ipfs results in a notebook; the CIDs are Kubo's t0040 vectors (planets/, mars.txt). */
class IpfsHtmlTest {
    static final Cid PLANETS = Cid.parse("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi");
    static final Cid MARS = Cid.parse("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4");

    static Map<String, Object> bundle() {
        return new LinkedHashMap<>();
    }

    @Test
    void addShowsTheRootWithACopyButtonAndTheCounts() {
        ImportResult r = new ImportResult(List.of(), List.of(PLANETS), 2, 1, 3_000_000, 17, 1_500_000_000L, null);
        IpfsAddResult added = new IpfsAddResult(r, "added " + PLANETS + " planets\n", "embedded (block store /r/<x>)", true);
        Map<String, Object> b = bundle();
        IpfsHtml.add(added, b);
        assertEquals("added " + PLANETS + " planets", b.get("text/plain"), "Kubo's text without its last newline");
        String url = "ipfs://" + PLANETS;
        String row = "<tr><td style=\"padding-right:12px;color:#666\">";
        assertEquals("<div class=\"frontier-ipfs-add\" style=\"font-family:sans-serif;font-size:13px\">"
                + "<div><b>Added to IPFS</b> &middot; root <a href=\"" + url + "\"><code>" + PLANETS + "</code></a> "
                + "<button type=\"button\" title=\"Copy " + url + "\" onclick=\"navigator.clipboard.writeText('" + url + "')\">copy ipfs://</button></div>"
                + "<table style=\"margin-top:4px\">"
                + row + "files</td><td>2</td></tr>"
                + row + "directories</td><td>1</td></tr>"
                + row + "bytes</td><td>3,000,000 (2.9 MiB)</td></tr>"
                + row + "blocks</td><td>17</td></tr>"
                + row + "time</td><td>1.50 s (1.9 MiB/s)</td></tr>"
                + row + "node</td><td>embedded (block store /r/&lt;x&gt;) (pinned)</td></tr>"
                + "</table></div>", b.get("text/html"));
    }

    @Test
    void addThroughADaemonSaysTheDaemonCountsTheBlocks() {
        ImportResult r = new ImportResult(List.of(), List.of(PLANETS), 1, 0, 12, -1, 0, null);
        String html = IpfsHtml.addHtml(new IpfsAddResult(r, "", "IPFS daemon at http://127.0.0.1:5001", false));
        assertTrue(html.contains("<td>- (counted by the daemon)</td>"), html);
        assertTrue(html.contains("<td>12 (12 B)</td>") && html.contains("<td>0.00 s (0 B/s)</td>"), html);
        assertTrue(html.contains("<td>IPFS daemon at http://127.0.0.1:5001</td>"), "not pinned: " + html);
    }

    @Test
    void catShowsWhereTheBytesCameFromAndTheirText() {
        IpfsCatResult text = new IpfsCatResult(PLANETS + "/mars.txt", "Hello <Mars>!\n".getBytes(StandardCharsets.UTF_8), "node: embedded (block store /r)");
        Map<String, Object> b = bundle();
        IpfsHtml.cat(text, b);
        assertEquals("Hello <Mars>!\n", b.get("text/plain"));
        assertEquals("<div style=\"font-size:12px;color:#666\">" + PLANETS + "/mars.txt &middot; 14 bytes &middot; node: embedded (block store /r)</div>"
                + "<pre style=\"margin:0\">Hello &lt;Mars&gt;!\n</pre>", b.get("text/html"));
        IpfsCatResult binary = new IpfsCatResult(MARS.toString(), new byte[]{(byte) 0xff, 0}, "node: x");
        assertTrue(IpfsHtml.catHtml(binary).endsWith("<pre style=\"margin:0\">&lt;2 bytes of binary data from " + MARS + "&gt;</pre>"));
    }

    @Test
    void lsIsATableUnderTheNodeLine() {
        IpfsLsResult ls = new IpfsLsResult(PLANETS.toString(), List.of(new IpfsLsResult.Row(MARS.toString(), "12", "mars.txt"),
                new IpfsLsResult.Row(PLANETS.toString(), "-", "<moons>/")), "node: embedded (block store /r)");
        Map<String, Object> b = bundle();
        IpfsHtml.ls(ls, b);
        assertEquals(MARS + " 12 mars.txt\n" + PLANETS + "  - <moons>/\nnode: embedded (block store /r)", b.get("text/plain"));
        assertEquals("<div style=\"font-size:12px;color:#666\">" + PLANETS + " &middot; node: embedded (block store /r)</div><table>"
                + "<tr><td><code>" + MARS + "</code></td><td style=\"text-align:right;padding:0 8px\">12</td><td>mars.txt</td></tr>"
                + "<tr><td><code>" + PLANETS + "</code></td><td style=\"text-align:right;padding:0 8px\">-</td><td>&lt;moons&gt;/</td></tr>"
                + "</table>", b.get("text/html"));
    }

    @Test
    void theGatewayIsALink() {
        IpfsGatewayResult g = new IpfsGatewayResult("http://127.0.0.1:8080", Path.of("/r/blocks"));
        Map<String, Object> b = bundle();
        IpfsHtml.gateway(g, b);
        assertEquals("http://127.0.0.1:8080\nnode: embedded (block store /r/blocks)", b.get("text/plain"));
        assertEquals("<div>IPFS gateway at <a href=\"http://127.0.0.1:8080/ipfs/\" target=\"_blank\"><code>http://127.0.0.1:8080</code></a>"
                + " (try <code>/ipfs/CID/path</code>, <code>?format=raw</code>, <code>?format=car</code>)</div>"
                + "<div style=\"font-size:12px;color:#666\">node: embedded (block store /r/blocks)</div>", b.get("text/html"));
    }

    @Test
    void verifyHasAGreenOrRedBar() {
        IpfsVerifyResult ok = new IpfsVerifyResult(new VerifyResult(Path.of("planets"), PLANETS, PLANETS, null, List.of()), "planets", "node: x");
        Map<String, Object> b = bundle();
        IpfsHtml.verify(ok, b);
        assertEquals("OK planets holds exactly " + PLANETS + "\nnode: x", b.get("text/plain"));
        assertEquals("<pre style=\"margin:0;border-left:4px solid #1a7f37;padding-left:6px\">OK planets holds exactly " + PLANETS + "\nnode: x</pre>",
                b.get("text/html"));
        IpfsVerifyResult bad = new IpfsVerifyResult(new VerifyResult(Path.of("<p>"), MARS, PLANETS, null, List.of()), "<p>", "node: x");
        assertTrue(IpfsHtml.verifyHtml(bad).startsWith("<pre style=\"margin:0;border-left:4px solid #cf222e;padding-left:6px\">DIFFERENT: &lt;p&gt; imports as "),
                IpfsHtml.verifyHtml(bad));
    }

    @Test
    void otherSubcommandsShowTheirTextInAPre() {
        Map<String, Object> b = bundle();
        IpfsHtml.text(new IpfsResult("pinned " + PLANETS + " recursively\nnode: <d>"), b);
        assertEquals("pinned " + PLANETS + " recursively\nnode: <d>", b.get("text/plain"));
        assertEquals("<pre style=\"margin:0\">pinned " + PLANETS + " recursively\nnode: &lt;d&gt;</pre>", b.get("text/html"));
    }
}
