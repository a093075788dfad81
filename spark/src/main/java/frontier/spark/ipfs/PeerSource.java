package frontier.spark.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.BlockSource;
import frontier.ipfs.fetch.GatewaySource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blocks from other nodes of the cluster: asks the driver's routing endpoint who provides a block,
 * then, when a provider runs a daemon and so does this executor, gets it through this executor's
 * daemon (which the driver connected to the provider's: bitswap over their own connection), else
 * straight from a provider's trustless gateway ({@code /ipfs/CID?format=raw}). Within a batch, the
 * gateways that gave its earlier blocks are asked first, and the routing endpoint only when they
 * do not have a block (see {@link #session}). Each block is checked against its CID here: a
 * provider that sends other bytes is refused and named, and the next provider is tried. When
 * routing does not answer (or no one has the block) this source has nothing, and the fetcher goes
 * on to the configured gateways.
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
    /** Why routing last failed (for the message of a block no source had). */
    private volatile String routingDown;
    /**
     * The providers of this batch's earlier blocks, the one that served last first. They are asked
     * for the next block before the routing endpoint is, as a bitswap session asks the peers that
     * gave it a DAG's earlier blocks: a batch's chunks are mostly in one place, and a lookup per
     * block cost the driver and the executors as much CPU as the blocks' transfers. A miss (or a
     * peer down, or a block refused) falls back to the lookup.
     */
    private volatile List<Provider> session = List.of();
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
        String down = routingDown;
        return "cluster peers (routing " + routing.url() + (down != null && System.nanoTime() < routingDownUntil ? ", which failed: " + down : "") + ")";
    }

    /**
     * Starts a new session (a batch begins): its blocks are looked up afresh, so that a batch whose
     * chunks another executor now holds fetches them from there, not from whoever served the last batch.
     */
    void newSession() {
        session = List.of();
    }

    @Override
    public byte[] fetch(Cid cid) throws IOException {
        List<Provider> asked = session;
        if (!asked.isEmpty()) {
            Served s = fetchFrom(cid, asked, false);
            if (s != null) {
                if (!s.by().equals(asked.get(0))) session = first(s.by(), asked);
                return s.bytes();
            }
        }
        if (System.nanoTime() < routingDownUntil) return null;
        List<Provider> providers;
        try {
            providers = routing.providers(cid);
        } catch (IOException e) {
            if (e instanceof java.io.InterruptedIOException) throw e;
            routingFailures.incrementAndGet();
            routingDown = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            routingDownUntil = System.nanoTime() + ROUTING_BACKOFF_NANOS;
            return null;
        }
        List<Provider> fresh = new ArrayList<>();
        for (Provider p : providers) if (!asked.contains(p) && !p.id().equals(selfId)) fresh.add(p);
        Served s = fetchFrom(cid, fresh, true);
        if (s == null) return null;
        if (s.by() != null) session = first(s.by(), fresh);
        return s.bytes();
    }

    /** A verified block and the provider whose gateway gave it (null: this executor's daemon). */
    private record Served(byte[] bytes, Provider by) {
    }

    private static List<Provider> first(Provider p, List<Provider> others) {
        List<Provider> out = new ArrayList<>(others.size());
        out.add(p);
        for (Provider o : others) if (!o.equals(p)) out.add(o);
        return List.copyOf(out);
    }

    /**
     * The block from the first of these providers that gives bytes matching its CID, or null. With
     * viaDaemon, when one of them is a daemon this executor's daemon is connected to, the block is
     * asked over their own swarm connection first (not in a session: a daemon waits for a block
     * no one has until its timeout, where a gateway says 404 at once).
     */
    private Served fetchFrom(Cid cid, List<Provider> providers, boolean viaDaemon) throws IOException {
        if (viaDaemon && daemon != null && providers.stream().anyMatch(p -> p.protocols().contains(Provider.BITSWAP))) {
            byte[] b = daemon.fetch(cid);
            if (b != null && cid.verify(b)) {
                fetched.incrementAndGet();
                ledger.fetched(DAEMON);
                return new Served(b, null);
            }
            if (b != null) {
                refused.incrementAndGet();
                ledger.refused(DAEMON);
                lastRefusal.set("refused block " + cid + " from " + daemon.name() + ": its " + b.length + " bytes do not hash to the CID");
            }
        }
        for (Provider p : providers) {
            String url = p.gatewayUrl();
            if (url == null) continue;
            byte[] b;
            try {
                b = gateways.computeIfAbsent(url, u -> new GatewaySource(u, timeout, 0)).fetch(cid);
            } catch (IOException e) {
                if (e instanceof java.io.InterruptedIOException) throw e;
                dropFromSession(p);
                continue; // a peer that is down: the next provider, then the gateways
            }
            if (b == null) continue;
            if (!cid.verify(b)) {
                refused.incrementAndGet();
                ledger.refused(label(p));
                lastRefusal.set("refused block " + cid + " from " + describe(p, url) + ": its " + b.length + " bytes do not hash to the CID");
                dropFromSession(p);
                continue;
            }
            fetched.incrementAndGet();
            ledger.fetched(label(p));
            return new Served(b, p);
        }
        return null;
    }

    /** A peer that lied or is down is not asked first again in this session. */
    private void dropFromSession(Provider p) {
        List<Provider> now = session;
        if (now.contains(p)) session = now.stream().filter(o -> !o.equals(p)).toList();
    }

    /** How the status names a provider: the name its record gives, else its peer ID. */
    static String label(Provider p) {
        return p.name() != null ? p.name() : "peer " + p.id();
    }

    private static String describe(Provider p, String url) {
        return (p.name() != null ? p.name() + " (peer " + p.id() + ", " : "peer " + p.id() + " (") + url + ")";
    }
}
