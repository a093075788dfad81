package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;
import frontier.text.TerminalText;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
            String shown = TerminalText.escape(path); // names come from data
            return switch (kind) {
                case CHANGED -> "changed     " + shown;
                case ONLY_LEFT -> "only local  " + shown;
                case ONLY_RIGHT -> "only in CID " + shown;
            };
        }
    }

    private DagDiff() {
    }

    /** Differences of left (read with l) against right (read with r), paths relative to the roots; at most limit. */
    public static List<Change> diff(UnixfsReader l, Cid left, UnixfsReader r, Cid right, int limit) throws IOException {
        List<Change> out = new ArrayList<>();
        // a work stack instead of recursion: a DAG of any depth is compared without exhausting the thread's stack
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(new Pair(left, right, ""));
        while (!todo.isEmpty() && out.size() < limit) {
            Object next = todo.pop();
            if (next instanceof Change c) {
                out.add(c);
                continue;
            }
            Pair p = (Pair) next;
            if (p.a().equals(p.b())) continue;
            if (!(isDir(l, p.a()) && isDir(r, p.b()))) {
                out.add(new Change(p.path().isEmpty() ? "." : p.path(), Change.Kind.CHANGED, p.a(), p.b()));
                continue;
            }
            Map<String, Cid> la = new TreeMap<>();
            for (DirEntry e : l.list(p.a())) la.put(e.name(), e.cid());
            Map<String, Cid> lb = new TreeMap<>();
            for (DirEntry e : r.list(p.b())) lb.put(e.name(), e.cid());
            TreeSet<String> names = new TreeSet<>(la.keySet());
            names.addAll(lb.keySet());
            for (String n : names.descendingSet()) { // pushed in reverse: popped in name order
                String path = p.path().isEmpty() ? n : p.path() + "/" + n;
                Cid x = la.get(n);
                Cid y = lb.get(n);
                if (x == null) todo.push(new Change(path, Change.Kind.ONLY_RIGHT, null, y));
                else if (y == null) todo.push(new Change(path, Change.Kind.ONLY_LEFT, x, null));
                else todo.push(new Pair(x, y, path));
            }
        }
        return out;
    }

    private record Pair(Cid a, Cid b, String path) {
    }

    private static boolean isDir(UnixfsReader reader, Cid c) throws IOException {
        return c.codec() != Cid.RAW && reader.node(c).isDirectory();
    }
}
