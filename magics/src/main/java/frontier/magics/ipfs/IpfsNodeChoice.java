package frontier.magics.ipfs;

import frontier.ipfs.Ipfs;
import frontier.magics.MagicException;
import picocli.CommandLine.Option;

import java.io.IOException;

/**
 * Which node a subcommand talks to, by the one rule of {@link Ipfs#connect}: the daemon at
 * {@code --api} (which must answer), else a daemon where Kubo looks (IPFS_API, ~/.ipfs/api,
 * 127.0.0.1:5001) if it answers at once, else the embedded node; {@code --offline} chooses the
 * embedded node. Results end with the line {@link #line(Ipfs)} saying which.
 */
public final class IpfsNodeChoice {
    @Option(names = "--api", paramLabel = "ADDR", description = "Use the Kubo RPC API at this multiaddr or URL (default: IPFS_API, ~/.ipfs/api, 127.0.0.1:5001 if it answers).")
    String api;
    @Option(names = "--offline", description = "Use the embedded node even when a daemon answers.")
    boolean offline;

    public Ipfs select() {
        if (offline) return Ipfs.embedded();
        try {
            return Ipfs.connect(api);
        } catch (IOException | IllegalArgumentException e) {
            throw new MagicException(e.getMessage(), e);
        }
    }

    /** "node: embedded (block store DIR)" or "node: IPFS daemon at URL". */
    static String line(Ipfs ipfs) {
        return "node: " + ipfs.describe();
    }
}
