package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.importer.Murmur3;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads UnixFS DAGs through a {@link BlockFetcher}: resolves {@code CID/a/b} through plain and
 * HAMT-sharded directories (following symlinks that stay inside the root), reads whole files and
 * byte ranges (fetching only the leaves a range covers, concurrently), and lists directories.
 * <p>
 * Content under a CID never changes, so decoded directory nodes and resolved paths are cached
 * (bounded): reading thousands of Zarr chunks from one directory decodes it once.
 */
public final class UnixfsReader {
    private static final int MAX_SYMLINK_HOPS = 32;
    private static final int MAX_CACHE = 200_000;

    private final BlockFetcher fetcher;
    private final ConcurrentHashMap<Cid, UnixfsNode> nodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Cid, Map<String, Cid>> dirIndex = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<Cid>> paths = new ConcurrentHashMap<>();

    public UnixfsReader(BlockFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public BlockFetcher fetcher() {
        return fetcher;
    }

    /** The decoded node for a CID (fetched and verified by the fetcher). */
    public UnixfsNode node(Cid cid) throws IOException {
        UnixfsNode n = nodes.get(cid);
        if (n != null) return n;
        n = UnixfsNode.decode(cid, fetcher.get(cid));
        cacheNode(n);
        return n;
    }

    private UnixfsNode decode(Cid cid, byte[] block) throws IOException {
        UnixfsNode n = UnixfsNode.decode(cid, block);
        cacheNode(n);
        return n;
    }

    private void cacheNode(UnixfsNode n) {
        // Directories, shards and symlinks are small and looked at again and again; file data is not kept.
        if (n.raw() == null && (n.kind() != UnixfsNode.Kind.FILE || n.data().data() == null || n.data().data().length == 0)) {
            if (nodes.size() > MAX_CACHE) nodes.clear();
            nodes.put(n.cid(), n);
        }
    }

    // ---- paths ----

    public Cid resolve(IpfsPath path) throws IOException {
        Cid c = resolveOrNull(path.root(), path.segments());
        if (c == null) throw new IpfsPathNotFoundException("no such file or directory: " + path);
        return c;
    }

    public Cid resolve(String path) throws IOException {
        return resolve(IpfsPath.parse(path));
    }

    /**
     * The CID the path names (symlinks followed), or null when some segment does not exist or
     * runs through a file. Fetch failures (a block nobody has, a timeout, wrong bytes) are thrown,
     * never turned into null: a missing block is not a missing file.
     */
    public Cid resolveOrNull(Cid root, List<String> segments) throws IOException {
        if (segments.isEmpty()) return followIfSymlink(root, root, List.of());
        String key = root + "/" + String.join("/", segments);
        Optional<Cid> cached = paths.get(key);
        if (cached != null) return cached.orElse(null);
        Cid c = walk(root, segments);
        if (paths.size() > MAX_CACHE) paths.clear();
        paths.put(key, Optional.ofNullable(c));
        return c;
    }

    private Cid followIfSymlink(Cid root, Cid c, List<String> segs) throws IOException {
        if (c.codec() == Cid.RAW) return c;
        if (node(c).kind() == UnixfsNode.Kind.SYMLINK) return walk(root, segs); // a root symlink: refuse below
        return c;
    }

    private Cid walk(Cid root, List<String> segments) throws IOException {
        Deque<String> todo = new ArrayDeque<>(segments);
        List<Cid> stack = new ArrayList<>();   // directories from the root down to the current one
        List<String> names = new ArrayList<>();
        stack.add(root);
        int hops = 0;
        Cid current = root;
        UnixfsNode rootNode = root.codec() == Cid.RAW ? null : node(root);
        if (rootNode != null && rootNode.kind() == UnixfsNode.Kind.SYMLINK) {
            throw new IpfsPathNotFoundException("ipfs://" + root + " is a symlink to '" + rootNode.symlinkTarget()
                    + "', which points outside its CID (not followed)");
        }
        while (!todo.isEmpty()) {
            String seg = todo.poll();
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) { // only from symlink targets: IpfsPath refuses ".."
                if (stack.size() <= 1) throw outside(root, names);
                stack.remove(stack.size() - 1);
                names.remove(names.size() - 1);
                current = stack.get(stack.size() - 1);
                continue;
            }
            if (current.codec() == Cid.RAW) return null;
            UnixfsNode dir = node(current);
            if (!dir.isDirectory()) return null; // a path through a file names nothing
            Cid child = lookup(dir, seg);
            if (child == null) return null;
            if (child.codec() == Cid.DAG_PB) {
                UnixfsNode cn = node(child);
                if (cn.kind() == UnixfsNode.Kind.SYMLINK) {
                    if (++hops > MAX_SYMLINK_HOPS) {
                        throw new IpfsPathNotFoundException("too many symlinks resolving ipfs://" + root + "/" + String.join("/", segments));
                    }
                    String target = cn.symlinkTarget();
                    if (target.startsWith("/") || target.isEmpty()) {
                        throw new IpfsPathNotFoundException("symlink ipfs://" + root + "/" + join(names, seg) + " -> '" + target
                                + "' points outside its CID (not followed)");
                    }
                    String[] parts = target.split("/");
                    for (int i = parts.length - 1; i >= 0; i--) todo.push(parts[i]);
                    continue;
                }
            }
            stack.add(child);
            names.add(seg);
            current = child;
        }
        return current;
    }

