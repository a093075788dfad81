package frontier.spark.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockSource;
import frontier.ipfs.fetch.GatewaySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blocks from other nodes of the cluster: asks the driver's routing endpoint who provides a block,
 * then, when a provider runs a daemon and so does this executor, gets it through this executor's
 * daemon (which the driver connected to the provider's: bitswap over their own connection), else
 * straight from a provider's trustless gateway ({@code /ipfs/CID?format=raw}). Each block is checked against its CID here: a provider that sends other bytes
 * is refused and named, and the next provider is tried. When routing does not answer (or no one
 * has the block) this source has nothing, and the fetcher goes on to the configured gateways.
 */
final class PeerSource implements BlockSource {
    private final RoutingClient routing;
    private final String selfId;
    private final Duration timeout;
    private final BlockSource daemon;
    private final Map<String, GatewaySource> gateways = new ConcurrentHashMap<>();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong routingFailures = new AtomicLong();
    final AtomicReference<String> lastRefusal = new AtomicReference<>();
    /** Blocks by provider (its name in the routing record, else its peer ID). */
    final FetchLedger ledger = new FetchLedger();
    /** After routing failed, it is not asked again for this long (the configured gateways serve meanwhile). */
    private static final long ROUTING_BACKOFF_NANOS = 5_000_000_000L;
    private volatile long routingDownUntil;
    /** Blocks this executor's daemon got over its swarm connections (from which peer, the daemon knows). */
    static final String DAEMON = "its daemon's swarm";

    /** @param daemon this executor's daemon as a block source (null without one) */
    PeerSource(RoutingClient routing, String selfId, Duration timeout, BlockSource daemon) {
        this.routing = routing;
        this.selfId = selfId;
        this.timeout = timeout;
        this.daemon = daemon;
    }

    @Override
    public String name() {
        return "cluster peers (routing " + routing.url() + ")";
    }

    @Override
    public byte[] fetch(Cid cid) throws IOException {
        if (System.nanoTime() < routingDownUntil) return null;
        List<Provider> providers;
        try {
            providers = routing.providers(cid);
        } catch (IOException e) {
            if (e instanceof java.io.InterruptedIOException) throw e;
            routingFailures.incrementAndGet();
            routingDownUntil = System.nanoTime() + ROUTING_BACKOFF_NANOS;
            return null;
        }
        // A provider this executor's daemon is connected to gives the block over their own swarm connection.
        if (daemon != null && providers.stream().anyMatch(p -> !p.id().equals(selfId) && p.protocols().contains(Provider.BITSWAP))) {
            byte[] b = daemon.fetch(cid);
            if (b != null && cid.verify(b)) {
                fetched.incrementAndGet();
                ledger.fetched(DAEMON);
                return b;
            }
            if (b != null) {
                refused.incrementAndGet();
                ledger.refused(DAEMON);
                lastRefusal.set("refused block " + cid + " from " + daemon.name() + ": its " + b.length + " bytes do not hash to the CID");
            }
        }
        for (Provider p : providers) {
            if (p.id().equals(selfId)) continue;
            String url = p.gatewayUrl();
            if (url == null) continue;
            byte[] b;
            try {
                b = gateways.computeIfAbsent(url, u -> new GatewaySource(u, timeout, 0)).fetch(cid);
            } catch (IOException e) {
                if (e instanceof java.io.InterruptedIOException) throw e;
                continue; // a peer that is down: the next provider, then the gateways
            }
            if (b == null) continue;
            if (!cid.verify(b)) {
                refused.incrementAndGet();
                ledger.refused(label(p));
                lastRefusal.set("refused block " + cid + " from " + describe(p, url) + ": its " + b.length + " bytes do not hash to the CID");
                continue;
            }
            fetched.incrementAndGet();
            ledger.fetched(label(p));
            return b;
        }
        return null;
    }

    /** How the status names a provider: the name its record gives, else its peer ID. */
    static String label(Provider p) {
        return p.name() != null ? p.name() : "peer " + p.id();
    }

    private static String describe(Provider p, String url) {
        return (p.name() != null ? p.name() + " (peer " + p.id() + ", " : "peer " + p.id() + " (") + url + ")";
    }
}
