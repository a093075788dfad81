package frontier.spark;

import frontier.display.Displayable;
import frontier.text.Html;
import frontier.spark.ipfs.DriverNode;
import frontier.spark.ipfs.NodeCounts;
import frontier.spark.ipfs.NodeReport;
import frontier.spark.ipfs.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code %spark status}: one line per executor, starting with the word "executor": its id, host,
 * process id, IPFS node (daemon or embedded, and its gateway), and the blocks it holds, served, fetched from
 * peers and from gateways; then the driver's routing endpoint and the kernel's node; then who
 * fetched what from whom (one row per executor and source, with what the last compute() fetched)
 * and the peers outside the cluster that executors ask too. The HTML form is made of tables, with
 * links to Spark's web UI.
 */
public record ClusterStatus(String master, String uiUrl, int jobsRunning, List<Row> executors, String driverLine,
                            List<Transfer> transfers, LastCompute lastCompute, List<String> outsidePeers, List<String> notes) implements Displayable {
    /** One executor as the status shows it. */
    public record Row(String id, String host, long pid, String node, String gateway, NodeCounts counts, String state) {
        public String line() {
            NodeCounts c = counts == null ? NodeCounts.NONE : counts;
            return "executor " + id + "  " + host + (pid > 0 ? "  pid " + pid : "") + "  " + node + (gateway == null ? "" : " " + gateway)
                    + "  holds " + c.holds() + " blocks, served " + c.served() + ", fetched " + c.fromPeers() + " from peers and "
                    + c.fromGateways() + " from gateways"
                    + (c.refused() > 0 ? ", refused " + c.refused() : "")
                    + (state == null ? "" : "  (" + state + ")");
        }
    }

    /** Blocks one executor got from one source: verified (in all, and in the last compute()) and refused. */
    public record Transfer(String by, String from, long blocks, long blocksLastCompute, long refused) {
    }

    /** What the executors fetched over the network during the last compute(). */
    public record LastCompute(long fromPeers, long fromGateways, long refused) {
        public long fetched() {
            return fromPeers + fromGateways;
        }

        String sentence() {
            return "the last compute() fetched " + fetched() + " block" + (fetched() == 1 ? "" : "s") + " over the network ("
                    + fromPeers + " from peers, " + fromGateways + " from gateways)" + (refused > 0 ? " and refused " + refused : "");
        }
    }

    static final List<String> TRANSFER_COLUMNS = List.of("fetched by", "from", "blocks", "in the last compute()", "refused");

    static ClusterStatus of(SparkScheduler s) {
        DriverNode node = s.driverNode();
        List<Row> rows = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        Map<String, NodeCounts> before = s.countsBeforeLastCompute();
        long lastPeers = 0, lastGateways = 0, lastRefused = 0;
        Map<String, RunListener.Seen> seen = new LinkedHashMap<>(s.listener().executors);
        if (node != null) {
            List<NodeReport> reports = new ArrayList<>(node.index().nodes());
            reports.sort(Comparator.comparing((NodeReport r) -> r.executorId().length()).thenComparing(NodeReport::executorId));
            for (NodeReport r : reports) {
                RunListener.Seen sn = seen.remove(r.executorId());
                String state = r.lost() ? "lost" + (sn != null && sn.removedReason() != null ? ": " + sn.removedReason() : "") : null;
                rows.add(new Row(r.executorId(), r.host(), r.pid(), r.kind() + " node" + (r.daemonApi() != null ? " (API " + r.daemonApi() + ")" : "") + ", gateway",
                        r.gatewayUrl(), r.counts(), state));
                NodeCounts now = r.counts() == null ? NodeCounts.NONE : r.counts();
                NodeCounts then = before == null ? null : before.getOrDefault(r.executorId(), NodeCounts.NONE);
                TreeSet<String> sources = new TreeSet<>(sourceOrder());
                sources.addAll(now.fetchedFrom().keySet());
                sources.addAll(now.refusedFrom().keySet());
                for (String from : sources) {
                    long f = now.fetchedFrom().getOrDefault(from, 0L), x = now.refusedFrom().getOrDefault(from, 0L);
                    long fl = then == null ? 0 : f - then.fetchedFrom().getOrDefault(from, 0L);
                    transfers.add(new Transfer("executor " + r.executorId(), from, f, fl, x));
                }
                if (then != null) {
                    lastPeers += now.fromPeers() - then.fromPeers();
                    lastGateways += now.fromGateways() - then.fromGateways();
                    lastRefused += now.refused() - then.refused();
                }
                if (now.lastRefusal() != null) notes.add("executor " + r.executorId() + " " + now.lastRefusal());
                if (now.routingFailures() > 0) {
                    notes.add("executor " + r.executorId() + " could not reach the routing endpoint " + now.routingFailures() + " times (fell back to the gateways)");
                }
            }
            for (Provider p : node.index().outsidePeers()) {
                outside.add("peer " + p.name() + "  gateway " + p.gatewayUrl() + "  (executors ask it first for every block, and check what it gives)");
            }
        }
        for (RunListener.Seen sn : seen.values()) {
            rows.add(new Row(sn.id(), sn.host(), 0, "no IPFS node reported", null, null, sn.removedReason() == null ? null : "lost: " + sn.removedReason()));
        }
        if (s.parsedMaster().kind() == Master.Kind.LOCAL) {
            rows.add(new Row("driver", s.bindAddress(), ProcessHandle.current().pid(), "the kernel's node (local mode runs tasks in the kernel's JVM)", null, null, null));
        }
        String driverHost = "driver " + s.bindAddress() + "  pid " + ProcessHandle.current().pid();
        String driver = node == null ? driverHost + "  no IPFS plugin"
                : driverHost + "  routing " + node.routingUrl() + "/routing/v1 (" + node.routingLookups() + " lookups)"
                + "  kernel node gateway " + node.kernelGatewayUrl() + " (served " + node.kernelServed() + " blocks)";
        int jobs = s.isClosed() ? 0 : s.context().statusTracker().getActiveJobIds().length;
        LastCompute last = before == null || node == null ? null : new LastCompute(lastPeers, lastGateways, lastRefused);
        return new ClusterStatus(s.master(), s.uiUrl(), jobs, rows, driver, transfers, last, outside, notes);
    }

    /** Sources in a reading order: the kernel, executors by number, then the rest by name. */
    private static Comparator<String> sourceOrder() {
        return Comparator.comparing((String f) -> f.equals("the kernel") ? 0 : f.startsWith("executor ") ? 1 : 2)
                .thenComparing(f -> f.startsWith("executor ") ? f.length() : 0)
                .thenComparing(f -> f);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("spark " + master + ": " + executors.size() + " executor" + (executors.size() == 1 ? "" : "s")
                + ", " + jobsRunning + " job" + (jobsRunning == 1 ? "" : "s") + " running" + (uiUrl == null ? "" : ", UI " + uiUrl) + "\n");
        for (Row r : executors) b.append(r.line()).append('\n');
        b.append(driverLine);
        for (String p : outsidePeers) b.append('\n').append(p);
        if (!transfers.isEmpty()) {
            b.append("\nwho fetched what from whom (blocks):");
            List<List<String>> table = new ArrayList<>();
            table.add(TRANSFER_COLUMNS);
            for (Transfer t : transfers) {
                table.add(List.of(t.by(), t.from(), Long.toString(t.blocks()), Long.toString(t.blocksLastCompute()), Long.toString(t.refused())));
            }
            int[] w = new int[TRANSFER_COLUMNS.size()];
            for (List<String> row : table) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row.get(i).length());
            for (List<String> row : table) {
                b.append("\n");
                for (int i = 0; i < w.length; i++) {
                    String v = row.get(i);
                    String pad = " ".repeat(w[i] - v.length());
                    b.append("  ").append(i < 2 ? v + pad : pad + v); // names left, numbers right
                }
                int end = b.length();
                while (b.charAt(end - 1) == ' ') end--;
                b.setLength(end);
            }
        }
        if (lastCompute != null) b.append('\n').append(lastCompute.sentence());
        for (String n : notes) b.append('\n').append(n);
        return b.toString();
    }

    @Override
    public Map<String, Object> mimeBundle() {
        StringBuilder h = new StringBuilder("<div class=\"frontier-spark-status\"><p>Spark <code>").append(Html.escape(master)).append("</code>, ")
                .append(jobsRunning).append(jobsRunning == 1 ? " job" : " jobs").append(" running");
        if (uiUrl != null) {
            h.append(" &mdash; <a href=\"").append(Html.escape(uiUrl)).append("\" target=\"_blank\">Spark UI</a>, <a href=\"")
                    .append(Html.escape(uiUrl)).append("/executors/\" target=\"_blank\">executors</a>");
        }
        h.append("</p>");
        head(h, List.of("executor", "host", "pid", "IPFS node", "gateway", "holds", "served", "from peers", "from gateways", "refused", "state"));
        for (Row r : executors) {
            NodeCounts c = r.counts() == null ? NodeCounts.NONE : r.counts();
            h.append("<tr><td>").append(Html.escape(r.id())).append("</td><td>").append(Html.escape(r.host())).append("</td><td>")
                    .append(r.pid() > 0 ? Long.toString(r.pid()) : "").append("</td><td>")
                    .append(Html.escape(r.node())).append("</td><td>")
                    .append(r.gateway() == null ? "" : "<code>" + Html.escape(r.gateway()) + "</code>").append("</td>");
            for (long v : new long[]{c.holds(), c.served(), c.fromPeers(), c.fromGateways(), c.refused()}) number(h, v);
            h.append("<td>").append(r.state() == null ? "running" : Html.escape(r.state())).append("</td></tr>");
        }
        h.append("</tbody></table><p>").append(Html.escape(driverLine)).append("</p>");
        for (String p : outsidePeers) h.append("<p>").append(Html.escape(p)).append("</p>");
        if (!transfers.isEmpty()) {
            h.append("<p>Who fetched what from whom (blocks):</p>");
            head(h, TRANSFER_COLUMNS);
            for (Transfer t : transfers) {
                h.append("<tr><td>").append(Html.escape(t.by())).append("</td><td>").append(Html.escape(t.from())).append("</td>");
                for (long v : new long[]{t.blocks(), t.blocksLastCompute(), t.refused()}) number(h, v);
                h.append("</tr>");
            }
            h.append("</tbody></table>");
        }
        if (lastCompute != null) h.append("<p>").append(Html.escape(lastCompute.sentence())).append("</p>");
        for (String n : notes) h.append("<p>").append(Html.escape(n)).append("</p>");
        h.append("</div>");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("text/html", h.toString());
        return m;
    }

    private static void head(StringBuilder h, List<String> columns) {
        h.append("<table><thead><tr>");
        for (String c : columns) h.append("<th style=\"text-align:left\">").append(Html.escape(c)).append("</th>");
        h.append("</tr></thead><tbody>");
    }

    private static void number(StringBuilder h, long v) {
        h.append("<td style=\"text-align:right\">").append(v).append("</td>");
    }
}
