package frontier.spark.ipfs;

import java.io.Serializable;
import java.util.List;

/**
 * A node that can give blocks, as a Delegated Routing V1 "peer" record: its peer ID, its
 * multiaddrs, and the protocols it speaks there ({@code transport-ipfs-gateway-http} for a
 * trustless gateway, {@code transport-bitswap} for a daemon's swarm). name says which node it is
 * (executor 1, the kernel) for messages.
 */
public record Provider(String name, String id, List<String> addrs, List<String> protocols) implements Serializable {
    public static final String GATEWAY = "transport-ipfs-gateway-http";
    public static final String BITSWAP = "transport-bitswap";

    public Provider {
        addrs = List.copyOf(addrs);
        protocols = List.copyOf(protocols);
    }

    /** A trustless gateway at url (http://HOST:PORT), with a fresh peer ID. */
    public static Provider gateway(String name, String url) {
        return new Provider(name, PeerId.random(), List.of(Multiaddrs.ofUrl(url)), List.of(GATEWAY));
    }

    /** The HTTP gateway's base URL from an address such as /ip4/127.0.0.1/tcp/8080/http, or null. */
    public String gatewayUrl() {
        if (!protocols.contains(GATEWAY)) return null;
        for (String a : addrs) {
            String u = Multiaddrs.httpUrl(a);
            if (u != null) return u;
        }
        return null;
    }
}
