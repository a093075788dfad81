package frontier.store.ipfs;

import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.IpfsPath;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.StoreProvider;

import java.io.IOException;

/**
 * Opens {@code ipfs://CID/path} and {@code /ipfs/CID/path} as an {@link IpfsStore} read through
 * the node the options name ({@link StoreOptions#withIpfs}), by default the embedded node: blocks
 * from its local block store, then the Kubo daemon if one answers, then the gateways in
 * IPFS_GATEWAY; every network block verified.
 */
public final class IpfsStoreProvider implements StoreProvider {
    @Override
    public boolean accepts(String location) {
        return location.startsWith("ipfs://") || location.startsWith("/ipfs/");
    }

    @Override
    public Store open(String location, StoreOptions options) throws IOException {
        IpfsPath p = IpfsPath.parse(location);
        return new IpfsStore(options.ipfs() != null ? options.ipfs() : IpfsNode.embedded().reader(), p);
    }
}
