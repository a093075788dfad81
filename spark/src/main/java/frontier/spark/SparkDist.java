package frontier.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the build prepared for running on Spark (the frontier-spark module's target folder):
 * {@code spark-home/jars} (Spark's jars, linked from the local Maven repository),
 * {@code frontier-spark-*.jar}, and {@code lib/} (frontier-data and its libraries) which executors
 * load, less the libraries Spark's jars already hold. Checked before anything starts, so that jars missing offline get a message saying how to
 * get them.
 */
public record SparkDist(Path dir, Path sparkHome, List<Path> executorJars) {
    public static final String HOW_TO_GET = "run ./setup.sh, or mvn -B package -pl spark -am -DskipTests, once with network";

    public static SparkDist at(Path dir) {
        Path home = dir.resolve("spark-home");
        Path jars = home.resolve("jars");
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("Spark is not prepared at " + home + ": " + HOW_TO_GET);
        }
        List<Path> missing = new ArrayList<>();
        int n = 0;
        try (Stream<Path> s = Files.list(jars)) {
            for (Path j : s.toList()) {
                n++;
                if (!Files.isRegularFile(j)) missing.add(j);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + jars + ": " + e.getMessage(), e);
        }
        if (n == 0 || !missing.isEmpty()) {
            String which = missing.isEmpty() ? "none is linked" : missing.size() + " of " + n + " are missing, e.g. "
                    + describe(missing.get(0));
            throw new IllegalStateException("Spark's jars are not in the local Maven repository (" + which + "): " + HOW_TO_GET);
        }
        List<Path> exec = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("frontier-spark-.*\\.jar") && !p.getFileName().toString().contains("-tests"))
                    .sorted().forEach(exec::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (exec.isEmpty()) throw new IllegalStateException("no frontier-spark jar in " + dir + ": " + HOW_TO_GET);
        Path lib = dir.resolve("lib");
        if (!Files.isDirectory(lib)) throw new IllegalStateException("no " + lib + ": " + HOW_TO_GET);
        try (Stream<Path> s = Files.list(lib)) {
            // executors have Spark's own jars already (the same versions: spark/runtime pins them)
            s.filter(p -> p.toString().endsWith(".jar") && !Files.exists(jars.resolve(p.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted().forEach(exec::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + lib + ": " + e.getMessage(), e);
        }
        return new SparkDist(dir, home, List.copyOf(exec));
    }

    private static String describe(Path link) {
        try {
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : link.toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    public Path log4jConfig() {
        return sparkHome.resolve("conf/log4j2.properties");
    }
}
