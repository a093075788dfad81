package frontier.magics.ipfs;

import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.ipfs.rpc.RpcEndpoint;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;

/**
 * Which node a subcommand talks to: the Kubo daemon when one answers {@code id} quickly
 * (found through --api, IPFS_API, ~/.ipfs/api or 127.0.0.1:5001), the embedded node otherwise
 * or with --offline. {@link Selected#line()} says which, for the result.
 */
public final class IpfsNodeChoice {
    @Option(names = "--api", paramLabel = "ADDR", description = "Use the Kubo RPC API at this multiaddr or URL (default: IPFS_API, ~/.ipfs/api, 127.0.0.1:5001 if it answers).")
    String api;
    @Option(names = "--offline", description = "Use the embedded node even when a daemon answers.")
    boolean offline;

    /** The chosen node: daemon non-null when a daemon answered. */
    public record Selected(KuboRpcClient daemon, IpfsNode embedded, String line) {
        public boolean isDaemon() {
            return daemon != null;
        }
    }

    public Selected select() {
        if (!offline) {
            String url = api != null ? RpcEndpoint.toUrl(api) : RpcEndpoint.discover();
            KuboRpcClient c = new KuboRpcClient(url, frontier.http.HttpTimeout.current());
            if (c.isAvailable(Duration.ofMillis(api != null ? 3000 : 400))) {
                return new Selected(c, null, "node: IPFS daemon at " + url);
            }
            if (api != null) {
                throw new frontier.magics.MagicException("no IPFS daemon answers at " + url + " (--api); drop --api to use the embedded node");
            }
        }
        IpfsNode n = IpfsNode.embedded();
        return new Selected(null, n, "node: embedded (block store " + n.root() + ")");
    }

    /** Writes a text report about the selected node (may fail with an IOException). */
    @FunctionalInterface
    public interface Report {
        void write(Selected node, StringBuilder out) throws IOException;
    }

    /**
     * Selects the node, lets {@code report} write its lines, and ends with the line saying which
     * node answered; an IOException becomes the magic's one-line error.
     */
    public IpfsResult report(Report report) {
        Selected node = select();
        StringBuilder t = new StringBuilder();
        try {
            report.write(node, t);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        t.append(node.line());
        return IpfsResult.ofText(t.toString());
    }
}
