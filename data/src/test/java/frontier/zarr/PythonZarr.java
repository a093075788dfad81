package frontier.zarr;

import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the zarr-python 2.13 oracle (Debian python3-zarr, python3-numcodecs) from the test suite. */
final class PythonZarr {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/zarr_crosscheck.py").toAbsolutePath();
    private static Boolean available;

    private PythonZarr() {
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(Path.of(PYTHON)) && exec(60, PYTHON, "-c", "import zarr, numcodecs, numpy").exitCode == 0;
            } catch (IOException e) {
                available = false;
            }
            if (!available) {
                System.err.println("!!! SKIPPING zarr-python cross-checks: " + PYTHON
                        + " cannot import zarr/numcodecs/numpy (install the Debian packages python3-zarr python3-numcodecs)");
            }
        }
        return available;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "needs " + PYTHON + " with Debian python3-zarr and python3-numcodecs");
    }

    /** Runs the cross-check script; returns stdout, failing with stderr when it fails. */
    static String run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Result r = exec(300, cmd.toArray(new String[0]));
        if (r.exitCode != 0) throw new IOException("zarr_crosscheck.py " + String.join(" ", args) + " failed (" + r.exitCode + "):\n" + r.stderr);
        return r.stdout;
    }

    static final class Result {
        int exitCode;
        String stdout;
        String stderr;
    }

    static Result exec(int timeoutSeconds, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Thread to = pump(p.getInputStream(), out), te = pump(p.getErrorStream(), err);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out after " + timeoutSeconds + " s");
            }
            to.join();
            te.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Result r = new Result();
        r.exitCode = p.exitValue();
        r.stdout = out.toString(StandardCharsets.UTF_8);
        r.stderr = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process died; its exit code tells
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
