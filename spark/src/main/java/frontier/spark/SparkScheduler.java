package frontier.spark;

import frontier.array.graph.TaskGraph;
import frontier.array.sched.ClusterScheduler;
import frontier.array.sched.ComputeException;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import frontier.spark.plan.Batch;
import frontier.spark.plan.BatchResult;
import frontier.spark.plan.GraphPlanner;
import frontier.spark.plan.PlanRunner;
import frontier.spark.plan.Serial;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs task graphs on Spark. Each cluster step of a run is one Spark job over one partition per
 * batch (a few batches per core), each partition preferring the executors that hold its chunks'
 * blocks; the driver's steps run on threads here. The job runs in its own job group, so that
 * interrupting the calling thread cancels it on the executors. Everything Spark opens binds the
 * address given (127.0.0.1 unless the user names another).
 */
public final class SparkScheduler implements ClusterScheduler {
    /** Batches per core: enough to balance uneven batches, few enough to keep Spark's per-task cost small. */
    static final int BATCHES_PER_CORE = 3;

    private final Master master;
    private final JavaSparkContext jsc;
    private final RunListener listener = new RunListener();
    private final AtomicLong runs = new AtomicLong();
    private final String bind;
    private volatile Function<Batch, List<String>> locality = SparkScheduler::holders;
    private volatile boolean closed;

    private SparkScheduler(Master master, JavaSparkContext jsc, String bind) {
        this.master = master;
        this.jsc = jsc;
        this.bind = bind;
        jsc.sc().addSparkListener(listener);
    }

