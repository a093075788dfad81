package frontier.spark.ipfs;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A block store that counts: blocks it holds, blocks read from it by the node's gateway (served to
 * peers), and the blocks stored since the last report to the driver.
 */
final class CountingBlockStore implements BlockStore {
    private final BlockStore store;
    private final AtomicLong holds = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final List<String> added = new ArrayList<>();

    /** @param countExisting count the blocks already there (an executor's store; not the kernel's, which may be large) */
    CountingBlockStore(BlockStore store, boolean countExisting) {
        this.store = store;
        long n = 0;
        if (countExisting) for (Cid ignored : store.list()) n++;
        holds.set(n);
    }

    /** The view the gateway serves from: every block it reads is a block served. */
    BlockStore serving() {
        return new BlockStore() {
            @Override
            public byte[] get(Cid cid) {
                byte[] b = store.get(cid);
                if (b != null) served.incrementAndGet();
                return b;
            }

            @Override
            public void put(Cid cid, byte[] block) {
                throw new UnsupportedOperationException("the gateway's view of the block store is read-only");
            }

            @Override
            public boolean has(Cid cid) {
                return store.has(cid);
            }

            @Override
            public boolean delete(Cid cid) {
                throw new UnsupportedOperationException("the gateway's view of the block store is read-only");
            }

            @Override
            public Iterable<Cid> list() {
                return store.list();
            }
        };
    }

    @Override
    public byte[] get(Cid cid) {
        return store.get(cid);
    }

    /** Only the node's fetcher puts blocks here, each one just verified against its CID: not hashed again. */
    @Override
    public void put(Cid cid, byte[] block) {
        boolean had = store.has(cid);
        if (store instanceof FileBlockStore f) f.putHashed(cid, block);
        else store.put(cid, block);
        if (!had) added(cid);
    }

    /** Records a block written to the underlying store directly (the fetcher's verified writes). */
    void added(Cid cid) {
        holds.incrementAndGet();
        synchronized (added) {
            added.add(cid.toV1().toString());
        }
    }

    @Override
    public boolean has(Cid cid) {
        return store.has(cid);
    }

    @Override
    public boolean delete(Cid cid) {
        boolean d = store.delete(cid);
        if (d) holds.decrementAndGet();
        return d;
    }

    @Override
    public Iterable<Cid> list() {
        return store.list();
    }

    long holds() {
        return holds.get();
    }

    long served() {
        return served.get();
    }

    /** The blocks added since the last call. */
    List<String> drainAdded() {
        synchronized (added) {
            List<String> out = new ArrayList<>(added);
            added.clear();
            return out;
        }
    }

    BlockStore underlying() {
        return store;
    }
}
