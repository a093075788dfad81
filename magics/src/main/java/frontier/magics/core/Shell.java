package frontier.magics.core;

import frontier.magics.MagicContext;
import frontier.magics.MagicException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs shell commands for {@code !cmd} and {@code %%bash}: the output is streamed to the
 * context's out/err while the command runs (not collected until it ends), stdin is empty, the
 * working directory is the context's. If the calling thread is interrupted (the kernel's
 * interrupt) the command and its children are killed.
 */
public final class Shell {
    private Shell() {
    }

    /** Runs {@code bash -c cmd} (what {@code !cmd} does) and returns its exit status. */
    public static int run(String cmd, MagicContext ctx) {
        return exec(List.of("bash", "-c", cmd), ctx);
    }

    /** Runs a command, streaming its output, and returns its exit status. */
    public static int exec(List<String> command, MagicContext ctx) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ctx.cwd().toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MagicException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close(); // empty stdin: a command that reads it sees EOF, never hangs
        } catch (IOException ignored) {
            // the process may already have exited
        }
        Thread out = pump(process.getInputStream(), ctx.out(), "stdout");
        Thread err = pump(process.getErrorStream(), ctx.err(), "stderr");
        try {
            int status = process.waitFor();
            out.join();
            err.join();
            return status;
        } catch (InterruptedException e) {
            // the shell first (so it runs nothing more), then the children it had started
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
            throw MagicException.internal(command.get(0) + " was interrupted", e);
        }
    }

    private static Thread pump(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) > 0) {
                    to.print(new String(buffer, 0, n));
                    to.flush();
                }
            } catch (IOException e) {
                // the process went away; what was read has been written
            }
        }, "frontier-shell-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
