package frontier.spark.ipfs;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.cid.Cid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's index of who holds which block: each executor's node (and the kernel's own node,
 * asked directly), the blocks executors reported, and which block is the file of each chunk they
 * read. It answers routing lookups and tells each batch which executors already hold its chunks.
 */
public final class ProviderIndex {
    private final Map<String, NodeReport> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Provider> records = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> holders = new ConcurrentHashMap<>();
    private final Map<String, String> chunkRoots = new ConcurrentHashMap<>();
    private final List<Provider> everyBlock = Collections.synchronizedList(new ArrayList<>());
    private volatile Provider kernel;
    private volatile BlockStore kernelStore;

    /** The kernel's node: a provider of whatever its block store holds. */
    void setKernel(Provider p, BlockStore store) {
        this.kernel = p;
        this.kernelStore = store;
    }

    void hello(Messages.Hello h) {
        nodes.put(h.executorId(), new NodeReport(h.executorId(), h.host(), h.pid(), h.kind(), h.provider().gatewayUrl(), h.provider().id(),
                h.store(), h.daemonApi(), NodeCounts.NONE, false));
        records.put(h.executorId(), h.provider());
    }

    void report(Messages.Report r) {
        nodes.computeIfPresent(r.executorId(), (k, v) -> v.with(r.counts()));
        for (String c : r.newBlocks()) holders.computeIfAbsent(key(c), x -> ConcurrentHashMap.newKeySet()).add(r.executorId());
        for (Map.Entry<String, String> e : r.chunkRoots().entrySet()) chunkRoots.put(e.getKey(), key(e.getValue()));
    }

    /** An executor went away: it provides nothing any more. */
    public void lost(String executorId) {
        nodes.computeIfPresent(executorId, (k, v) -> v.markLost());
        records.remove(executorId);
        for (Set<String> s : holders.values()) s.remove(executorId);
    }

    /**
     * Adds a provider said to hold every block (a node outside Spark, such as another gateway the
     * user runs); routing lists it first. Used by the tests' faulty peers too.
     */
    public void addProviderOfEverything(Provider p) {
        everyBlock.add(0, p);
    }

    public void removeProvider(Provider p) {
        everyBlock.remove(p);
    }

    /** Removes the providers of everything of that name; false when there was none. */
    public boolean removeProvider(String name) {
        return everyBlock.removeIf(p -> name.equals(p.name()));
    }

    /** The providers of everything added from outside the cluster, in the order routing lists them. */
    public List<Provider> outsidePeers() {
        synchronized (everyBlock) {
            return List.copyOf(everyBlock);
        }
    }

    /** Providers of a block: the executors that hold it, the kernel if its store has it, nodes said to hold everything. */
    public List<Provider> providers(Cid cid) {
        Set<Provider> out = new LinkedHashSet<>(everyBlock);
        Set<String> ids = holders.get(key(cid.toString()));
        if (ids != null) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled); // spread the load over the holders
            for (String id : shuffled) {
                Provider p = records.get(id);
                if (p != null) out.add(p);
            }
        }
        Provider k = kernel;
        BlockStore ks = kernelStore;
        if (k != null && ks != null && ks.has(cid)) out.add(k);
        return new ArrayList<>(out);
    }

    /** Executors holding the most of these chunks' files, best first (chunk refs are "location|key"). */
    public List<String> holdersOf(List<String> chunkRefs) {
        Map<String, Integer> score = new HashMap<>();
        for (String ref : chunkRefs) {
            String root = chunkRoots.get(ref);
            Set<String> ids = root == null ? null : holders.get(root);
            if (ids == null) continue;
            for (String id : ids) if (records.containsKey(id)) score.merge(id, 1, Integer::sum);
        }
        List<String> best = new ArrayList<>(score.keySet());
        best.sort((a, b) -> Integer.compare(score.get(b), score.get(a)));
        return best;
    }

    public List<NodeReport> nodes() {
        synchronized (nodes) {
            return List.copyOf(nodes.values());
        }
    }

    public NodeReport node(String executorId) {
        return nodes.get(executorId);
    }

    Provider record(String executorId) {
        return records.get(executorId);
    }

    /** Swarm addresses of the daemons of executors other than this one. */
    List<String> otherDaemons(String executorId) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Provider> e : records.entrySet()) {
            if (e.getKey().equals(executorId) || !e.getValue().protocols().contains(Provider.BITSWAP)) continue;
            for (String a : e.getValue().addrs()) {
                if (Multiaddrs.httpUrl(a) == null) out.add(a.contains("/p2p/") ? a : a + "/p2p/" + e.getValue().id());
            }
        }
        return out;
    }

    private static String key(String cid) {
        try {
            return Cid.parse(cid).toV1().toString();
        } catch (IllegalArgumentException e) {
            return cid;
        }
    }
}
