package frontier.ipfs.rpc;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockSource;
import frontier.ipfs.fetch.BlockTimeoutException;

import java.io.IOException;
import java.time.Duration;

/**
 * Blocks from a Kubo RPC node ({@code block/get}). Whether a node answers is checked once
 * (cheaply, with {@code id}) and remembered for a while; with no node, this source simply has
 * nothing, so the chain moves on to the gateways.
 */
public final class RpcBlockSource implements BlockSource {
    private static final long RECHECK_NANOS = 30_000_000_000L;

    private final KuboRpcClient client;
    private final Duration probe;
    private volatile Boolean available;
    private volatile long checkedAt;

    public RpcBlockSource(KuboRpcClient client, Duration probe) {
        this.client = client;
        this.probe = probe;
    }

    @Override
    public String name() {
        return "IPFS RPC node " + client.url();
    }

    public boolean available() {
        Boolean a = available;
        if (a == null || System.nanoTime() - checkedAt > RECHECK_NANOS) {
            a = client.isAvailable(probe);
            available = a;
            checkedAt = System.nanoTime();
        }
        return a;
    }

    @Override
    public byte[] fetch(Cid cid) throws IOException {
        if (!available()) return null;
        try {
            return client.blockGet(cid);
        } catch (RpcException e) {
            if (e.getMessage().contains("timed out")) throw new BlockTimeoutException(cid, name(), e.getMessage());
            throw e;
        }
    }
}