    /**
     * Starts a Spark application on the master. Settings: {@code dist} (the folder the build
     * prepared; default: system property frontier.spark.dist), {@code bind} (the driver's address,
     * default 127.0.0.1), {@code timeout} (seconds to wait for executors, default 90 for a local
     * cluster, 30 for a standalone one), {@code executors} (how many a standalone cluster must give
     * before this returns, default 1), {@code jars} (more jars for the executors, comma separated),
     * {@code ipfs} ("off": no IPFS plugin), {@code ipfs.*} (the plugin's settings) and
     * {@code conf.KEY} for any Spark setting.
     */
    public static SparkScheduler start(String masterText, Map<String, String> settings) {
        Master master = Master.parse(masterText);
        String distDir = settings.getOrDefault("dist", System.getProperty("frontier.spark.dist"));
        if (distDir == null || distDir.isBlank()) {
            throw new IllegalStateException("where Spark was prepared is unknown (set frontier.spark.dist to the spark module's target folder): " + SparkDist.HOW_TO_GET);
        }
        SparkDist dist = SparkDist.at(Path.of(distDir));
        String bind = settings.getOrDefault("bind", "127.0.0.1");
        checkBind(master, bind);
        if (master.kind() == Master.Kind.STANDALONE) probe(master);

        // What Spark reads from the environment only (see ProcessEnv).
        ProcessEnv.set("SPARK_LOCAL_IP", bind);
        ProcessEnv.set("SPARK_LOCAL_HOSTNAME", bind); // workers of a local cluster name their host as this
        if (master.kind() == Master.Kind.LOCAL_CLUSTER) ProcessEnv.set("SPARK_HOME", dist.sparkHome().toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", dist.log4jConfig().toUri().toString());
        }
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");

        SparkConf conf = new SparkConf()
                .setMaster(master.url())
                .setAppName(settings.getOrDefault("name", "frontier"))
                .set("spark.driver.host", bind)
                .set("spark.driver.bindAddress", bind)
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.log.level", "WARN")
                .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
        if (master.kind() != Master.Kind.LOCAL) {
            List<String> jars = new ArrayList<>();
            for (Path j : dist.executorJars()) jars.add(j.toAbsolutePath().toString());
            for (String j : settings.getOrDefault("jars", "").split(",")) if (!j.isBlank()) jars.add(Path.of(j.strip()).toAbsolutePath().toString());
            conf.set("spark.jars", String.join(",", jars));
        }
        if (master.kind() == Master.Kind.LOCAL_CLUSTER) {
            conf.set("spark.executor.memory", master.memoryMb() + "m");
            conf.set("spark.executorEnv.SPARK_LOCAL_IP", bind);
        }
        if (!"off".equals(settings.get("ipfs"))) conf.set("spark.plugins", "frontier.spark.ipfs.FrontierPlugin");
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().startsWith("conf.")) conf.set(e.getKey().substring(5), e.getValue());
            if (e.getKey().startsWith("ipfs.")) conf.set("spark.frontier." + e.getKey(), e.getValue());
        }

        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(SparkScheduler.class.getClassLoader()); // Spark's threads inherit it
        JavaSparkContext jsc;
        try {
            jsc = new JavaSparkContext(conf);
        } finally {
            me.setContextClassLoader(before);
        }
        SparkScheduler s = new SparkScheduler(master, jsc, bind);
        long timeout = Long.parseLong(settings.getOrDefault("timeout", master.kind() == Master.Kind.STANDALONE ? "30" : "90"));
        int expected = master.kind() == Master.Kind.STANDALONE && settings.containsKey("executors")
                ? Integer.parseInt(settings.get("executors")) : master.expectedExecutors();
        try {
            s.awaitExecutors(expected, timeout, !"off".equals(settings.get("ipfs")));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static void checkBind(Master master, String bind) {
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind the Spark driver to '" + bind + "': unknown host");
        }
        if (master.kind() == Master.Kind.STANDALONE && !master.loopback() && a.isLoopbackAddress()) {
            throw new IllegalArgumentException("executors of " + master.url() + " cannot reach a driver on " + bind
                    + ": give the address of this machine that the cluster reaches (%spark " + master.url() + " --bind ADDRESS)");
        }
    }

    /** A standalone master must answer a TCP connection within 3 s, or we say so now rather than wait for executors. */
    private static void probe(Master master) {
        for (int i = 0; i < master.hosts().size(); i++) {
            String host = master.hosts().get(i);
            int port = master.ports().get(i);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 3000);
                return;
            } catch (IOException e) {
                if (i == master.hosts().size() - 1) {
                    throw new IllegalStateException("no Spark master answers at " + master.url() + " (" + host + ":" + port + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "); start one with bin/spark-cluster start, or check the address");
                }
            }
        }
    }

    /** Waits for the executors, and (with the IPFS plugin) for each one's node to say hello. */
    private void awaitExecutors(int expected, long timeoutSeconds, boolean nodes) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (executorCount() < expected || (nodes && nodeCount() < expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Spark at " + master.url() + " gave this application " + executorCount() + " of " + expected
                        + " executors within " + timeoutSeconds + " s" + (master.kind() == Master.Kind.STANDALONE
                        ? " (does the master have workers with free cores and memory? see its web UI)" : " (see the executors' logs under " + System.getenv("SPARK_HOME") + "/work)"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Spark's executors");
            }
        }
    }

    private static int nodeCount() {
        frontier.spark.ipfs.DriverNode n = frontier.spark.ipfs.DriverNode.current();
        return n == null ? 0 : n.index().nodes().size();
    }

    /** Executors registered now (the driver's own block manager is not one). */
    public int executorCount() {
        if (master.kind() == Master.Kind.LOCAL) return 0;
        return Math.max(0, jsc.sc().statusTracker().getExecutorInfos().length - 1);
    }

    public JavaSparkContext context() {
        return jsc;
    }

    public String bindAddress() {
        return bind;
    }

    /** Where each batch prefers to run (Spark task locations such as executor_HOST_ID). */
    public void setLocality(Function<Batch, List<String>> locality) {
        this.locality = locality;
    }

    /** The executors whose IPFS nodes hold the batch's chunks (none known: anywhere). */
    private static List<String> holders(Batch b) {
        frontier.spark.ipfs.DriverNode n = frontier.spark.ipfs.DriverNode.current();
        return n == null ? List.of() : n.preferredLocations(b);
    }

    @Override
    public String master() {
        return master.url();
    }

    public Master parsedMaster() {
        return master;
    }

    /** Spark's web UI, or null when it runs without one. */
    public String uiUrl() {
        var u = jsc.sc().uiWebUrl();
        return u.isDefined() ? u.get() : null;
    }

    @Override
    public Object run(TaskGraph graph) {
        if (closed || jsc.sc().isStopped()) {
            throw new ComputeException("the Spark application on " + master.url() + " is stopped; %spark MASTER starts another, %spark stop goes back to threads", null);
        }
        GraphPlanner planner = new GraphPlanner(graph);
        int partitions = BATCHES_PER_CORE * Math.max(1, jsc.sc().defaultParallelism());
        String group = "frontier-" + runs.incrementAndGet();
        try (Progress progress = ProgressSink.current().start("spark", planner.countedTasks(), "tasks")) {
            return PlanRunner.run(planner, partitions, batches -> runStep(group, batches, progress), progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException("compute interrupted: the Spark job was cancelled", e);
        }
    }

    private List<BatchResult> runStep(String group, List<Batch> batches, Progress progress) throws InterruptedException {
        List<Tuple2<byte[], scala.collection.immutable.Seq<String>>> items = new ArrayList<>();
        int[] counted = new int[batches.size()];
        for (Batch b : batches) {
            counted[b.index()] = b.counted();
            List<String> where = locality.apply(b);
            items.add(new Tuple2<>(Serial.toBytes(b), CollectionConverters.asScala(where).toList()));
        }
        ClassTag<byte[]> tag = ClassTag$.MODULE$.apply(byte[].class);
        RDD<byte[]> rdd = jsc.sc().makeRDD(CollectionConverters.asScala(items).toList(), tag);
        JavaRDD<byte[]> results = JavaRDD.fromRDD(rdd, tag).map(new RunBatch());
        listener.track(group, new RunListener.Step(progress, counted));
        jsc.setJobGroup(group, "frontier: " + batches.size() + " batches", true);
        boolean finished = false;
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            JavaFutureAction<List<byte[]>> job = results.collectAsync();
            watch(Thread.currentThread(), group, job, cancelled);
            List<byte[]> bytes;
            try {
                bytes = job.get();
            } catch (ExecutionException e) {
                throw new ComputeException("the Spark job failed: " + rootMessage(e), e.getCause());
            }
            finished = true;
            List<BatchResult> out = new ArrayList<>(bytes.size());
            ClassLoader loader = SparkScheduler.class.getClassLoader();
            for (byte[] b : bytes) out.add((BatchResult) Serial.fromBytes(b, loader));
            return out;
        } finally {
            if (!finished && cancelled.compareAndSet(false, true)) jsc.cancelJobGroup(group); // interrupted: end the tasks on the executors too
            jsc.clearJobGroup();
            listener.untrack(group);
        }
    }

    /**
     * Cancels the job when its caller is interrupted or dies: a notebook's interrupt may also stop
     * the cell's thread outright (Thread.stop), which can cut short the caller's own cleanup.
     */
    private void watch(Thread caller, String group, JavaFutureAction<?> job, java.util.concurrent.atomic.AtomicBoolean cancelled) {
        Thread w = new Thread(() -> {
            while (!job.isDone()) {
                if (!caller.isAlive() || caller.isInterrupted()) {
                    if (cancelled.compareAndSet(false, true)) jsc.cancelJobGroup(group);
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "frontier-spark-watch-" + group);
        w.setDaemon(true);
        w.start();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    RunListener listener() {
        return listener;
    }

    @Override
    public ClusterStatus status() {
        return ClusterStatus.of(this);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        jsc.stop();
    }

    public boolean isClosed() {
        return closed || jsc.sc().isStopped();
    }

    @Override
    public String toString() {
        return "SparkScheduler(" + master.url() + (closed ? ", stopped" : "") + ")";
    }
}
