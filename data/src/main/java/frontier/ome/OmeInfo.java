package frontier.ome;

import frontier.text.TerminalText;

import java.util.List;

/**
 * The result of {@code ome_zarr info}: the nodes walked, in order. {@link #toString()} is the
 * text ome-zarr-py prints (the HTML tree is the display module's).
 */
public final class OmeInfo {
    private final String source;
    private final List<OmeNode> nodes;
    private final List<String> warnings;
    private final long requests;
    private final boolean stats;

    OmeInfo(String source, List<OmeNode> nodes, List<String> warnings, long requests, boolean stats) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
        this.warnings = List.copyOf(warnings);
        this.requests = requests;
        this.stats = stats;
    }

    public String source() {
        return source;
    }

    public List<OmeNode> nodes() {
        return nodes;
    }

    /** Problems that did not stop the walk (a malformed omero block, a label without its image). */
    public List<String> warnings() {
        return warnings;
    }

    /** Requests (HTTP) or reads the walk made. */
    public long requests() {
        return requests;
    }

    /** ome-zarr-py's text without its final newline (hosts print it with println). */
    @Override
    public String toString() {
        String t = text();
        return t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
    }

    /**
     * ome-zarr-py's text, one line per item, each ending in a newline. Names come from the data, so
     * their control characters are escaped (a label named ESC [2J must not clear the screen).
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (OmeNode n : nodes) {
            if (n.specs().isEmpty()) {
                sb.append("not an ome-zarr node: ").append(TerminalText.escape(n.header())).append('\n');
                continue;
            }
            sb.append(TerminalText.escape(n.header())).append('\n');
            sb.append(" - metadata\n");
            for (String s : n.specs()) sb.append("   - ").append(s).append('\n');
            sb.append(" - data\n");
            for (int i = 0; i < n.levels().size(); i++) {
                sb.append("   - ").append(ArrayInfo.tuple(n.levels().get(i).shape()));
                if (stats && i < n.stats().size() && n.stats().get(i) != null) {
                    Number[] mm = n.stats().get(i);
                    sb.append(" minmax=(").append(num(mm[0])).append(", ").append(num(mm[1])).append(')');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A number as Python prints it: "3.0", "nan", "inf", "2456". */
    public static String num(Number n) {
        if (n == null) return "nan";
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) return "nan";
            if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e16) return String.format("%.1f", d);
            return Double.toString(d);
        }
        return n.toString();
    }

    /** Whether the walk computed each level's minimum and maximum ({@code --stats}). */
    public boolean hasStats() {
        return stats;
    }
}
