package frontier.spark.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.array.ChunkSource;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.fetch.BlockSource;
import frontier.ipfs.fetch.GatewaySource;
import frontier.ipfs.gateway.GatewayServer;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.ipfs.rpc.RpcBlockSource;
import frontier.spark.plan.Batch;
import frontier.spark.plan.BatchRunner;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;
import frontier.zarr.Zarr;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IPFS node of one executor: its own block store, a trustless gateway on the executor's host
 * serving what it holds, and a fetcher that reads blocks from there first, then from the nodes
 * the driver's routing names (other executors, the kernel), then through a Kubo-compatible daemon
 * if one runs on this host, then from the configured gateways; every block from the network is
 * checked against its CID. Arrays at ipfs:// locations that batches read are opened through it.
 * After each batch it tells the driver what it holds now.
 */
public final class ExecutorNode implements BatchRunner.Hook, AutoCloseable {
    /** How the executor asks the driver: serialized message in, serialized answer out. */
    @FunctionalInterface
    interface Driver {
        Object ask(Object message) throws Exception;
    }

    private final String executorId;
    private final String host;
    private final Path storeDir;
    private final CountingBlockStore store;
    private final IpfsNode serving;
    private final GatewayServer gateway;
    private final KuboRpcClient daemon;
    private final String peerId;
    private final Provider provider;
    private final PeerSource peers;
    private final AtomicLong fromGateways = new AtomicLong();
    private final AtomicLong refusedByGateways = new AtomicLong();
    private final BlockFetcher fetcher;
    private final UnixfsReader reader;
    private final Driver driver;
    private final Map<String, Store> opened = new ConcurrentHashMap<>();
    private final Map<String, ChunkSource> arrays = new ConcurrentHashMap<>();
    /** The node of this executor process, which {@link ExecutorSources} reads ipfs:// arrays through. */
    private static volatile ExecutorNode current;

    static ExecutorNode current() {
        return current;
    }

    /** Makes this the node that this executor's tasks read ipfs:// arrays through. */
    void serveTasks() {
        current = this;
    }
    private final Set<String> reportedChunks = ConcurrentHashMap.newKeySet();
    private final List<String> swarmErrors = new ArrayList<>();

    /**
     * @param conf the driver's settings for executors: routing (URL), gateways (comma list),
     *             timeout (seconds), daemon ("off", or a comma list of RPC APIs to pick from),
     *             gateway.port (0: any free port)
     */
    ExecutorNode(String executorId, String host, Path storeDir, Map<String, String> conf, Driver driver) throws IOException {
        this.executorId = executorId;
        this.host = host;
        this.storeDir = storeDir;
        this.driver = driver;
        Duration timeout = Duration.ofSeconds(Long.parseLong(conf.getOrDefault("timeout", "10")));
        this.store = new CountingBlockStore(new FileBlockStore(storeDir), true);
        this.daemon = findDaemon(conf, timeout);

        // The gateway serves only what this executor holds (never fetching for others).
        this.serving = new IpfsNode(store.serving(), null, new IpfsNode.Options(timeout, 0, 8, false, List.of()));
        this.gateway = startGateway(serving, InetAddress.getByName(host), Integer.parseInt(conf.getOrDefault("gateway.port", "0")));

        List<String> addrs = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        String id;
        if (daemon != null) {
            JsonNode who = daemon.id();
            id = who.path("ID").asText();
            for (JsonNode a : who.path("Addresses")) {
                String s = a.asText();
                int p2p = s.indexOf("/p2p/");
                addrs.add(p2p > 0 ? s.substring(0, p2p) : s);
            }
            protocols.add(Provider.BITSWAP);
        } else {
            id = PeerId.random();
        }
        addrs.add(Multiaddrs.ofUrl(gateway.url()));
        protocols.add(Provider.GATEWAY);
        this.peerId = id;
        this.provider = new Provider("executor " + executorId, id, addrs, protocols);

        RpcBlockSource daemonSource = daemon == null ? null : new RpcBlockSource(daemon, Duration.ofMillis(1000));
        // the node's timeout, not less: on a busy machine a cold executor's first lookups can take seconds
        this.peers = new PeerSource(new RoutingClient(conf.get("routing"), timeout), id, timeout, daemonSource);
        List<BlockSource> sources = new ArrayList<>();
        sources.add(peers);
        if (daemonSource != null) sources.add(counted(daemonSource, PeerSource.DAEMON, peers.fetched, null));
        for (String g : frontier.ipfs.fetch.Gateways.parse(conf.getOrDefault("gateways", ""))) {
            sources.add(counted(new GatewaySource(g, timeout, 1), "gateway " + g, fromGateways, refusedByGateways));
        }
        this.fetcher = new BlockFetcher(store, true, sources, 8);
        this.reader = new UnixfsReader(fetcher);
    }

