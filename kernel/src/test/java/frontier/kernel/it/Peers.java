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
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), moduleDir().resolve("src/test/python").resolve(script).toString()));
        cmd.addAll(List.of(args));
        return run(cmd, jupyterEnv(), log, timeoutSeconds);
    }
}
