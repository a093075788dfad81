package frontier.ipfs.importer;

import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.unixfs.UnixfsData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Directory nodes as boxo builds them: a plain UnixFS Directory with links sorted by name, or,
 * once the "links" size estimate (sum of name bytes + CID bytes) goes past the threshold, a
 * HAMT of UnixFS HAMTShard nodes keyed by murmur3.
 */
final class DirectoryBuilder {
    static final long MURMUR3 = 0x22;

    /** One directory entry: its name and node. */
    record Entry(String name, DagNode node) {
    }

    /** The directory's node and its entries in the order boxo lists them (name order, or HAMT order). */
    record Built(DagNode node, List<String> order, boolean sharded) {
    }

    private DirectoryBuilder() {
    }

    /** boxo's "links" estimate for a directory of these entries. */
    static long estimate(List<Entry> entries) {
        long size = 0;
        for (Entry e : entries) {
            size += e.name().getBytes(StandardCharsets.UTF_8).length + e.node().cid().byteLength();
        }
        return size;
    }

    static Built build(NodeFactory f, List<Entry> entries, long threshold, int fanout, FileLayout.Attributes attrs) {
        if (threshold > 0 && estimate(entries) > threshold) {
            return hamt(f, entries, fanout, attrs);
        }
        List<PbLink> links = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            links.add(new PbLink(e.node().cid(), e.name(), e.node().tsize()));
        }
        DagNode n = f.pbNode(links, UnixfsData.directory(attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos()));
        List<String> order = new ArrayList<>();
        for (PbLink l : frontier.ipfs.dagpb.PbNode.sortLinks(links)) {
            order.add(l.name());
        }
        return new Built(n, order, false);
    }

    private record Keyed(Entry entry, byte[] hash) {
    }

    private static Built hamt(NodeFactory f, List<Entry> entries, int fanout, FileLayout.Attributes attrs) {
        int bits = Integer.numberOfTrailingZeros(fanout);
        if (fanout <= 0 || Integer.bitCount(fanout) != 1 || fanout % 8 != 0) {
            throw new IllegalArgumentException("HAMT fanout must be a positive power of 2 and multiple of 8: " + fanout);
        }
        List<Keyed> keyed = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            keyed.add(new Keyed(e, Murmur3.hamtHash(e.name().getBytes(StandardCharsets.UTF_8))));
        }
        List<String> order = new ArrayList<>();
        DagNode n = shard(f, keyed, 0, bits, fanout, attrs, order);
        return new Built(n, order, true);
    }

    private static DagNode shard(NodeFactory f, List<Keyed> entries, int level, int bits, int fanout,
                                 FileLayout.Attributes attrs, List<String> order) {
        if ((level + 1) * bits > 64) {
            throw new IllegalStateException("sharded directory too deep (murmur3 collision among " + entries.size() + " names)");
        }
        Map<Integer, List<Keyed>> slots = new TreeMap<>();
        for (Keyed k : entries) {
            slots.computeIfAbsent(slot(k.hash(), level * bits, bits), x -> new ArrayList<>()).add(k);
        }
        int pad = Integer.toHexString(fanout - 1).length();
        byte[] bitfield = new byte[fanout / 8];
        List<PbLink> links = new ArrayList<>(slots.size());
        for (Map.Entry<Integer, List<Keyed>> s : slots.entrySet()) {
            int idx = s.getKey();
            bitfield[bitfield.length - 1 - idx / 8] |= (byte) (1 << (idx % 8));
            String prefix = String.format("%0" + pad + "X", idx);
            if (s.getValue().size() == 1) {
                Entry e = s.getValue().get(0).entry();
                links.add(new PbLink(e.node().cid(), prefix + e.name(), e.node().tsize()));
                order.add(e.name());
            } else {
                DagNode child = shard(f, s.getValue(), level + 1, bits, fanout, FileLayout.Attributes.NONE, order);
                links.add(new PbLink(child.cid(), prefix, child.tsize()));
            }
        }
        int first = 0;
        while (first < bitfield.length && bitfield[first] == 0) {
            first++;
        }
        byte[] stripped = first == bitfield.length ? null : java.util.Arrays.copyOfRange(bitfield, first, bitfield.length);
        UnixfsData data = UnixfsData.hamtShard(stripped, fanout, MURMUR3).withStat(attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos());
        return f.pbNode(links, data);
    }

    /** n bits of the hash starting at bit offset, most significant first. */
    static int slot(byte[] hash, int offset, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int bit = offset + i;
            v = (v << 1) | ((hash[bit / 8] >> (7 - bit % 8)) & 1);
        }
        return v;
    }
}
