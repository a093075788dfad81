package frontier.ipfs;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multihash;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.dagpb.PbNode;
import frontier.ipfs.unixfs.UnixfsData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds UnixFS DAGs an attacker could publish, with our own dag-pb and UnixFS writers, into a
 * block store: directory links are kept in the order given (not sorted, duplicates allowed),
 * sizes are whatever the caller says. Every block is stored under its true CID, so each one
 * verifies: what is hostile is the shape, not the hashing.
 */
public final class HostileDags {
    private final BlockStore store;

    public HostileDags(BlockStore store) {
        this.store = store;
    }

    /** A CIDv1 with a truncated sha2-256 digest of n bytes (n = 0 is bafkreaa, a raw block). */
    public static Cid truncated(int n) {
        return Cid.v1(Cid.RAW, new Multihash(HashType.SHA2_256.code(), new byte[n]));
    }

    private Cid put(byte[] block) {
        Cid c = Cid.of(1, Cid.DAG_PB, HashType.SHA2_256, block);
        store.put(c, block);
        return c;
    }

    public Cid raw(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Cid c = Cid.of(1, Cid.RAW, HashType.SHA2_256, b);
        store.put(c, b);
        return c;
    }

    public Cid symlink(String target) {
        return put(PbNode.encodeAsIs(List.of(), UnixfsData.symlink(target.getBytes(StandardCharsets.UTF_8)).encode()));
    }

    /** A directory whose links are name, cid, name, cid, ... exactly in this order. */
    public Cid dir(Object... nameThenCid) {
        List<PbLink> links = new ArrayList<>();
        for (int i = 0; i < nameThenCid.length; i += 2) links.add(new PbLink((Cid) nameThenCid[i + 1], (String) nameThenCid[i], 10));
        return put(PbNode.encodeAsIs(links, UnixfsData.directory(null, null, null).encode()));
    }

    /** A file node with the given inline data, declared filesize (null: absent) and children with their blocksizes. */
    public Cid fileNode(byte[] inline, Long filesize, List<Cid> children, long[] blocksizes) {
        List<PbLink> links = new ArrayList<>();
        for (Cid c : children) links.add(new PbLink(c, "", 10));
        UnixfsData d = new UnixfsData(frontier.ipfs.unixfs.UnixfsType.FILE, inline, filesize, blocksizes, null, null, null, null, null);
        return put(PbNode.encodeAsIs(links, d.encode()));
    }

    /** {@code x -> ..} then a directory also named x holding PWNED.txt: the escape. */
    public Cid dotDotTwin() {
        return dir("x", symlink(".."), "x", dir("PWNED.txt", raw("pwned\n")));
    }

    /** The twin trick twice over: each step climbs one more level. */
    public Cid chainedTwins() {
        Cid inner = dir("y", symlink(".."), "y", dir("PWNED2.txt", raw("pwned twice\n")));
        return dir("x", symlink(".."), "x", inner);
    }

    /** A file chain depth levels deep ending in a raw leaf holding text. */
    public Cid deepFile(int depth, String text) {
        Cid c = raw(text);
        long n = text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < depth; i++) c = fileNode(null, n, List.of(c), new long[]{n});
        return c;
    }

    /** A directory chain depth levels deep ("d/d/d/...") ending in leaf.txt. */
    public Cid deepDirs(int depth) {
        Cid c = dir("leaf.txt", raw("at the bottom\n"));
        for (int i = 0; i < depth; i++) c = dir("d", c);
        return c;
    }
}
