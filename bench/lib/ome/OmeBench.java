import frontier.http.Http;
import frontier.http.RetryPolicy;
import frontier.http.StaticFileServer;
import frontier.ome.DownloadReport;
import frontier.ome.OmeInfo;
import frontier.ome.OmeZarr;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/ome-info and bench/ome-download, our side and the peer's in one run against one loopback
 * server (this JVM's StaticFileServer), so that both make requests to the same server and its
 * request counter counts both. Our runs and the peer's alternate. usage: OmeBench info|download SERVE_DIR NAME RUNS PEER_SCRIPT|- WORK_DIR
 * (- runs ours only); or OmeBench http-cost SERVE_DIR NAME ROUNDS ({@link HttpCost}). Prints key=value
 * lines for the shell script.
 */
public class OmeBench {
    public static void main(String[] args) throws Exception {
        String what = args[0];
        if (what.equals("http-cost")) {
            HttpCost.main(args);
            return;
        }
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
            List<Double> oursCpu = new ArrayList<>(); // this JVM's CPU (ms) during our runs: the client's and the server's
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
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                if (what.equals("info")) {
                    OmeInfo info = OmeZarr.info(url);
                    lastText = info.toString();
                } else {
                    last = OmeZarr.download(url, out);
                }
                ours.add((System.nanoTime() - t0) / 1e9);
                oursCpu.add((cpuNanos() - c0) / 1e6);
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
            System.out.printf("ours_cpu_ms=%.0f%n", median(oursCpu));
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

    /** This JVM's CPU time so far (all threads). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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

    /**
     * What our HTTP client library (java.net.http) costs on bench/ome-download, measured rather than
     * guessed: every file of the fixture is fetched from one loopback server (this JVM's
     * StaticFileServer, as in OmeBench) by curl (a native client, its own process) and by
     * {@link Http} (16 requests in flight each, as the download has), bodies discarded, rounds
     * alternating. The server's CPU is this JVM's CPU during curl's rounds; our client's is this JVM's
     * CPU during its rounds minus the server's. usage: OmeBench http-cost SERVE_DIR NAME ROUNDS; prints key=value
     * lines (CPU milliseconds for all the files, medians of the rounds after the first two).
     */
    static final class HttpCost {
        private static final int IN_FLIGHT = 16;

        static void main(String[] args) throws Exception {
            Path serve = Path.of(args[1]);
            String name = args[2];
            int rounds = Integer.parseInt(args[3]);
            List<String> files = new ArrayList<>();
            try (var walk = Files.walk(serve.resolve(name))) {
                walk.filter(Files::isRegularFile).forEach(f -> files.add(serve.relativize(f).toString().replace('\\', '/')));
            }
            Path config = Files.createTempFile("http-cost", ".curl");
            try (StaticFileServer server = StaticFileServer.start(serve, 0)) {
                StringBuilder c = new StringBuilder();
                for (String f : files) c.append("url = ").append(server.url(f)).append("\noutput = /dev/null\n");
                Files.writeString(config, c);
                List<URI> uris = files.stream().map(f -> URI.create(server.url(f))).toList();
                List<Double> serverMs = new ArrayList<>();
                List<Double> curlMs = new ArrayList<>();
                List<Double> oursMs = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long before = cpuNanos();
                    double curl = curl(config);
                    double srv = (cpuNanos() - before) / 1e6;
                    before = cpuNanos();
                    fetchAll(uris);
                    double both = (cpuNanos() - before) / 1e6;
                    if (r < 2) continue; // the JIT warming up
                    serverMs.add(srv);
                    curlMs.add(curl);
                    oursMs.add(both);
                }
                double serverCpu = median(serverMs);
                System.out.println("files=" + files.size());
                System.out.printf("server_ms=%.0f%n", serverCpu);
                System.out.printf("curl_ms=%.0f%n", median(curlMs));
                System.out.printf("javanet_ms=%.0f%n", median(oursMs) - serverCpu);
            } finally {
                Files.deleteIfExists(config);
            }
        }

        /** curl fetching every file, IN_FLIGHT at once on kept-alive connections; its CPU (user + system) in ms. */
        static double curl(Path config) throws Exception {
            Process p = new ProcessBuilder("/usr/bin/time", "-f", "cpu %U %S", "curl", "-s", "-f", "-Z", "--parallel-max",
                    String.valueOf(IN_FLIGHT), "-K", config.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("curl failed: " + err);
            String[] w = err.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow().split(" ");
            return (Double.parseDouble(w[1]) + Double.parseDouble(w[2])) * 1000;
        }

        /** Every file through our one HTTP client, IN_FLIGHT threads each sending one GET after another. */
        static void fetchAll(List<URI> uris) throws Exception {
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failed = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < IN_FLIGHT; t++) {
                Thread th = new Thread(() -> {
                    try {
                        for (int i; (i = next.getAndIncrement()) < uris.size(); ) {
                            Http.Reply r = Http.shared().get(Http.Get.of(uris.get(i)), RetryPolicy.defaults());
                            if (!r.isSuccess()) throw new IllegalStateException(r.describe());
                        }
                    } catch (Throwable e) {
                        failed.add(e);
                    }
                });
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) th.join();
            if (!failed.isEmpty()) throw new IllegalStateException(failed.get(0));
        }
    }
}
