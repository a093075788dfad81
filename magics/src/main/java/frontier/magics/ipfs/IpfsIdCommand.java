package frontier.magics.ipfs;

import frontier.ipfs.Ipfs;
import frontier.ipfs.NodeInfo;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;

/** {@code ipfs id}: the daemon's identity, or the embedded node's store and gateway. */
@Command(name = "id", mixinStandardHelpOptions = true, description = "Show IPFS node id info.")
public final class IpfsIdCommand implements Magic {
    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        Ipfs ipfs = choice.select();
        NodeInfo id;
        try {
            id = ipfs.id();
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        StringBuilder t = new StringBuilder();
        if (ipfs.isDaemon()) {
            t.append("ID: ").append(id.id()).append('\n');
            t.append("AgentVersion: ").append(id.agentVersion()).append('\n');
            for (String a : id.addresses()) t.append("Address: ").append(a).append('\n');
        } else {
            t.append("ID: (none: the embedded node has no libp2p identity; it serves blocks over HTTP)\n");
            t.append("AgentVersion: ").append(id.agentVersion()).append('\n');
            t.append("BlockStore: ").append(id.blockStore()).append('\n');
            t.append("Gateway: ").append(id.gateway() == null ? "not started (%ipfs gateway)" : id.gateway()).append('\n');
        }
        t.append(IpfsNodeChoice.line(ipfs));
        return new IpfsResult(t.toString());
    }
}
