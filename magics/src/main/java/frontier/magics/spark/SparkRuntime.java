package frontier.magics.spark;

import frontier.array.sched.SchedulerProvider;
import frontier.magics.MagicException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Loads Spark only when {@code %spark} asks for it: a class loader over the frontier-spark jar and
 * Spark's jars (spark-home/jars, links into the local Maven repository, as the build prepared them
 * in the spark module's target folder), whose parent shows it only Frontier's own classes from the
 * kernel. Spark keeps its own libraries (Jackson, SLF4J, Scala) and the kernel keeps its; the
 * scheduler found there through ServiceLoader runs the kernel's task graphs. One loader per JVM,
 * since Spark cannot be unloaded.
 */
final class SparkRuntime {
    static final String HOW_TO_GET = "run ./setup.sh, or mvn -B package -pl spark -am -DskipTests, once with network";

    // process-wide, not session state: Spark's classes cannot be unloaded, so a JVM loads them once
    private static ClassLoader loader;
    private static Path loadedFrom;

    private SparkRuntime() {
    }

    /**
     * Where the build prepared Spark: system property frontier.spark.dist, else $FRONTIER_SPARK_DIST,
     * else spark/target of the repository this code was built in.
     */
    static Path dist() {
        String p = System.getProperty("frontier.spark.dist");
        if (p == null || p.isBlank()) p = System.getenv("FRONTIER_SPARK_DIST");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        try {
            Path code = Path.of(SparkRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // magics/target/classes, magics/target/frontier-cli.jar, kernel/target/frontier-kernel-*.jar
            Path repo = code.getParent().getParent();
            if (code.getFileName().toString().equals("classes")) repo = code.getParent().getParent().getParent();
            return repo.resolve("spark/target").toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new MagicException("cannot tell where Spark was prepared (set FRONTIER_SPARK_DIST to the spark module's target folder)");
        }
    }

    /** The Spark scheduler provider, loading Spark's jars the first time. */
    static synchronized SchedulerProvider provider(Path dist) {
        if (loader == null || !dist.equals(loadedFrom)) {
            loader = new URLClassLoader("frontier-spark", urls(dist), new FrontierOnly(SparkRuntime.class.getClassLoader()));
            loadedFrom = dist;
        }
        try {
            for (SchedulerProvider p : ServiceLoader.load(SchedulerProvider.class, loader)) {
                if (p.name().equals("spark")) return p;
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new MagicException("cannot load Frontier's Spark scheduler from " + dist + ": " + e.getMessage() + " (" + HOW_TO_GET + ")", e);
        }
        throw new MagicException("no Spark scheduler in " + dist + ": " + HOW_TO_GET);
    }

    /** The frontier-spark jar and Spark's jars; missing ones (offline, never downloaded) are an error saying how to get them. */
    static URL[] urls(Path dist) {
        Path jars = dist.resolve("spark-home/jars");
        if (!Files.isDirectory(jars)) throw new MagicException("Spark is not prepared in " + dist + " (no spark-home/jars): " + HOW_TO_GET);
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> s = Files.list(dist)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("frontier-spark-") && n.endsWith(".jar") && !n.contains("-tests")) urls.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw new MagicException("cannot list " + dist + ": " + e.getMessage());
        }
        if (urls.isEmpty()) throw new MagicException("no frontier-spark jar in " + dist + ": " + HOW_TO_GET);
        List<Path> missing = new ArrayList<>();
        int n = 0;
        try (Stream<Path> s = Files.list(jars)) {
            for (Path j : s.sorted().toList()) {
                if (!j.toString().endsWith(".jar")) continue;
                n++;
                if (!Files.isRegularFile(j)) missing.add(j);
                else urls.add(j.toUri().toURL());
            }
        } catch (IOException e) {
            throw new MagicException("cannot list " + jars + ": " + e.getMessage());
        }
        if (n == 0 || !missing.isEmpty()) {
            String which = n == 0 ? "none is linked in " + jars : missing.size() + " of " + n + " are missing, e.g. " + target(missing.get(0));
            throw new MagicException("Spark's jars are not in the local Maven repository (" + which + "): " + HOW_TO_GET);
        }
        return urls.toArray(URL[]::new);
    }

    private static String target(Path link) {
        try {
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : link.toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    /** Shows the Spark loader only Frontier's classes (not frontier.spark, which it loads itself) and the JDK. */
    static final class FrontierOnly extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader kernel;

        FrontierOnly(ClassLoader kernel) {
            super("frontier-api-for-spark", ClassLoader.getPlatformClassLoader());
            this.kernel = kernel;
        }

        private static boolean shared(String name) {
            return name.startsWith("frontier.") && !name.startsWith("frontier.spark.");
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (shared(name)) return kernel.loadClass(name);
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            return name.startsWith("frontier/") && !name.startsWith("frontier/spark/") ? kernel.getResource(name) : null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return name.startsWith("frontier/") && !name.startsWith("frontier/spark/") ? kernel.getResources(name)
                    : java.util.Collections.emptyEnumeration();
        }
    }
}
