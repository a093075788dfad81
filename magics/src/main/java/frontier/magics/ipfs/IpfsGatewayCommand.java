package frontier.magics.ipfs;

import frontier.ipfs.node.IpfsNode;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;

import java.io.IOException;

/** {@code ipfs gateway}: starts the embedded node's trustless + path gateway on 127.0.0.1 and prints its URL. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Serve the embedded node's blocks on 127.0.0.1 (trustless gateway: ?format=raw|car; path gateway: /ipfs/CID/path).")
public final class IpfsGatewayCommand implements Magic {
    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public IpfsGatewayResult call() {
        IpfsNode n = IpfsNode.embedded();
        String url;
        try {
            url = n.startGateway();
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        return new IpfsGatewayResult(url, n.root());
    }
}
