package frontier.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code !cmd}: runs a command with bash in the session's directory, streaming its output. */
public final class ShellCommand {
    private static volatile Process running;

    private ShellCommand() {
    }

    /** Runs to the end (or until interrupted) and returns the exit status. */
    public static int run(String command, Path cwd, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).directory(cwd.toFile()).start();
        running = p;
        p.getOutputStream().close();
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        try {
            int status = p.waitFor();
            o.join();
            e.join();
            return status;
        } finally {
            running = null;
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** Interrupt: kill the running command (and what it started). */
    public static void interrupt() {
        Process p = running;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static Thread pump(InputStream in, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    to.write(buf, 0, n);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "frontier-shell-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
