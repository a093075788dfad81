package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which paths differ between two UnixFS DAGs, found by walking both and descending only where
 * the CIDs differ (equal CIDs mean equal subtrees, so an unchanged folder costs one comparison).
 */
public final class DagDiff {
    /** One difference: CHANGED (both have it, different content), ONLY_LEFT or ONLY_RIGHT. */
    public record Change(String path, Kind kind, Cid left, Cid right) {
        public enum Kind { CHANGED, ONLY_LEFT, ONLY_RIGHT }

        @Override
        public String toString() {
            return switch (kind) {
                case CHANGED -> "changed     " + path;
                case ONLY_LEFT -> "only local  " + path;
                case ONLY_RIGHT -> "only in CID " + path;
            };
        }
    }

    private DagDiff() {
    }

    /** Differences of left (read with l) against right (read with r), paths relative to the roots. */
    public static List<Change> diff(UnixfsReader l, Cid left, UnixfsReader r, Cid right, int limit) throws IOException {
        List<Change> out = new ArrayList<>();
        walk(l, left, r, right, "", out, limit);
        return out;
    }

    private static boolean isDir(UnixfsReader reader, Cid c) throws IOException {
        return c.codec() != Cid.RAW && reader.node(c).isDirectory();
    }

    private static void walk(UnixfsReader l, Cid a, UnixfsReader r, Cid b, String path, List<Change> out, int limit) throws IOException {
        if (a.equals(b) || out.size() >= limit) return;
        if (!(isDir(l, a) && isDir(r, b))) {
            out.add(new Change(path.isEmpty() ? "." : path, Change.Kind.CHANGED, a, b));
            return;
        }
        Map<String, Cid> la = new TreeMap<>();
        for (DirEntry e : l.list(a)) la.put(e.name(), e.cid());
        Map<String, Cid> lb = new TreeMap<>();
        for (DirEntry e : r.list(b)) lb.put(e.name(), e.cid());
        TreeMap<String, Boolean> names = new TreeMap<>();
        la.keySet().forEach(n -> names.put(n, true));
        lb.keySet().forEach(n -> names.put(n, true));
        for (String n : names.keySet()) {
            if (out.size() >= limit) return;
            String p = path.isEmpty() ? n : path + "/" + n;
            Cid x = la.get(n);
            Cid y = lb.get(n);
            if (x == null) out.add(new Change(p, Change.Kind.ONLY_RIGHT, null, y));
            else if (y == null) out.add(new Change(p, Change.Kind.ONLY_LEFT, x, null));
            else walk(l, x, r, y, p, out, limit);
        }
    }
}
