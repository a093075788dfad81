package frontier.magics.spark;

import frontier.array.sched.ClusterScheduler;
import frontier.array.sched.SchedulerContext;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.magics.TextResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %spark MASTER | status | stop | peer add NAME URL | peer remove NAME}: sends later
 * {@code compute()} calls to Apache Spark, shows its executors and their IPFS nodes, gives the
 * executors a peer outside the cluster, and goes back to threads. Spark is loaded by the first
 * {@code %spark MASTER}, never at kernel start.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Run compute() on Apache Spark, each executor with its own IPFS node.",
                "%spark MASTER starts Spark (local[N], local-cluster[WORKERS,CORES,MB] or spark://HOST:PORT) and makes",
                "it the scheduler of later compute() calls; %spark status lists the executors, their IPFS nodes and",
                "block counts and who fetched what from whom; %spark stop stops it and goes back to threads.",
                "%spark peer add NAME URL gives the executors a trustless gateway outside the cluster to ask for every",
                "block (each block it gives is checked against its CID); %spark peer remove NAME takes it away.",
                "Everything binds 127.0.0.1 unless --bind names another address (a standalone cluster on other",
                "machines needs one)."})
public final class SparkCommand implements Magic {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MASTER|status|stop|peer",
            description = "A Spark master, or status (the default), or stop, or peer.")
    String what;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "add NAME URL|remove NAME",
            description = "After peer: add NAME URL (a trustless gateway), or remove NAME.")
    List<String> peerArgs = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The driver's address, which executors connect to (default 127.0.0.1).")
    String bind;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), e.g. --conf spark.executor.memory=2g.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for executors (default 90 for a local cluster, 30 for spark://).")
    Integer timeout;

    @Option(names = "--executors", paramLabel = "N", description = "For spark://: wait until N executors are up (default 1).")
    Integer executors;

    @Option(names = "--jars", paramLabel = "JAR", description = "More jars for the executors (repeatable): classes of your own ops.")
    List<String> jars = new ArrayList<>();

    @Option(names = "--ipfs-gateway", paramLabel = "URL", description = "A trustless gateway executors fall back to (repeatable; default IPFS_GATEWAY).")
    List<String> gateways = new ArrayList<>();

    @Option(names = "--ipfs-daemon", paramLabel = "API|off",
            description = "The RPC API of a Kubo-compatible daemon per executor (a comma list: one each), or off (default: 127.0.0.1:5001 if it answers).")
    String daemon;

    @Option(names = "--no-ipfs", description = "Start executors without IPFS nodes.")
    boolean noIpfs;

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        String w = what == null ? "status" : what.strip();
        SchedulerContext session = context == null ? SchedulerContext.current() : context.scheduling();
        ClusterScheduler now = session.cluster();
        if (w.equals("status")) {
            if (now == null) return new TextResult("Spark is not running: compute() runs on threads in this JVM (%spark local-cluster[2,1,1024] starts it)");
            return now.status();
        }
        if (!w.equals("peer") && !peerArgs.isEmpty()) throw new MagicException("unexpected arguments after " + w + ": " + String.join(" ", peerArgs));
        if (w.equals("peer")) return peer(now);
        if (w.equals("stop")) {
            if (now == null) return new TextResult("Spark is not running: compute() already runs on threads");
            try {
                now.close();
            } finally {
                session.use(null);
            }
            return new TextResult("stopped Spark (" + now.master() + "): compute() runs on threads again");
        }
        if (!context.isNotebook()) {
            throw new MagicException("a Spark cluster lives as long as its session: use %spark in a notebook (or frontier.spark.SparkScheduler in Java code)");
        }
        Map<String, String> settings = settings();
        Path dist = SparkRuntime.dist();
        settings.put("dist", dist.toString());
        var provider = SparkRuntime.provider(dist);
        if (now != null) { // one Spark application per JVM
            now.close();
            session.use(null);
        }
        ClusterScheduler started;
        try {
            started = provider.start(w, settings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MagicException(e.getMessage(), e);
        } catch (IllegalAccessError e) {
            throw new MagicException("Spark cannot start in this JVM (" + e.getMessage() + "): it needs the java.base packages the kernel jar opens"
                    + " (Add-Opens in its manifest); start the kernel with java -jar, from a jar built by this version", e);
        } catch (Exception | LinkageError e) {
            throw new MagicException("cannot start Spark on " + w + ": " + e, e);
        }
        session.use(started);
        return started.status();
    }

    private Object peer(ClusterScheduler now) {
        String usage = "usage: %spark peer add NAME URL | %spark peer remove NAME";
        if (peerArgs.isEmpty()) throw new MagicException(usage);
        String verb = peerArgs.get(0);
        if (now == null) throw new MagicException("Spark is not running: start it first (%spark local-cluster[2,1,1024]), then add peers");
        if (verb.equals("add") && peerArgs.size() == 3) {
            try {
                now.addPeer(peerArgs.get(1), peerArgs.get(2));
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                throw new MagicException(e.getMessage(), e);
            }
            return now.status();
        }
        if (verb.equals("remove") && peerArgs.size() == 2) {
            if (!now.removePeer(peerArgs.get(1))) throw new MagicException("no peer named '" + peerArgs.get(1) + "' was added");
            return now.status();
        }
        throw new MagicException(usage);
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        if (bind != null) s.put("bind", bind);
        if (timeout != null) {
            if (timeout < 1) throw new MagicException("--timeout must be at least 1 second");
            s.put("timeout", Integer.toString(timeout));
        }
        if (executors != null) {
            if (executors < 1) throw new MagicException("--executors must be at least 1");
            s.put("executors", Integer.toString(executors));
        }
        List<String> jarPaths = new ArrayList<>();
        for (String j : jars) {
            Path p = context.cwd().resolve(j);
            if (!java.nio.file.Files.isRegularFile(p)) throw new MagicException("no such jar: " + p);
            jarPaths.add(p.toString());
        }
        if (!jarPaths.isEmpty()) s.put("jars", String.join(",", jarPaths));
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new MagicException("--conf takes KEY=VALUE, got '" + kv + "'");
            s.put("conf." + kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        if (!gateways.isEmpty()) s.put("ipfs.gateways", String.join(",", gateways));
        if (daemon != null) s.put("ipfs.daemon", daemon);
        if (noIpfs) s.put("ipfs", "off");
        return s;
    }
}
