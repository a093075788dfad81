package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory block store (thread-safe), keyed by CIDv1. */
public final class MemoryBlockStore implements BlockStore {
    private final ConcurrentHashMap<Cid, byte[]> blocks = new ConcurrentHashMap<>();

    @Override
    public byte[] get(Cid cid) {
        if (cid.multihash().isIdentity()) {
            return cid.multihash().digest();
        }
        byte[] b = blocks.get(cid.toV1());
        return b == null ? null : b.clone();
    }

    @Override
    public void put(Cid cid, byte[] block) {
        BlockStore.verify(cid, block);
        if (!cid.multihash().isIdentity()) {
            blocks.putIfAbsent(cid.toV1(), block.clone());
        }
    }

    @Override
    public boolean has(Cid cid) {
        return cid.multihash().isIdentity() || blocks.containsKey(cid.toV1());
    }

    @Override
    public boolean delete(Cid cid) {
        return blocks.remove(cid.toV1()) != null;
    }

    @Override
    public Iterable<Cid> list() {
        List<Cid> out = new ArrayList<>(blocks.keySet());
        out.sort(null);
        return out;
    }

    public int size() {
        return blocks.size();
    }
}
