package frontier.kernel.it;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real peers the integration tests drive: Debian's /usr/bin/python3 with jupyter_client,
 * nbclient and jupyter_kernel_test, against the kernel installed (once per test JVM) from the
 * packaged jar into a temporary prefix.
 */
final class Peers {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String KERNEL_NAME = "frontier-java-it";
    private static Path prefix;

    private Peers() {
    }

    static Path moduleDir() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("src/test/python")) ? p : p.resolve("kernel");
    }

    static Path target() {
        return moduleDir().resolve("target");
    }

    static Path jar() {
        String prop = System.getProperty("frontier.kernel.jar");
        Path jar = prop != null ? Path.of(prop) : null;
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("the kernel jar is not built (" + prop + "): run mvn verify, which packages it first");
        }
        return jar;
    }

    /** Skips loudly when a Debian Python package is missing. */
    static void requirePython(String module, String debianPackage) {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "SKIPPED: /usr/bin/python3 is missing (Debian python3)");
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module).redirectErrorStream(true).start();
            boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) {
                System.err.println("SKIPPED: python module " + module + " missing: apt-get install " + debianPackage);
            }
            Assumptions.assumeTrue(ok, "SKIPPED: python module " + module + " missing: apt-get install " + debianPackage);
        } catch (IOException | InterruptedException e) {
            Assumptions.abort("SKIPPED: cannot run /usr/bin/python3: " + e);
        }
    }

    /** The prefix holding share/jupyter/kernels/frontier-java-it, installed once per JVM. */
    static synchronized Path installedPrefix() throws IOException, InterruptedException {
        if (prefix == null) {
            Path p = target().resolve("it-prefix");
            Result r = run(List.of(javaBin(), "-jar", jar().toString(), "install", "--prefix", p.toString(),
                    "--name", KERNEL_NAME), Map.of(), target().resolve("it-install.log"), 300);
            if (r.exit() != 0) {
                throw new IllegalStateException("kernel install failed:\n" + r.output());
            }
            prefix = p;
        }
        return prefix;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Map<String, String> jupyterEnv() throws IOException, InterruptedException {
        Path jupyterPath = installedPrefix().resolve("share/jupyter");
        return Map.of("JUPYTER_PATH", jupyterPath.toString(), "FRONTIER_KERNEL_NAME", KERNEL_NAME,
                "PYTHONUNBUFFERED", "1");
    }

    record Result(int exit, String output) {
    }

    /** Runs a command, its output (stdout+stderr) copied to a log under target/. */
    static Result run(List<String> cmd, Map<String, String> env, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-1, "TIMED OUT after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static Result python(String script, Path log, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        return python(script, log, timeoutSeconds, Map.of(), args);
    }

    /** A script run with the installed kernel, env added to the kernel's environment (which it inherits). */
    static Result python(String script, Path log, int timeoutSeconds, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), moduleDir().resolve("src/test/python").resolve(script).toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(jupyterEnv());
        all.putAll(env);
        return run(cmd, all, log, timeoutSeconds);
    }

    /**
     * The spark module's target folder, where its package phase prepared Spark (spark-home/jars, the
     * frontier-spark jar, lib/), as %spark finds it from the kernel jar. The reactor builds the
     * spark module before the kernel, so only a partial build (-pl kernel) can lack it: then skip, loudly.
     */
    static Path sparkDist() {
        Path dist = moduleDir().resolve("../spark/target").normalize();
        boolean ready = Files.isDirectory(dist.resolve("spark-home/jars")) && Files.isDirectory(dist.resolve("lib"));
        if (!ready) System.err.println("SKIPPED: Spark is not prepared in " + dist + " (build the whole reactor: mvn verify, or mvn package -pl spark -am first)");
        Assumptions.assumeTrue(ready, "Spark is not prepared in " + dist);
        return dist;
    }

    /** A jar of the classes under classes/packagePath (classes of the tests' own ops, for executors and %classpath). */
    static Path jarOf(Path classes, String packagePath, Path jar) throws IOException {
        try (var out = Files.newOutputStream(jar); var j = new java.util.jar.JarOutputStream(out);
             var files = Files.walk(classes.resolve(packagePath))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }
}
