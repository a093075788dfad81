package frontier.ipfs;

import frontier.ipfs.extract.Extracted;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.ipfs.rpc.RpcEndpoint;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * IPFS from Java: add, cat, get, ls, pin, id and verify, with typed results. Two nodes answer it:
 * the embedded node ({@link #embedded()}: a block store on disk, blocks from a daemon or trustless
 * gateways when missing, every block verified) and a Kubo daemon over its RPC API
 * ({@link #daemon(String)}; js-ipfs's Kubo-compatible API works too). The {@code %ipfs} magics
 * and the {@code frontier ipfs} CLI are thin wrappers over this interface.
 * <p>
 * <b>Which node</b> ({@link #connect(String)}, what every {@code ipfs} subcommand does):
 * <ol>
 *   <li>an address given ({@code --api}): that daemon, which must answer, or the call fails naming it;</li>
 *   <li>else the daemon where Kubo's own CLI looks ({@code IPFS_API}, then {@code $IPFS_PATH/api}
 *       or {@code ~/.ipfs/api}, then {@code 127.0.0.1:5001}) when it answers {@code id} within 400 ms;</li>
 *   <li>else the embedded node ({@code --offline} chooses it directly).</li>
 * </ol>
 * <pre>
 * Ipfs ipfs = Ipfs.embedded();
 * var added = ipfs.add(Path.of("images/6001240.zarr"),
 *         AddOptions.defaults().recursive().hidden().chunker("size-1000000").rawLeaves(true).cidVersion(1).wrapWithDirectory());
 * String cid = added.root().toString();
 * byte[] zattrs = ipfs.cat(cid + "/6001240.zarr/.zattrs");
 * </pre>
 * Paths are {@code CID}, {@code CID/a/b}, {@code /ipfs/CID/a/b} or {@code ipfs://CID/a/b}.
 */
public interface Ipfs extends AutoCloseable {
    /** How long a daemon found without being named gets to answer before the embedded node is used. */
    Duration PROBE = Duration.ofMillis(400);

    /** The shared embedded node on the default block store ($FRONTIER_IPFS_PATH, default ~/.frontier/ipfs). */
    static Ipfs embedded() {
        return new EmbeddedIpfs(null);
    }

    /** The given embedded node (a worker's, a test's). */
    static Ipfs embedded(IpfsNode node) {
        return new EmbeddedIpfs(java.util.Objects.requireNonNull(node, "node"));
    }

    /** The Kubo daemon at a multiaddr ({@code /ip4/127.0.0.1/tcp/5001}) or URL; not contacted until used. */
    static Ipfs daemon(String api) {
        return new DaemonIpfs(new KuboRpcClient(RpcEndpoint.toUrl(api), timeout()));
    }

    /** The node the rule above chooses: the daemon at api (null: look where Kubo looks, if one answers), else the embedded node. */
    static Ipfs connect(String api) throws IOException {
        if (api != null) {
            String url = RpcEndpoint.toUrl(api);
            KuboRpcClient c = new KuboRpcClient(url, timeout());
            if (!c.isAvailable(Duration.ofSeconds(3))) {
                throw new IOException("no IPFS daemon answers at " + url + " (--api); drop --api to use the embedded node");
            }
            return new DaemonIpfs(c);
        }
        String url = RpcEndpoint.discover();
        // a TCP connect first: when nothing listens (the usual case) no HTTP client is made at all,
        // which spares a CLI run the HTTP stack's start-up (~0.3 s of CPU for the TLS defaults)
        if (!listening(url)) return embedded();
        KuboRpcClient c = new KuboRpcClient(url, timeout());
        return c.isAvailable(PROBE) ? new DaemonIpfs(c) : embedded();
    }

    /** True when something accepts a TCP connection at the URL's host and port within {@link #PROBE}. */
    private static boolean listening(String url) {
        java.net.URI u = java.net.URI.create(url);
        int port = u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(u.getHost(), port), (int) PROBE.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The per-request time limit: system property frontier.ipfs.timeout (seconds), default 30. */
    static Duration timeout() {
        return Duration.ofSeconds(Long.getLong("frontier.ipfs.timeout", 30));
    }

    /** Which node this is, as results print it: "embedded (block store DIR)" or "IPFS daemon at URL". */
    String describe();

    /** True for a daemon reached over RPC. */
    boolean isDaemon();

    /** {@code ipfs add}: imports paths (relative ones against the working directory) with Kubo's DAG and CIDs. */
    ImportResult add(List<Path> paths, AddOptions options, ProgressSink progress) throws IOException;

    default ImportResult add(Path path, AddOptions options) throws IOException {
        return add(List.of(path), options, ProgressSink.current());
    }

    /** {@code ipfs cat}: the whole file. */
    byte[] cat(String path) throws IOException;

    /** {@code ipfs cat -o offset -l length}: at most length bytes from offset. */
    byte[] cat(String path, long offset, long length) throws IOException;

    /** {@code ipfs get -o target}: writes the file or folder as target; nothing is written outside it. */
    Extracted get(String path, Path target) throws IOException;

    /** {@code ipfs ls}: a directory's entries, in name order. */
    List<LsEntry> ls(String path) throws IOException;

    /** {@code ipfs pin add}: fetches the whole DAG (verifying every block) and pins it; returns the pinned CID. */
    frontier.ipfs.cid.Cid pin(String path) throws IOException;

    /** {@code ipfs pin ls}: the recursive pins. */
    List<Pin> pins() throws IOException;

    /** {@code ipfs id}. */
    NodeInfo id() throws IOException;

    /**
     * Does local hold exactly path's CID? Imports local with options (the flags that made the CID)
     * without storing file data, compares the roots, and when they differ lists the paths that do.
     */
    VerifyResult verify(Path local, String path, AddOptions options) throws IOException;

    @Override
    void close();
}
