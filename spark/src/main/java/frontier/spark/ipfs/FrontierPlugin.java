package frontier.spark.ipfs;

import frontier.spark.plan.BatchRunner;
import frontier.spark.plan.Serial;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import scala.Tuple2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Spark plugin (spark.plugins=frontier.spark.ipfs.FrontierPlugin) that gives every executor an
 * IPFS node when it starts, and the driver the index and routing endpoint that connect them.
 * Messages between them travel as serialized bytes, read with this plugin's own class loader.
 */
public final class FrontierPlugin implements SparkPlugin {
    static final String PREFIX = "spark.frontier.";

    /**
     * Each Spark application's driver node, by its context. Spark creates the plugin itself and gives
     * no way back to it from the context, so the scheduler that started the context looks its node up
     * here (once, when it starts): no "current application" that a later one could replace.
     */
    private static final Map<SparkContext, DriverNode> DRIVER_NODES = Collections.synchronizedMap(new WeakHashMap<>());

    /** The driver node of the application on this context, or null (started without the plugin, or stopped). */
    public static DriverNode driverNode(SparkContext sc) {
        return DRIVER_NODES.get(sc);
    }

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverSide();
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorSide();
    }

    static final class DriverSide implements DriverPlugin {
        private DriverNode node;
        private SparkContext context;

        @Override
        public Map<String, String> init(SparkContext sc, PluginContext ctx) {
            Map<String, String> conf = new HashMap<>();
            for (Tuple2<String, String> kv : sc.conf().getAll()) {
                if (kv._1().startsWith(PREFIX)) conf.put(kv._1().substring(PREFIX.length()), kv._2());
            }
            String bind = sc.conf().get("spark.driver.host", "127.0.0.1");
            try {
                node = new DriverNode(bind, conf);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the driver's IPFS routing and gateway on " + bind + ": " + e.getMessage(), e);
            }
            context = sc;
            DRIVER_NODES.put(sc, node);
            return node.executorConf();
        }

        @Override
        public Object receive(Object message) throws Exception {
            Object m = Serial.fromBytes((byte[]) message, FrontierPlugin.class.getClassLoader());
            return Serial.toBytes(node.receive(m));
        }

        @Override
        public void shutdown() {
            if (context != null) DRIVER_NODES.remove(context);
            if (node != null) node.close();
        }
    }

    static final class ExecutorSide implements ExecutorPlugin {
        private ExecutorNode node;

        @Override
        public void init(PluginContext ctx, Map<String, String> extraConf) {
            String id = ctx.executorID();
            if (id.equals("driver")) return; // local mode: tasks run in the kernel, which reads through its own node
            ExecutorNode.Driver driver = m -> Serial.fromBytes((byte[]) ctx.ask(Serial.toBytes(m)), FrontierPlugin.class.getClassLoader());
            try {
                Map<String, String> conf = new HashMap<>(extraConf);
                conf.put("daemon", ExecutorNode.claimDaemon(id, conf, driver));
                Path store = Path.of("").toAbsolutePath().resolve("frontier-ipfs");
                Files.createDirectories(store);
                node = new ExecutorNode(id, host(), store, conf, driver);
                node.announce();
            } catch (Exception e) {
                throw new IllegalStateException("executor " + id + " cannot start its IPFS node: " + e.getMessage(), e);
            }
            // ipfs:// reads outside the planned batches go through this store and the kernel's gateway too
            System.setProperty("frontier.ipfs.path", node.storeDir().toString());
            node.serveTasks();
            BatchRunner.setHook(node);
            BatchRunner.setExecutorName("executor " + id + " (" + host() + ")");
        }

        /** The host Spark runs this executor on (its block manager's; PluginContext.hostname() fails on executors). */
        private static String host() {
            return org.apache.spark.SparkEnv.get().blockManager().blockManagerId().host();
        }

        @Override
        public void shutdown() {
            if (node != null) node.close();
        }
    }
}
