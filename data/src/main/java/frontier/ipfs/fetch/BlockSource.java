package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

import java.io.IOException;

/** Somewhere blocks come from over the network: a Kubo RPC node, a trustless gateway. */
public interface BlockSource {
    /** For messages: the gateway URL or RPC address. */
    String name();

    /**
     * The block's bytes as the source sent them (unverified), or null when the source says it
     * does not have it. Throws {@link BlockTimeoutException} when it does not answer in time,
     * another IOException when it fails.
     */
    byte[] fetch(Cid cid) throws IOException;
}