    /** The gateway on a free port, or on the first free one of port .. port+15 (executors sharing a host). */
    private static GatewayServer startGateway(IpfsNode serving, InetAddress address, int port) throws IOException {
        if (port == 0) return GatewayServer.start(serving.reader(), address, 0);
        IOException last = null;
        for (int p = port; p < port + 16 && p <= 65535; p++) {
            try {
                return GatewayServer.start(serving.reader(), address, p);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no free port for the executor's gateway on " + address.getHostAddress() + " from " + port + " to " + (port + 15)
                + ": " + last.getMessage(), last);
    }

    private static KuboRpcClient findDaemon(Map<String, String> conf, Duration timeout) {
        String setting = conf.getOrDefault("daemon", "");
        if (setting.equals("off")) return null;
        List<String> candidates = setting.isBlank() ? List.of(frontier.ipfs.rpc.RpcEndpoint.discover())
                : frontier.ipfs.fetch.Gateways.parse(setting);
        for (String url : candidates) {
            KuboRpcClient c = new KuboRpcClient(frontier.ipfs.rpc.RpcEndpoint.toUrl(url), timeout);
            if (c.isAvailable(Duration.ofMillis(700))) return c;
            c.close();
        }
        return null;
    }

    /** Claims a daemon from a configured list with the driver (so two executors on one host never share one). */
    static String claimDaemon(String executorId, Map<String, String> conf, Driver driver) throws Exception {
        String setting = conf.getOrDefault("daemon", "");
        if (setting.isBlank() || setting.equals("off") || !setting.contains(",")) return setting;
        Messages.Claimed c = (Messages.Claimed) driver.ask(new Messages.ClaimDaemon(executorId, frontier.ipfs.fetch.Gateways.parse(setting)));
        return c.api() == null ? "off" : c.api();
    }

    /** A source whose verified blocks are counted (a block that does not verify is counted as refused), also in the ledger under label. */
    private BlockSource counted(BlockSource inner, String label, AtomicLong ok, AtomicLong bad) {
        return new BlockSource() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public byte[] fetch(Cid cid) throws IOException {
                byte[] b = inner.fetch(cid);
                if (b != null) {
                    if (cid.verify(b)) {
                        ok.incrementAndGet();
                        peers.ledger.fetched(label);
                    } else {
                        if (bad != null) bad.incrementAndGet();
                        peers.ledger.refused(label);
                    }
                }
                return b;
            }
        };
    }

    /** Says hello to the driver and connects this executor's daemon to the other executors' daemons. */
    void announce() throws Exception {
        Messages.Welcome w = (Messages.Welcome) driver.ask(new Messages.Hello(executorId, host, ProcessHandle.current().pid(), kind(), provider, storeDir.toString(),
                daemon == null ? null : daemon.url(), daemon == null ? List.of() : provider.addrs()));
        if (daemon != null) {
            for (String addr : w.connectTo()) {
                try {
                    daemon.swarmConnect(addr);
                } catch (IOException e) {
                    synchronized (swarmErrors) {
                        swarmErrors.add(addr + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    String kind() {
        return daemon == null ? "embedded" : "daemon";
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public Path storeDir() {
        return storeDir;
    }

    @Override
    public void before(Batch batch) throws Exception {
        peers.newSession();
        for (String location : BatchSources.ipfsLocations(batch)) array(location);
        prefetch(batch);
    }

    /** The array at an ipfs:// location, opened (once) through this executor's node. */
    ChunkSource array(String location) throws java.io.IOException {
        ChunkSource a = arrays.get(location);
        if (a != null) return a;
        synchronized (arrays) {
            a = arrays.get(location);
            if (a == null) {
                Store st = Stores.open(location, StoreOptions.defaults().withIpfs(reader));
                a = Zarr.openArray(st, "");
                opened.put(location, st);
                arrays.put(location, a);
            }
            return a;
        }
    }

    /**
     * Starts fetching the files of the batch's chunks, in the order its tasks read them, on the
     * fetcher's pool: the tasks run one after the other on the executor's core, and would otherwise
     * wait for the network (a routing lookup and a fetch) before each chunk. A task that needs a
     * block being fetched shares that fetch; one that comes first fetches it itself, and the queued
     * prefetch then finds it held.
     */
    private void prefetch(Batch batch) {
        for (String[] c : BatchSources.ipfsChunks(batch)) {
            Store st = opened.get(c[0]);
            if (st == null) continue;
            String cid;
            try {
                cid = st.contentId(c[1]);
            } catch (IOException | RuntimeException e) {
                continue; // a chunk that is not stored (the fill value) or cannot be resolved: its task says so
            }
            if (cid == null) continue;
            Cid block = Cid.parse(cid);
            if (!store.has(block)) fetcher.getAsync(block); // the bytes land in the store; nobody keeps them here
        }
    }

    @Override
    public void after(Batch batch) {
        Map<String, String> roots = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String[] c : BatchSources.ipfsChunks(batch)) {
            String ref = BatchSources.ref(c[0], c[1]);
            Store st = opened.get(c[0]);
            if (st == null || !seen.add(ref) || reportedChunks.contains(ref)) continue;
            try {
                String cid = st.contentId(c[1]);
                if (cid != null) {
                    roots.put(ref, cid);
                    reportedChunks.add(ref);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable chunk has no holder to report; its read already failed the batch
            }
        }
        report(roots);
    }

    void report(Map<String, String> chunkRoots) {
        try {
            driver.ask(new Messages.Report(executorId, counts(), store.drainAdded(), chunkRoots));
        } catch (Exception e) {
            // the driver is gone or busy: the next report carries the counts
        }
    }

    NodeCounts counts() {
        String last = peers.lastRefusal.get();
        return new NodeCounts(store.holds(), store.served(), peers.fetched.get(), fromGateways.get(),
                peers.refused.get() + refusedByGateways.get(), last, peers.routingFailures.get(),
                peers.ledger.fetchedFrom(), peers.ledger.refusedFrom());
    }

    List<String> swarmErrors() {
        synchronized (swarmErrors) {
            return List.copyOf(swarmErrors);
        }
    }

    @Override
    public void close() {
        if (current == this) current = null;
        gateway.close();
        fetcher.close();
        serving.close();
        if (daemon != null) daemon.close();
    }
}
