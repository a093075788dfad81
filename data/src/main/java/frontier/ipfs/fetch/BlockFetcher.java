package frontier.ipfs.fetch;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gets blocks by CID: a CID that cannot vouch for a block ({@link CidRules}: a truncated digest, an
 * unknown hash function) is refused before anything is read; then the local block store first, then each network source in order (a Kubo
 * RPC node, trustless gateways). Every block from the network is hashed and compared with its
 * CID before it is used; a mismatch is a {@link BlockVerificationException} naming the CID and
 * the source, and the bad bytes are neither returned nor cached. Verified blocks go into the
 * local store, so a second read needs no network. Blocks in the local store were verified when
 * they were put, so they are not hashed again (unless the store is marked untrusted).
 * <p>
 * {@link #getAsync} fetches on a bounded pool, so readers can ask for many blocks at once;
 * concurrent requests for one CID share a single fetch.
 */
public final class BlockFetcher implements AutoCloseable {
    private final BlockStore local;
    private final boolean trustLocal;
    private final List<BlockSource> sources;
    private final ExecutorService pool;
    private final ConcurrentHashMap<Cid, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong networkBlocks = new AtomicLong();
    private final AtomicLong networkBytes = new AtomicLong();

    /**
     * @param local       where verified blocks are read from and cached (may be null: no cache)
     * @param trustLocal  true when every block in local was verified on put (our own stores)
     * @param sources     network sources in the order to try
     * @param concurrency blocks fetched at once by getAsync
     */
    public BlockFetcher(BlockStore local, boolean trustLocal, List<? extends BlockSource> sources, int concurrency) {
        this.local = local;
        this.trustLocal = trustLocal;
        this.sources = List.copyOf(sources);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "ipfs-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Only the local store (no network). */
    public static BlockFetcher localOnly(BlockStore store) {
        return new BlockFetcher(store, true, List.of(), 8);
    }

    public BlockStore local() {
        return local;
    }

    public List<BlockSource> sources() {
        return sources;
    }

    /** Blocks fetched from the network so far (each verified). */
    public long networkBlocks() {
        return networkBlocks.get();
    }

    public long networkBytes() {
        return networkBytes.get();
    }

    /** The block's verified bytes; throws a named {@link IpfsFetchException} when it cannot be had. */
    public byte[] get(Cid cid) throws IOException {
        UnverifiableCidException.check(cid, null);
        if (cid.multihash().isIdentity()) return cid.multihash().digest();
        byte[] b = readLocal(cid);
        if (b != null) return b;
        if (sources.isEmpty()) {
            throw new BlockNotFoundException(cid, describeLocal() + "; no daemon or gateway configured (set IPFS_API or IPFS_GATEWAY)");
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> other = inFlight.putIfAbsent(cid, mine);
        if (other != null) return join(other);
        try {
            byte[] got = fetchRemote(cid);
            mine.complete(got);
            return got;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(cid, mine);
        }
    }

    /** Fetches on the pool; the future fails with the same named exceptions as {@link #get}. */
    public CompletableFuture<byte[]> getAsync(Cid cid) {
        if (CidRules.problem(cid) != null) return CompletableFuture.failedFuture(new UnverifiableCidException(cid, null));
        if (cid.multihash().isIdentity()) return CompletableFuture.completedFuture(cid.multihash().digest());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return get(cid);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    /** Fetches all, concurrently, and returns them in order. */
    public List<byte[]> getAll(List<Cid> cids) throws IOException {
        if (cids.size() == 1) return List.of(get(cids.get(0)));
        List<CompletableFuture<byte[]>> fs = new ArrayList<>(cids.size());
        for (Cid c : cids) fs.add(getAsync(c));
        List<byte[]> out = new ArrayList<>(cids.size());
        for (CompletableFuture<byte[]> f : fs) out.add(join(f));
        return out;
    }

    /** Unwraps a future's failure into the IOException it carries. */
    public static byte[] join(CompletableFuture<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CompletionException && c.getCause() != null) c = c.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while fetching a block");
        }
    }

    private byte[] readLocal(Cid cid) throws IOException {
        if (local == null) return null;
        byte[] b;
        try {
            b = local.get(cid);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (b != null && !trustLocal && !cid.verify(b)) {
            throw new BlockVerificationException(cid, "local block store " + describeLocal(), b.length);
        }
        return b;
    }

    private String describeLocal() {
        if (local != null && local.root() != null) return "local block store " + local.root();
        return local == null ? "no local store" : "local block store";
    }

    private byte[] fetchRemote(Cid cid) throws IOException {
        BlockVerificationException mismatch = null;
        BlockTimeoutException timeout = null;
        IOException failure = null;
        List<String> notFound = new ArrayList<>();
        notFound.add(describeLocal());
        for (BlockSource s : sources) {
            byte[] b;
            try {
                b = s.fetch(cid);
            } catch (BlockTimeoutException e) {
                if (timeout == null) timeout = e;
                continue;
            } catch (IOException e) {
                if (failure == null) failure = e;
                continue;
            }
            if (b == null) {
                notFound.add(s.name());
                continue;
            }
            if (!cid.verify(b)) {
                // Never used, never cached; the next source may still have the right bytes.
                if (mismatch == null) mismatch = new BlockVerificationException(cid, s.name(), b.length);
                continue;
            }
            networkBlocks.incrementAndGet();
            networkBytes.addAndGet(b.length);
            if (local != null) store(cid, b);
            return b;
        }
        if (mismatch != null) throw mismatch;
        if (timeout != null) throw timeout;
        if (failure != null) {
            throw new IpfsFetchException(cid, "cannot fetch block " + cid + ": " + failure.getMessage(), failure);
        }
        throw new BlockNotFoundException(cid, String.join(", ", notFound));
    }

    private void store(Cid cid, byte[] b) throws IOException {
        try {
            local.putHashed(cid, b); // just verified above
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (BlockSource s : sources) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a client never fails a read
                }
            }
        }
    }
}
