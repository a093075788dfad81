package frontier.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master as the user writes it: {@code local[N]} / {@code local[*]} (threads in this JVM),
 * {@code local-cluster[WORKERS,CORES,MB]} (a master and workers in this JVM, each executor its own
 * JVM), or {@code spark://HOST:PORT[,HOST:PORT]} (a standalone cluster). Anything else is refused
 * with the forms that work.
 */
public record Master(String url, Kind kind, int workers, int cores, int memoryMb, List<String> hosts, List<Integer> ports) {
    public enum Kind { LOCAL, LOCAL_CLUSTER, STANDALONE }

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.\\-]+):(\\d{1,5})");

    public static final String FORMS = "local[N], local[*], local-cluster[WORKERS,CORES,MB] or spark://HOST:PORT";

    public static Master parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no Spark master given: expected " + FORMS);
        String s = text.strip();
        Matcher m = LOCAL.matcher(s);
        if (m.matches()) {
            int n = m.group(1) == null ? 1 : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
            if (n < 1) throw malformed(s, "local[N] needs at least one thread");
            return new Master(s, Kind.LOCAL, 0, n, 0, List.of(), List.of());
        }
        m = LOCAL_CLUSTER.matcher(s);
        if (m.matches()) {
            int w = parseInt(m.group(1), s), c = parseInt(m.group(2), s), mb = parseInt(m.group(3), s);
            if (w < 1 || c < 1) throw malformed(s, "a local cluster needs at least one worker with one core");
            if (mb < 384) throw malformed(s, "each worker needs at least 384 MB for its executor (Spark's minimum), got " + mb);
            return new Master(s, Kind.LOCAL_CLUSTER, w, c, mb, List.of(), List.of());
        }
        if (s.startsWith("spark://")) {
            List<String> hosts = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            for (String hp : s.substring("spark://".length()).split(",")) {
                Matcher h = HOST_PORT.matcher(hp.strip());
                if (!h.matches()) throw malformed(s, "'" + hp + "' is not HOST:PORT");
                int port = Integer.parseInt(h.group(2));
                if (port < 1 || port > 65535) throw malformed(s, "port " + port + " is out of range");
                String host = h.group(1);
                if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
                hosts.add(host);
                ports.add(port);
            }
            return new Master(s, Kind.STANDALONE, 0, 0, 0, List.copyOf(hosts), List.copyOf(ports));
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("yarn") || lower.startsWith("k8s://") || lower.startsWith("mesos://")) {
            throw malformed(s, "only local and standalone masters are supported here");
        }
        throw malformed(s, null);
    }

    private static int parseInt(String v, String s) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw malformed(s, v + " is too large");
        }
    }

    private static IllegalArgumentException malformed(String s, String why) {
        return new IllegalArgumentException("malformed Spark master '" + s + "'" + (why == null ? "" : ": " + why) + "; expected " + FORMS);
    }

    /** Executors the cluster starts for this application (local mode runs tasks in the driver: 0). */
    public int expectedExecutors() {
        return switch (kind) {
            case LOCAL -> 0;
            case LOCAL_CLUSTER -> workers;
            case STANDALONE -> 1;
        };
    }

    /** True when every host of the master is a loopback address (so the driver can stay on loopback too). */
    public boolean loopback() {
        for (String h : hosts) {
            if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("::1"))) return false;
        }
        return true;
    }
}
