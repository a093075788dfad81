package frontier.store.s3;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server on loopback for the s3:// tests: moto in server mode
 * ({@code python3 -m moto.server -H 127.0.0.1 -p PORT}), started once per test JVM and stopped when
 * it exits. moto comes from Debian's python3-moto where the release packages it (trixie on), or
 * else from the machine image's Python 3.11 (the python3 first on PATH), which ships moto 5 with
 * boto3; FRONTIER_MOTO_PYTHON names another interpreter. Buckets are filled with boto3
 * (src/test/python/s3_fixture.py). Tests skip loudly when no interpreter has moto.
 */
public final class MotoServer {
    private static MotoServer shared;
    private static String whyNot;

    private final String python;
    private final Process process;
    private final String endpoint;

    private MotoServer(String python, Process process, String endpoint) {
        this.python = python;
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The server of this test JVM, started on first use; skips the calling test when moto is not installed. */
    public static synchronized MotoServer shared() throws IOException, InterruptedException {
        if (shared == null && whyNot == null) {
            String py = findPython();
            if (py == null) {
                whyNot = "no Python with moto and boto3 (install Debian's python3-moto, or set FRONTIER_MOTO_PYTHON)";
                System.err.println("!!! SKIPPING the S3 tests: " + whyNot);
            } else {
                shared = start(py);
            }
        }
        Assumptions.assumeTrue(shared != null, whyNot);
        return shared;
    }

    static String findPython() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("FRONTIER_MOTO_PYTHON");
        if (env != null && !env.isBlank()) candidates.add(env);
        candidates.add("/usr/bin/python3");
        // setup.sh's venv, where no interpreter had moto: the repository root is above data/
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path venv = d.resolve("peers/moto-venv/bin/python");
            if (Files.isExecutable(venv)) {
                candidates.add(venv.toString());
                break;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, "python3");
                if (Files.isExecutable(p)) candidates.add(p.toString());
            }
        }
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import moto.server, boto3").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return c;
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    private static MotoServer start(String python) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        Process p = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
                Files.deleteIfExists(log);
            } catch (InterruptedException | IOException ignored) {
                // exiting anyway
            }
        }));
        String endpoint = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!p.isAlive()) throw new IOException("moto.server exited (" + p.exitValue() + "):\n" + Files.readString(log));
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) break;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > until) {
                p.destroyForcibly();
                throw new IOException("moto.server did not answer on " + endpoint + " within 60 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return new MotoServer(python, p, endpoint);
    }

    /** http://127.0.0.1:PORT */
    public String endpoint() {
        return endpoint;
    }

    /** Creates a bucket and runs s3_fixture.py's further arguments (--public, --upload DIR PREFIX, --put KEY TEXT). */
    public void bucket(String bucket, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, script().toString(), endpoint, bucket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        if (p.exitValue() != 0) throw new IOException("s3_fixture.py failed (" + p.exitValue() + "): " + cmd + "\n" + out);
    }

    private static Path script() {
        for (Path p : List.of(Path.of("src/test/python/s3_fixture.py"), Path.of("../data/src/test/python/s3_fixture.py"))) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
        }
        throw new IllegalStateException("s3_fixture.py not found from " + Path.of("").toAbsolutePath());
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
