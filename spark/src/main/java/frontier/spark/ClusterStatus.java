package frontier.spark;

import frontier.display.Displayable;
import frontier.text.Html;
import frontier.spark.ipfs.DriverNode;
import frontier.spark.ipfs.NodeCounts;
import frontier.spark.ipfs.NodeReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %spark status}: one line per executor, starting with the word "executor": its id, host,
 * IPFS node (daemon or embedded, and its gateway), and the blocks it holds, served, fetched from
 * peers and from gateways; then the driver's routing endpoint and the kernel's node. The HTML form
 * is a table with links to Spark's web UI.
 */
public record ClusterStatus(String master, String uiUrl, int jobsRunning, List<Row> executors, String driverLine, List<String> notes) implements Displayable {
    /** One executor as the status shows it. */
    public record Row(String id, String host, String node, String gateway, NodeCounts counts, String state) {
        public String line() {
            NodeCounts c = counts == null ? NodeCounts.NONE : counts;
            return "executor " + id + "  " + host + "  " + node + (gateway == null ? "" : " " + gateway)
                    + "  holds " + c.holds() + " blocks, served " + c.served() + ", fetched " + c.fromPeers() + " from peers and "
                    + c.fromGateways() + " from gateways"
                    + (c.refused() > 0 ? ", refused " + c.refused() : "")
                    + (state == null ? "" : "  (" + state + ")");
        }
    }

    static ClusterStatus of(SparkScheduler s) {
        DriverNode node = DriverNode.current();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, RunListener.Seen> seen = new LinkedHashMap<>(s.listener().executors);
        if (node != null) {
            List<NodeReport> reports = new ArrayList<>(node.index().nodes());
            reports.sort(java.util.Comparator.comparing((NodeReport r) -> r.executorId().length()).thenComparing(NodeReport::executorId));
            for (NodeReport r : reports) {
                RunListener.Seen sn = seen.remove(r.executorId());
                String state = r.lost() ? "lost" + (sn != null && sn.removedReason() != null ? ": " + sn.removedReason() : "") : null;
                rows.add(new Row(r.executorId(), r.host(), r.kind() + " node" + (r.daemonApi() != null ? " (API " + r.daemonApi() + ")" : "") + ", gateway",
                        r.gatewayUrl(), r.counts(), state));
                if (r.counts() != null && r.counts().lastRefusal() != null) notes.add("executor " + r.executorId() + " " + r.counts().lastRefusal());
                if (r.counts() != null && r.counts().routingFailures() > 0) {
                    notes.add("executor " + r.executorId() + " could not reach the routing endpoint " + r.counts().routingFailures() + " times (fell back to the gateways)");
                }
            }
        }
        for (RunListener.Seen sn : seen.values()) {
            rows.add(new Row(sn.id(), sn.host(), "no IPFS node reported", null, null, sn.removedReason() == null ? null : "lost: " + sn.removedReason()));
        }
        if (s.parsedMaster().kind() == Master.Kind.LOCAL) {
            rows.add(new Row("driver", s.bindAddress(), "the kernel's node (local mode runs tasks in the kernel's JVM)", null, null, null));
        }
        String driver = node == null ? "driver " + s.bindAddress() + "  no IPFS plugin"
                : "driver " + s.bindAddress() + "  routing " + node.routingUrl() + "/routing/v1 (" + node.routingLookups() + " lookups)"
                + "  kernel node gateway " + node.kernelGatewayUrl() + " (served " + node.kernelServed() + " blocks)";
        int jobs = s.isClosed() ? 0 : s.context().statusTracker().getActiveJobIds().length;
        return new ClusterStatus(s.master(), s.uiUrl(), jobs, rows, driver, notes);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("spark " + master + ": " + executors.size() + " executor" + (executors.size() == 1 ? "" : "s")
                + ", " + jobsRunning + " job" + (jobsRunning == 1 ? "" : "s") + " running" + (uiUrl == null ? "" : ", UI " + uiUrl) + "\n");
        for (Row r : executors) b.append(r.line()).append('\n');
        b.append(driverLine);
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
        h.append("</p><table><thead><tr>");
        for (String c : List.of("executor", "host", "IPFS node", "gateway", "holds", "served", "from peers", "from gateways", "refused", "state")) {
            h.append("<th style=\"text-align:left\">").append(c).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Row r : executors) {
            NodeCounts c = r.counts() == null ? NodeCounts.NONE : r.counts();
            h.append("<tr><td>").append(Html.escape(r.id())).append("</td><td>").append(Html.escape(r.host())).append("</td><td>")
                    .append(Html.escape(r.node())).append("</td><td>")
                    .append(r.gateway() == null ? "" : "<code>" + Html.escape(r.gateway()) + "</code>").append("</td>");
            for (long v : new long[]{c.holds(), c.served(), c.fromPeers(), c.fromGateways(), c.refused()}) h.append("<td style=\"text-align:right\">").append(v).append("</td>");
            h.append("<td>").append(r.state() == null ? "running" : Html.escape(r.state())).append("</td></tr>");
        }
        h.append("</tbody></table><p>").append(Html.escape(driverLine)).append("</p>");
        for (String n : notes) h.append("<p>").append(Html.escape(n)).append("</p>");
        h.append("</div>");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("text/html", h.toString());
        return m;
    }
}
