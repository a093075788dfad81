import frontier.http.StaticFileServer;
import frontier.ome.DownloadReport;
import frontier.ome.OmeInfo;
import frontier.ome.OmeZarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * bench/ome-info and bench/ome-download, our side and the peer's in one run against one loopback
 * server (this JVM's StaticFileServer), so that both make requests to the same server and its
 * request counter counts both. Our runs and the peer's alternate. usage: OmeBench info|download SERVE_DIR NAME RUNS PEER_SCRIPT|- WORK_DIR
 * (- runs ours only). Prints key=value lines for the shell script.
 */
public class OmeBench {
    public static void main(String[] args) throws Exception {
        String what = args[0];
        Path serve = Path.of(args[1]);
        String name = args[2];
        int runs = Integer.parseInt(args[3]);
        String peer = args[4];
        Path work = Path.of(args[5]);
        try (StaticFileServer server = StaticFileServer.start(serve, 0);
             Peer p = peer.equals("-") ? null : new Peer(peer)) {
            String url = server.url(name);
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            long ourRequests = 0;
            long peerRequests = 0;
            String lastText = null;
            DownloadReport last = null;
            // Runs alternate, ours then the peer's: whatever slows the machine or its disk for a
            // while (another process, ext4 after a mass delete) falls on both sides alike.
            for (int i = 0; i < runs; i++) {
                Path out = work.resolve("ours-" + i);
                delete(out);
                sync();
                server.resetRequestCount();
                long t0 = System.nanoTime();
                if (what.equals("info")) {
                    OmeInfo info = OmeZarr.info(url);
                    lastText = info.toString();
                } else {
                    last = OmeZarr.download(url, out);
                }
                ours.add((System.nanoTime() - t0) / 1e9);
                ourRequests = server.requestCount();
                // Each run's copy stays until the script ends (bench/lib/trash.sh says why).
                if (p != null) {
                    sync(); // our copy's writes are flushed before the peer's run, as the peer's are before ours
                    server.resetRequestCount();
                    theirs.add(p.run(what, url, work.resolve("peer-" + i)));
                    peerRequests = server.requestCount();
                }
            }
            if (p != null) {
                System.out.printf("peer_first=%.4f%n", theirs.get(0));
                System.out.println("peer_runs=" + runs(theirs));
                System.out.printf("peer_seconds=%.4f%n", median(theirs));
                System.out.println("peer_requests=" + peerRequests);
            }
            System.out.printf("ours_first=%.4f%n", ours.get(0));
            System.out.println("ours_runs=" + runs(ours));
            System.out.printf("ours_seconds=%.4f%n", median(ours));
            System.out.println("ours_requests=" + ourRequests);
            if (last != null) {
                System.out.println("ours_copy=" + last.target());
                System.out.println("ours_bytes=" + last.bytesWritten());
                System.out.println("ours_files=" + last.filesWritten());
                System.out.println("ours_report=" + last);
            }
            if (lastText != null) System.out.println("ours_nodes=" + lastText.lines().filter(l -> l.endsWith("[zgroup]") || l.endsWith("(hidden)")).count());
        }
    }

    /** The peer (ome_peer.py serve): one Python process, warm after its first run, like our JVM. */
    static final class Peer implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader from;
        private final java.io.PrintWriter to;

        Peer(String script) throws java.io.IOException {
            process = new ProcessBuilder("/usr/bin/python3", script, "serve").redirectErrorStream(true).start();
            from = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            to = new java.io.PrintWriter(process.getOutputStream(), true);
        }

        double run(String what, String url, Path out) throws java.io.IOException {
            to.println(what + " " + url + (what.equals("download") ? " " + out : ""));
            StringBuilder said = new StringBuilder();
            for (String line; (line = from.readLine()) != null; ) {
                if (line.startsWith("seconds=")) return Double.parseDouble(line.substring(8));
                said.append(line).append('\n');
            }
            throw new IllegalStateException("peer failed:\n" + said);
        }

        @Override
        public void close() throws Exception {
            to.close();
            process.waitFor();
        }
    }

    static String runs(List<Double> times) {
        return times.stream().map(t -> String.format("%.3f", t)).reduce((x, y) -> x + "," + y).orElse("");
    }

    /** As Python's statistics.median. */
    static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }

    /** Flushes the disk before a timed run: on ext4 with online discard, deleting the previous copy slows the next run otherwise. */
    static void sync() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    static void delete(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }
}
