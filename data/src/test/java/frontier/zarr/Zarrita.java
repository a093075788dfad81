package frontier.zarr;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Zarr v3 oracle, zarrita (npm zarrita 0.7 and @zarrita/storage, in peers/, installed by
 * setup.sh) under Node, through peers/zarrita-check.mjs. Tests skip loudly when node or the package is absent.
 */
public final class Zarrita {
    private static Path peers;
    private static Boolean available;

    private Zarrita() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            for (Path p : List.of(Path.of("peers"), Path.of("../peers"))) {
                if (Files.isDirectory(p.resolve("node_modules/zarrita")) && Files.isDirectory(p.resolve("node_modules/@zarrita/storage"))) {
                    peers = p.toAbsolutePath();
                }
            }
            boolean node;
            try {
                node = PythonZarr.exec(30, "node", "--version").exitCode == 0;
            } catch (IOException e) {
                node = false;
            }
            available = peers != null && node;
            if (!available) {
                System.err.println("!!! SKIPPING zarrita cross-checks: needs node and npm zarrita 0.7 + @zarrita/storage in peers/node_modules (setup.sh --deps-only)");
            }
        }
        return available;
    }

    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "needs node and npm zarrita + @zarrita/storage in peers/node_modules");
    }

    /** Runs zarrita-check.mjs with these arguments; its stdout lines, failing with its stderr when it fails. */
    public static List<String> run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("node", peers.resolve("zarrita-check.mjs").toString()));
        cmd.addAll(List.of(args));
        PythonZarr.Result r = PythonZarr.exec(300, cmd.toArray(new String[0]));
        if (r.exitCode != 0) throw new IOException("zarrita-check.mjs " + args[0] + " failed (" + r.exitCode + "):\n" + r.stderr);
        return r.stdout.lines().toList();
    }

    public static Path peers() {
        return peers;
    }
}