    private static String join(List<String> names, String last) {
        List<String> all = new ArrayList<>(names);
        all.add(last);
        return String.join("/", all);
    }

    private static IpfsPathNotFoundException outside(Cid root, List<String> names) {
        return new IpfsPathNotFoundException("a symlink under ipfs://" + root + (names.isEmpty() ? "" : "/" + String.join("/", names))
                + " points outside its CID (not followed)");
    }

    /** The child CID named name in a directory (plain or sharded), or null. */
    public Cid lookup(UnixfsNode dir, String name) throws IOException {
        if (dir.kind() == UnixfsNode.Kind.DIRECTORY) {
            return index(dir).get(name);
        }
        if (dir.kind() == UnixfsNode.Kind.HAMT_SHARD) {
            return hamtLookup(dir, name);
        }
        return null;
    }

    private Map<String, Cid> index(UnixfsNode dir) {
        Map<String, Cid> m = dirIndex.get(dir.cid());
        if (m != null) return m;
        m = new HashMap<>(dir.pb().links().size() * 2);
        for (PbLink l : dir.pb().links()) m.putIfAbsent(l.nameOrEmpty(), l.hash());
        if (dirIndex.size() > MAX_CACHE / 10) dirIndex.clear();
        dirIndex.put(dir.cid(), m);
        return m;
    }

    /** Follows the key's murmur3 hash down the shards: 8 bits per level for fanout 256 (log2(fanout) in general). */
    private Cid hamtLookup(UnixfsNode shard, String name) throws IOException {
        byte[] hash = Murmur3.hamtHash(name.getBytes(StandardCharsets.UTF_8));
        int bits = Long.numberOfTrailingZeros(shard.data().fanout());
        int level = 0;
        UnixfsNode node = shard;
        while (true) {
            if ((level + 1) * bits > hash.length * 8) {
                throw new MalformedBlockException(shard.cid(), "HAMT deeper than its 64-bit key hash for '" + name + "'");
            }
            int slot = takeBits(hash, level * bits, bits);
            int pad = hexWidth(node.data().fanout());
            String prefix = String.format("%0" + pad + "X", slot);
            PbLink hit = null;
            for (PbLink l : node.pb().links()) {
                String n = l.nameOrEmpty();
                if (n.length() >= pad && n.regionMatches(0, prefix, 0, pad)) {
                    hit = l;
                    break;
                }
            }
            if (hit == null) return null;
            String n = hit.nameOrEmpty();
            if (n.length() == pad) { // a child shard
                node = node(hit.hash());
                if (node.kind() != UnixfsNode.Kind.HAMT_SHARD) {
                    throw new MalformedBlockException(hit.hash(), "HAMT link '" + n + "' of " + shard.cid() + " is not a shard");
                }
                level++;
                continue;
            }
            return n.substring(pad).equals(name) ? hit.hash() : null;
        }
    }

