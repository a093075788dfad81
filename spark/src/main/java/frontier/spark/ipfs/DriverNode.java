package frontier.spark.ipfs;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.fetch.Gateways;
import frontier.ipfs.gateway.GatewayServer;
import frontier.ipfs.node.IpfsNode;
import frontier.spark.plan.Batch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's side of the IPFS plugin: the index of who holds which block, served over the
 * Delegated Routing V1 API, and the kernel's own node as a provider (a trustless gateway over the
 * kernel's block store, so that what was added in the notebook reaches every executor). Both bind
 * the driver's address.
 */
public final class DriverNode implements AutoCloseable {
    private static volatile DriverNode current;

    private final ProviderIndex index = new ProviderIndex();
    private final String bind;
    private final RoutingServer routing;
    private final CountingBlockStore kernelStore;
    private final IpfsNode kernelServing;
    private final GatewayServer kernelGateway;
    private final Provider kernel;
    private final Map<String, String> executorConf = new HashMap<>();
    private final Map<String, String> daemonClaims = new ConcurrentHashMap<>();

    /**
     * @param conf spark.frontier.* settings without the prefix: ipfs.kernelStore (the kernel's block
     *             store, default its embedded node's), ipfs.gateways (for executors, default
     *             IPFS_GATEWAY), ipfs.timeout (seconds), ipfs.daemon ("off" or RPC APIs)
     */
    DriverNode(String bind, Map<String, String> conf) throws IOException {
        this.bind = bind;
        InetAddress address = InetAddress.getByName(bind);
        this.routing = new RoutingServer(index, address, Integer.parseInt(conf.getOrDefault("routing.port", "0")));
        String ks = conf.get("ipfs.kernelStore");
        this.kernelStore = new CountingBlockStore(new FileBlockStore(ks == null || ks.isBlank() ? FileBlockStore.defaultRoot() : Path.of(ks)), false);
        Duration t = Duration.ofSeconds(10);
        this.kernelServing = new IpfsNode(kernelStore.serving(), null, new IpfsNode.Options(t, 0, 8, false, List.of()));
        this.kernelGateway = GatewayServer.start(kernelServing.reader(), address, 0);
        this.kernel = new Provider("the kernel", PeerId.random(), List.of(Multiaddrs.ofUrl(kernelGateway.url())), List.of(Provider.GATEWAY));
        index.setKernel(kernel, kernelStore);
        executorConf.put("routing", routing.url());
        String gateways = conf.get("ipfs.gateways");
        executorConf.put("gateways", gateways != null ? gateways : String.join(",", Gateways.fromEnvironment()));
        executorConf.put("timeout", conf.getOrDefault("ipfs.timeout", "10"));
        if (conf.containsKey("ipfs.daemon")) executorConf.put("daemon", conf.get("ipfs.daemon"));
        current = this;
    }

    /** The driver node of this process's running Spark application, or null. */
    public static DriverNode current() {
        return current;
    }

    Map<String, String> executorConf() {
        return executorConf;
    }

    public ProviderIndex index() {
        return index;
    }

    public String routingUrl() {
        return routing.url();
    }

    public String kernelGatewayUrl() {
        return kernelGateway.url();
    }

    public Path kernelStore() {
        return kernelStore.underlying().root();
    }

    public long kernelServed() {
        return kernelStore.served();
    }

    public long routingLookups() {
        return routing.lookups();
    }

    /** Stops answering routing lookups (a test of executors falling back to the gateways). */
    public void stopRouting() {
        routing.close();
    }

    Object receive(Object message) {
        if (message instanceof Messages.Hello h) {
            List<String> connect = index.otherDaemons(h.executorId());
            index.hello(h);
            return new Messages.Welcome(h.provider().protocols().contains(Provider.BITSWAP) ? connect : List.of());
        }
        if (message instanceof Messages.Report r) {
            index.report(r);
            return new Messages.Ack();
        }
        if (message instanceof Messages.ClaimDaemon c) {
            synchronized (daemonClaims) {
                for (String api : c.candidates()) {
                    String owner = daemonClaims.get(api);
                    if (owner == null || owner.equals(c.executorId())) {
                        daemonClaims.put(api, c.executorId());
                        return new Messages.Claimed(api);
                    }
                }
            }
            return new Messages.Claimed(null);
        }
        throw new IllegalArgumentException("unknown message " + message.getClass().getName());
    }

    /** Spark task locations for a batch: the executors that already hold most of its chunks' blocks. */
    public List<String> preferredLocations(Batch batch) {
        List<String> refs = new ArrayList<>();
        for (String[] c : BatchSources.ipfsChunks(batch)) refs.add(BatchSources.ref(c[0], c[1]));
        if (refs.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String id : index.holdersOf(refs)) {
            NodeReport n = index.node(id);
            if (n == null || n.lost()) continue;
            out.add("executor_" + n.host() + "_" + id);
            if (out.size() == 2) break;
        }
        return out;
    }

    @Override
    public void close() {
        if (current == this) current = null;
        routing.close();
        kernelGateway.close();
        kernelServing.close();
    }
}
