package frontier.ipfs.node;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.PinSet;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.fetch.BlockSource;
import frontier.ipfs.fetch.GatewaySource;
import frontier.ipfs.fetch.Gateways;
import frontier.ipfs.gateway.GatewayServer;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.ipfs.rpc.RpcBlockSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded IPFS node: a persistent block store ({@code $FRONTIER_IPFS_PATH}, default
 * {@code ~/.frontier/ipfs}), a fetcher that falls back to a Kubo daemon and to trustless gateways
 * (every network block verified, then cached), a UnixFS reader, and a gateway server on
 * 127.0.0.1 that serves the blocks to browsers and other nodes.
 * <pre>
 * IpfsNode node = IpfsNode.embedded();
 * String url = node.startGateway();              // http://127.0.0.1:PORT
 * var group = Zarr.open("ipfs://" + cid + "/6001240.zarr");
 * </pre>
 */
public final class IpfsNode implements AutoCloseable {
    // Process-wide, not session state: a block store directory (its files, pins and gateway port) has one owner per JVM,
    // and ipfs:// URLs (Zarr.open, Stores) reach it without a session.
    private static final ConcurrentHashMap<Path, IpfsNode> EMBEDDED = new ConcurrentHashMap<>();

    /** Tunables: the timeout of one block's fetch (retries included) and the retry count for the network, and fetch concurrency. */
    public record Options(Duration timeout, int retries, int concurrency, boolean useDaemon, List<String> gateways) {
        /** The timeout is the HTTP deadline in effect (FRONTIER_HTTP_TIMEOUT, --timeout; 30 s). */
        public static Options defaults() {
            return new Options(frontier.http.HttpTimeout.current(), 2, 16, true, Gateways.fromEnvironment());
        }

        public Options withGateways(List<String> g) {
            return new Options(timeout, retries, concurrency, useDaemon, g);
        }

        public Options withTimeout(Duration t) {
            return new Options(t, retries, concurrency, useDaemon, gateways);
        }

        public Options withDaemon(boolean d) {
            return new Options(timeout, retries, concurrency, d, gateways);
        }
    }

    private final BlockStore blocks;
    private final Path root;
    private final BlockFetcher fetcher;
    private final UnixfsReader reader;
    private GatewayServer gateway;

    public IpfsNode(BlockStore blocks, Path root, Options options) {
        this.blocks = blocks;
        this.root = root;
        List<BlockSource> sources = new ArrayList<>();
        if (options.useDaemon()) {
            sources.add(new RpcBlockSource(KuboRpcClient.discover(options.timeout()), Duration.ofMillis(500)));
        }
        for (String g : options.gateways()) sources.add(new GatewaySource(g, options.timeout(), options.retries()));
        this.fetcher = new BlockFetcher(blocks, true, sources, options.concurrency());
        this.reader = new UnixfsReader(fetcher);
    }

    /** The shared embedded node on the default block store (one per store path, reused across calls). */
    public static IpfsNode embedded() {
        return at(FileBlockStore.defaultRoot());
    }

    /** The shared node on the block store at root. */
    public static IpfsNode at(Path root) {
        Path key = root.toAbsolutePath().normalize();
        return EMBEDDED.computeIfAbsent(key, k -> new IpfsNode(new FileBlockStore(k), k, Options.defaults()));
    }

    /** A node with its own store and sources (tests, workers); not shared. */
    public static IpfsNode create(BlockStore blocks, Options options) {
        return new IpfsNode(blocks, blocks.root(), options);
    }

    public BlockStore blocks() {
        return blocks;
    }

    /** The block store's directory, or null for an in-memory store. */
    public Path root() {
        return root;
    }

    public PinSet pins() {
        if (root == null) throw new IllegalStateException("an in-memory node has no pin set");
        return new PinSet(root);
    }

    public BlockFetcher fetcher() {
        return fetcher;
    }

    public UnixfsReader reader() {
        return reader;
    }

    /** Starts (once) the trustless + path gateway on 127.0.0.1 and returns its base URL. */
    public synchronized String startGateway() throws IOException {
        if (gateway == null) gateway = GatewayServer.start(reader, 0);
        return gateway.url();
    }

    /** The running gateway, or null. */
    public synchronized GatewayServer gateway() {
        return gateway;
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (root != null) EMBEDDED.remove(root.toAbsolutePath().normalize(), this);
        fetcher.close();
    }

    @Override
    public String toString() {
        return "embedded IPFS node" + (root == null ? " (in memory)" : " at " + root);
    }
}