    private static int takeBits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int bit = from + i;
            v = (v << 1) | ((b[bit >> 3] >> (7 - (bit & 7))) & 1);
        }
        return v;
    }

    private static int hexWidth(long fanout) {
        return Long.toHexString(fanout - 1).length();
    }

    // ---- listing ----

    /** The entries of a directory (plain or sharded), sorted by name bytes; throws if cid is not a directory. */
    public List<DirEntry> list(Cid dir) throws IOException {
        UnixfsNode n = dir.codec() == Cid.RAW ? null : node(dir);
        if (n == null || !n.isDirectory()) {
            throw new IOException("not a directory: ipfs://" + dir);
        }
        List<DirEntry> out = new ArrayList<>();
        if (n.kind() == UnixfsNode.Kind.DIRECTORY) {
            for (PbLink l : n.pb().links()) out.add(new DirEntry(l.nameOrEmpty(), l.hash(), l.tsize()));
        } else {
            collectShard(n, out, 0);
        }
        out.sort((a, b) -> Arrays.compareUnsigned(a.name().getBytes(StandardCharsets.UTF_8), b.name().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private void collectShard(UnixfsNode shard, List<DirEntry> out, int level) throws IOException {
        // each level consumes log2(fanout) bits of the 64-bit key hash: deeper shards cannot be reached (boxo: "sharded directory too deep")
        if ((level + 1) * Long.numberOfTrailingZeros(shard.data().fanout()) > 64) {
            throw new MalformedBlockException(shard.cid(), "sharded directory too deep (level " + level + " of a HAMT with fanout " + shard.data().fanout() + ")");
        }
        int pad = hexWidth(shard.data().fanout());
        List<Cid> children = new ArrayList<>();
        for (PbLink l : shard.pb().links()) {
            String n = l.nameOrEmpty();
            if (n.length() == pad) {
                children.add(l.hash());
            } else if (n.length() > pad) {
                out.add(new DirEntry(n.substring(pad), l.hash(), l.tsize()));
            } else {
                throw new MalformedBlockException(shard.cid(), "HAMT link name '" + n + "' shorter than its " + pad + "-digit prefix");
            }
        }
        List<Cid> missing = children.stream().filter(c -> !nodes.containsKey(c)).toList();
        if (missing.size() > 1) { // fetch the sub-shards concurrently
            List<byte[]> blocks = fetcher.getAll(missing);
            for (int i = 0; i < missing.size(); i++) decode(missing.get(i), blocks.get(i));
        }
        for (Cid c : children) {
            UnixfsNode child = node(c);
            if (child.kind() != UnixfsNode.Kind.HAMT_SHARD) throw new MalformedBlockException(c, "HAMT child of " + shard.cid() + " is not a shard");
            collectShard(child, out, level + 1);
        }
    }

    // ---- files ----

    /** The size of the file at cid (the target's length for a symlink). */
    public long size(Cid cid) throws IOException {
        if (cid.codec() == Cid.RAW) {
            return fetcher.get(cid).length;
        }
        return node(cid).fileSize();
    }

    /** The whole file. */
    public byte[] readAll(Cid cid) throws IOException {
        if (cid.codec() == Cid.RAW) return fetcher.get(cid);
        UnixfsNode n = node(cid);
        long size = fileNode(n).fileSize();
        if (size > Integer.MAX_VALUE - 16) throw new IOException("ipfs://" + cid + " is " + size + " bytes, too large for one array: read ranges");
        return read(n, 0, (int) size);
    }

    /** length bytes from offset (fewer at the end of the file). */
    public byte[] read(Cid cid, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative offset or length");
        if (cid.codec() == Cid.RAW) {
            byte[] b = fetcher.get(cid);
            int from = (int) Math.min(offset, b.length);
            return Arrays.copyOfRange(b, from, (int) Math.min((long) from + length, b.length));
        }
        return read(node(cid), offset, length);
    }

    private UnixfsNode fileNode(UnixfsNode n) throws IOException {
        if (n.kind() != UnixfsNode.Kind.FILE) {
            throw new IOException("ipfs://" + n.cid() + " is a " + n.kind().name().toLowerCase().replace('_', ' ') + ", not a file");
        }
        return n;
    }

    private byte[] read(UnixfsNode n, long offset, int length) throws IOException {
        fileNode(n);
        long size = n.fileSize();
        if (offset >= size || length == 0) return new byte[0];
        int len = (int) Math.min(length, size - offset);
        byte[] out = new byte[len];
        readInto(n, offset, len, out, 0);
        return out;
    }

    /** A part of a file to copy: [off, off+len) of the subtree at node into out[outPos..]. */
    private record Span(UnixfsNode node, long off, int len, int outPos) {
    }

    /**
     * Copies [off, off+len) of the file rooted at n into out[outPos..], fetching the children that
     * a node's span covers concurrently. Iterative (a work stack, not recursion), so a DAG of any
     * depth reads without exhausting the thread's stack.
     */
    private void readInto(UnixfsNode n, long off, int len, byte[] out, int outPos) throws IOException {
        Deque<Span> todo = new ArrayDeque<>();
        todo.push(new Span(n, off, len, outPos));
        while (!todo.isEmpty()) {
            Span span = todo.pop();
            UnixfsNode node = span.node();
            if (span.len() == 0) continue;
            if (node.raw() != null) {
                if (span.off() + span.len() > node.raw().length) throw truncated(node.cid(), span.off() + span.len(), node.raw().length);
                System.arraycopy(node.raw(), (int) span.off(), out, span.outPos(), span.len());
                continue;
            }
            if (node.kind() != UnixfsNode.Kind.FILE) throw new MalformedBlockException(node.cid(), "a " + node.kind() + " inside a file");
            byte[] d = node.data().data();
            int inline = d == null ? 0 : d.length;
            if (span.off() < inline) {
                int k = (int) Math.min(span.len(), inline - span.off());
                System.arraycopy(d, (int) span.off(), out, span.outPos(), k);
            }
            long pos = inline;
            long end = span.off() + span.len();
            List<PbLink> links = node.pb().links();
            long[] sizes = node.data().blocksizes();
            List<Cid> need = new ArrayList<>();
            List<long[]> where = new ArrayList<>(); // {childOffset, count, outPos}
            for (int i = 0; i < links.size() && pos < end; i++) {
                long cs = pos;
                long ce = pos + sizes[i];
                long from = Math.max(span.off(), cs);
                long to = Math.min(end, ce);
                if (from < to) {
                    need.add(links.get(i).hash());
                    where.add(new long[]{from - cs, to - from, span.outPos() + (from - span.off())});
                }
                pos = ce;
            }
            if (pos < end) throw truncated(node.cid(), end, pos);
            List<byte[]> blocks = fetcher.getAll(need);
            for (int i = 0; i < need.size(); i++) {
                long[] w = where.get(i);
                todo.push(new Span(decode(need.get(i), blocks.get(i)), w[0], (int) w[1], (int) w[2]));
            }
        }
    }

    private static MalformedBlockException truncated(Cid cid, long wanted, long have) {
        return new MalformedBlockException(cid, "sizes say " + wanted + " bytes but the DAG holds " + have + " (truncated or inconsistent)");
    }

    /** Streams the whole file to out in windows (large files never sit in memory whole). */
    public long copyTo(Cid cid, OutputStream out) throws IOException {
        long size = size(cid);
        long done = 0;
        int window = 8 << 20;
        while (done < size) {
            byte[] b = read(cid, done, (int) Math.min(window, size - done));
            if (b.length == 0) break;
            out.write(b);
            done += b.length;
        }
        return done;
    }

    /** Forgets cached nodes and paths (tests; memory). */
    public void clearCaches() {
        nodes.clear();
        dirIndex.clear();
        paths.clear();
    }
}
