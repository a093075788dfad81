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
     *             IPFS_GATEWAY), ipfs.timeout (seconds), ipfs.daemon ("off" or RPC APIs), and the
     *             ports (default: any free one) of the routing endpoint (ipfs.routing.port), the
     *             kernel's gateway (ipfs.gateway.port) and the executors' gateways
     *             (ipfs.executor.gateway.port: the first free one from there, for several executors per host)
     */
    DriverNode(String bind, Map<String, String> conf) throws IOException {
        this.bind = bind;
        InetAddress address = InetAddress.getByName(bind);
        // every setting is checked before anything listens
        int routingPort = port(conf, "ipfs.routing.port"), gatewayPort = port(conf, "ipfs.gateway.port");
        int executorGatewayPort = port(conf, "ipfs.executor.gateway.port");
        String ks = conf.get("ipfs.kernelStore");
        this.kernelStore = new CountingBlockStore(new FileBlockStore(ks == null || ks.isBlank() ? FileBlockStore.defaultRoot() : Path.of(ks)), false);
        Duration t = Duration.ofSeconds(10);
        this.kernelServing = new IpfsNode(kernelStore.serving(), null, new IpfsNode.Options(t, 0, 8, false, List.of()));
        this.routing = new RoutingServer(index, address, routingPort);
        try {
            this.kernelGateway = GatewayServer.start(kernelServing.reader(), address, gatewayPort);
        } catch (IOException | RuntimeException e) {
            routing.close(); // a port taken: nothing of this node stays open in the kernel
            kernelServing.close();
            throw e;
        }
        this.kernel = Provider.gateway("the kernel", kernelGateway.url());
        index.setKernel(kernel, kernelStore);
        executorConf.put("routing", routing.url());
        String gateways = conf.get("ipfs.gateways");
        executorConf.put("gateways", gateways != null ? gateways : String.join(",", Gateways.fromEnvironment()));
        executorConf.put("timeout", conf.getOrDefault("ipfs.timeout", "10"));
        if (conf.containsKey("ipfs.daemon")) executorConf.put("daemon", conf.get("ipfs.daemon"));
        executorConf.put("gateway.port", Integer.toString(executorGatewayPort));
    }

    /** A port setting: 0 (the default) is any free port. */
    static int port(Map<String, String> conf, String key) {
        String v = conf.getOrDefault(key, "0").strip();
        int p;
        try {
            p = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number, not '" + v + "'");
        }
        if (p < 0 || p > 65535) throw new IllegalArgumentException(key + " must be a port number (0-65535), not " + p);
        return p;
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
        routing.close();
        kernelGateway.close();
        kernelServing.close();
    }
}
