package frontier.magics.ipfs;

import java.util.List;

/**
 * {@code ipfs ls}'s listing: one row per entry (its CID, its size or "-" for a directory, its name,
 * escaped for the terminal, with '/' for a directory), printed in Kubo's columns, then the node line.
 */
public record IpfsLsResult(String path, List<Row> rows, String node) {
    public record Row(String cid, String size, String name) {
    }

    public IpfsLsResult {
        rows = List.copyOf(rows);
    }

    @Override
    public String toString() {
        StringBuilder t = new StringBuilder();
        int w = rows.stream().mapToInt(x -> x.size().length()).max().orElse(1);
        for (Row x : rows) t.append(x.cid()).append(' ').append(" ".repeat(w - x.size().length())).append(x.size()).append(' ').append(x.name()).append('\n');
        return t.append(node).toString();
    }
}
