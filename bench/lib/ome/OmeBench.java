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
 * request counter counts both. usage: OmeBench info|download SERVE_DIR NAME RUNS PEER_SCRIPT WORK_DIR
 * Prints key=value lines for the shell script.
 */
public class OmeBench {
    public static void main(String[] args) throws Exception {
        String what = args[0];
        Path serve = Path.of(args[1]);
        String name = args[2];
        int runs = Integer.parseInt(args[3]);
        String peer = args[4];
        Path work = Path.of(args[5]);
        try (StaticFileServer server = StaticFileServer.start(serve, 0)) {
            String url = server.url(name);
            List<Double> ours = new ArrayList<>();
            long ourRequests = 0;
            String lastText = null;
            DownloadReport last = null;
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
                // Each run's copy stays until the script ends: creating files on ext4 within ~30 s of
                // deleting thousands (ext4's recently-deleted inode check) cost the next run seconds.
            }
            server.resetRequestCount();
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", peer, what, url, Integer.toString(Math.max(1, runs))));
            if (what.equals("download")) cmd.add(work.resolve("peer").toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("peer failed:\n" + out);
            long peerRequests = server.requestCount() / Math.max(1, runs);
            System.out.print(out.lines().map(l -> "peer_" + l + "\n").reduce("", String::concat));
            System.out.printf("ours_first=%.4f%n", ours.get(0));
            System.out.println("ours_runs=" + ours.stream().map(t -> String.format("%.3f", t)).reduce((x, y) -> x + "," + y).orElse(""));
            List<Double> sorted = new ArrayList<>(ours);
            Collections.sort(sorted);
            int m = sorted.size();
            double median = m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2; // as Python's statistics.median
            System.out.printf("ours_seconds=%.4f%n", median);
            System.out.println("ours_requests=" + ourRequests);
            System.out.println("peer_requests=" + peerRequests);
            if (last != null) {
                System.out.println("ours_copy=" + last.target());
                System.out.println("ours_bytes=" + last.bytesWritten());
                System.out.println("ours_files=" + last.filesWritten());
                System.out.println("ours_report=" + last);
            }
            if (lastText != null) System.out.println("ours_nodes=" + lastText.lines().filter(l -> l.endsWith("[zgroup]") || l.endsWith("(hidden)")).count());
        }
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
