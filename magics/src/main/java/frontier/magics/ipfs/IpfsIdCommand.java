package frontier.magics.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.ipfs.node.IpfsNode;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;


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
        return choice.report((node, t) -> {
            if (node.isDaemon()) {
                JsonNode id = node.daemon().id();
                t.append("ID: ").append(id.path("ID").asText()).append('\n');
                t.append("AgentVersion: ").append(id.path("AgentVersion").asText()).append('\n');
                for (JsonNode a : id.path("Addresses")) t.append("Address: ").append(a.asText()).append('\n');
            } else {
                IpfsNode n = node.embedded();
                t.append("ID: (none: the embedded node has no libp2p identity; it serves blocks over HTTP)\n");
                t.append("AgentVersion: frontier-embedded\n");
                t.append("BlockStore: ").append(n.root()).append('\n');
                var g = n.gateway();
                t.append("Gateway: ").append(g == null ? "not started (%ipfs gateway)" : g.url()).append('\n');
            }
        });
    }
}
