package frontier.ome;

import frontier.array.graph.TaskGraph;
import frontier.array.sched.Scheduler;
import frontier.array.sched.SchedulerContext;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.http.StaticFileServer;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** download over a real loopback server: byte-for-byte copies, resume, interruption, hostile metadata. */
class OmeDownloadTest {

    static Path servedCopy(Path parent, String name, String... args) throws Exception {
        Path img = Fixtures.make(name, args);
        Path copy = parent.resolve(name);
        OmeInfoTest.copyTree(img, copy);
        return copy;
    }

    @Test
    void copiesEverythingByteForByteIncludingMasks(@TempDir Path tmp) throws Exception {
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        Path out = tmp.resolve("out");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Map<String, Long> bars = new ConcurrentHashMap<>();
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>(); // bars started and ended, in order
        ProgressSink sink = (label, total, unit) -> {
            AtomicLong done = new AtomicLong();
            shown.add("start " + label);
            return new Progress() {
                @Override
                public void advance(long n) {
                    done.addAndGet(n);
                }

                @Override
                public void close() {
                    bars.put(label + " " + total + " " + unit, done.get());
                    shown.add("end " + label);
                }
            };
        };
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            DownloadReport r = new OmeDownload(s.url("tiny.zarr"), out).output(new PrintStream(text, true, StandardCharsets.UTF_8))
                    .progress(sink).run();
            TreeMap<String, String> want = Fixtures.tree(src);
            assertEquals(want, Fixtures.tree(out.resolve("tiny.zarr")), "same files, same bytes");
            assertTrue(want.containsKey("masks/0/0/0.0.0.0.0") && want.containsKey("labels/0/2/.zarray"));
            assertEquals(want.size(), r.filesWritten());
            assertEquals(0, r.filesAlreadyPresent());
            assertTrue(r.toString().startsWith("downloaded " + want.size() + " files"), r.toString());
        }
        assertEquals("downloading...\n"
                + "   tiny.zarr\n"
                + "   tiny.zarr/labels\n"
                + "   tiny.zarr/labels/0\n"
                + "   tiny.zarr/masks\n"
                + "   tiny.zarr/masks/0\n"
                + "to " + out + "\n", text.toString(StandardCharsets.UTF_8));
        // One bar per array, each run to its total (8 chunks per level of the image, 4 per label level).
        assertEquals(9, bars.size(), bars.toString());
        assertEquals(8L, bars.get("tiny.zarr/0 8 chunks"));
        assertEquals(4L, bars.get("tiny.zarr/masks/0/2 4 chunks"));
        bars.forEach((k, v) -> assertTrue(k.startsWith("tiny.zarr/") && k.contains(" " + v + " chunks"), k + " -> " + v));
        // One graph copies every array, yet the bars come one after another, smallest level first.
        assertEquals(18, shown.size(), shown.toString());
        for (int i = 0; i < shown.size(); i += 2) {
            assertTrue(shown.get(i).startsWith("start ") && shown.get(i + 1).equals("end " + shown.get(i).substring(6)), shown.toString());
        }
        assertEquals(List.of("start tiny.zarr/2", "end tiny.zarr/2", "start tiny.zarr/1"), shown.subList(0, 3));
    }

    @Test
    void runsAsTaskGraphsOnTheSessionsSchedulerAndTheGraphsTravel(@TempDir Path tmp) throws Exception {
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        Path out = tmp.resolve("out");
        // A scheduler as a cluster's would run the graph: sent as bytes, run from the copy (the store reopened by URL).
        AtomicInteger graphs = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        Scheduler elsewhere = graph -> {
            graphs.incrementAndGet();
            tasks.addAndGet(graph.size());
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
                    o.writeObject(graph);
                }
                TaskGraph copy;
                try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    copy = (TaskGraph) in.readObject();
                }
                return new ThreadPoolScheduler(2).withoutProgressBars().run(copy);
            } catch (IOException | ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        };
        SchedulerContext session = new SchedulerContext();
        session.use(elsewhere);
        SchedulerContext.bind(session);
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            DownloadReport r = OmeZarr.download(s.url("tiny.zarr"), out);
            TreeMap<String, String> want = Fixtures.tree(src);
            assertEquals(want, Fixtures.tree(out.resolve("tiny.zarr")), "same files, same bytes");
            assertEquals(want.size(), r.filesWritten());
            long chunks = want.keySet().stream().filter(k -> !k.contains(".z") && !k.endsWith("zarr.json")).count();
            assertEquals(1, graphs.get(), "one graph for the 9 arrays");
            assertEquals(2 * chunks + 1, tasks.get(), "a fetch and a write per chunk, and a tally");
        } finally {
            SchedulerContext.bind(null);
        }
    }

    @Test
    void secondRunFetchesNoChunkAndIncompleteFilesAreRefetched(@TempDir Path tmp) throws Exception {
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        Path out = tmp.resolve("out");
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            DownloadReport first = OmeZarr.download(s.url("tiny.zarr"), out);
            List<String> chunkRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> sizeChecks = new java.util.concurrent.CopyOnWriteArrayList<>();
            s.setFault((path, ex) -> {
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (file.startsWith(".") || file.equals("zarr.json")) return false; // metadata, not chunks
                // a chunk already there is checked by size: a ranged request for at most its last byte and one more
                String range = ex.requestHeader("Range");
                if (range != null && range.matches("bytes=(\\d+)-(\\d+)") && Long.parseLong(range.split("[=-]")[2]) - Long.parseLong(range.split("[=-]")[1]) == 1) {
                    sizeChecks.add(path);
                } else {
                    chunkRequests.add(path);
                }
                return false;
            });
            DownloadReport second = OmeZarr.download(s.url("tiny.zarr"), out);
            assertEquals(List.of(), chunkRequests, "no chunk fetched twice");
            assertEquals(second.filesAlreadyPresent() - Fixtures.tree(src).keySet().stream().filter(k -> k.contains("/.z") || k.startsWith(".z")).count(),
                    sizeChecks.size(), "each chunk's size checked once: " + sizeChecks);
            assertEquals(0, second.filesRepaired());
            assertEquals(0, second.filesWritten());
            assertEquals(first.filesWritten(), second.filesAlreadyPresent());

            // A run killed mid-write leaves only a temporary file; the next run discards it and fetches the chunk.
            Path chunk = out.resolve("tiny.zarr/0/0.1.2.0.0");
            Files.delete(chunk);
            Files.write(chunk.resolveSibling(chunk.getFileName() + OmeDownload.PART), new byte[]{1, 2, 3});
            DownloadReport third = OmeZarr.download(s.url("tiny.zarr"), out);
            assertEquals(List.of("/tiny.zarr/0/0.1.2.0.0"), chunkRequests);
            assertEquals(1, third.filesWritten());
            assertEquals(Fixtures.tree(src), Fixtures.tree(out.resolve("tiny.zarr")));
        }
    }

    @Test
    void failedDownloadLeavesNoCompleteLookingWrongFile(@TempDir Path tmp) throws Exception {
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        Path out = tmp.resolve("out");
        AtomicInteger served = new AtomicInteger();
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            // Some chunks are always cut short (Content-Length promised, fewer bytes sent), however often asked.
            s.setFault((path, ex) -> {
                if (!path.endsWith(".2.0.0")) return false;
                served.incrementAndGet();
                ex.sendResponseHeaders(200, 5000);
                ex.body().write(new byte[7]);
                ex.close();
                return true;
            });
            IOException e = assertThrows(IOException.class, () -> new OmeDownload(s.url("tiny.zarr"), out).run());
            assertTrue(e.getMessage().contains(s.url("tiny.zarr/")), e.getMessage());
            // a new copy is made in tiny.zarr.frontier-part: nothing named tiny.zarr until it is complete
            assertFalse(Files.exists(out.resolve("tiny.zarr")));
            Path part = out.resolve("tiny.zarr" + OmeDownload.PART);
            TreeMap<String, String> want = Fixtures.tree(src);
            TreeMap<String, String> got = Fixtures.tree(part);
            for (Map.Entry<String, String> f : got.entrySet()) {
                assertEquals(want.get(f.getKey()), f.getValue(), "every file present is complete and right: " + f.getKey());
            }
            assertTrue(got.size() < want.size() && got.size() > 0, got.keySet().toString());
            // a run killed mid-write leaves a chunk cut short: the re-run finds it by its size
            String chunk = got.keySet().stream().filter(k -> !k.substring(k.lastIndexOf('/') + 1).startsWith(".")).findFirst().orElseThrow();
            Path cut = part.resolve(chunk);
            byte[] whole = Files.readAllBytes(cut);
            Files.write(cut, Arrays.copyOf(whole, whole.length - 1));
            s.setFault(null);
            List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
            s.setFault((path, ex) -> {
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (ex.requestHeader("Range") == null && !file.startsWith(".") && !file.equals("zarr.json")) fetched.add(path); // chunks, not metadata
                return false;
            });
            DownloadReport again = OmeZarr.download(s.url("tiny.zarr"), out);
            assertEquals(want, Fixtures.tree(out.resolve("tiny.zarr")), "a re-run completes the copy");
            assertFalse(Files.exists(part));
            assertEquals(1, again.filesRepaired(), again.toString());
            long chunksLeft = want.keySet().stream().filter(k -> !k.substring(k.lastIndexOf('/') + 1).startsWith(".")).count()
                    - got.keySet().stream().filter(k -> !k.substring(k.lastIndexOf('/') + 1).startsWith(".")).count();
            assertEquals(chunksLeft + 1, fetched.size(), "the re-run fetches what was missing and the chunk cut short: " + fetched);
        }
    }

    @Test
    void missingChunkStaysMissing(@TempDir Path tmp) throws Exception {
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        Files.delete(src.resolve("1/0.0.3.0.0"));
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            DownloadReport r = OmeZarr.download(s.url("tiny.zarr"), tmp.resolve("out"));
            assertEquals(1, r.chunksMissing());
            assertEquals(Fixtures.tree(src), Fixtures.tree(tmp.resolve("out/tiny.zarr")));
        }
    }

    @Test
    void ngff04WithDotSeparatedKeysIsCopiedToo(@TempDir Path tmp) throws Exception {
        // zarr-python wrote '.' keys without dimension_separator; NGFF 0.4 implies '/': probe, do not guess.
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny04.zarr", "--size", "tiny", "--ngff", "0.4");
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            OmeZarr.download(s.url("tiny04.zarr"), tmp.resolve("out"));
            assertEquals(Fixtures.tree(src), Fixtures.tree(tmp.resolve("out/tiny04.zarr")));
        }
    }

    @Test
    void aPlateIsCopiedWholeEveryWellAndField(@TempDir Path tmp) throws Exception {
        // ome-zarr-py copies only a plate's own metadata; a user wants the wells' images too
        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "plate.zarr", "--size", "tiny", "--plate");
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            DownloadReport r = OmeZarr.download(s.url("plate.zarr"), tmp.resolve("out"));
            assertEquals(Fixtures.tree(src), Fixtures.tree(tmp.resolve("out/plate.zarr")));
            assertEquals(Fixtures.tree(src).size(), r.filesWritten());
            OmeZarr.download(s.url("plate.zarr/A/3"), tmp.resolve("one-well"));
            assertEquals(Fixtures.tree(src.resolve("A/3")), Fixtures.tree(tmp.resolve("one-well/3")));
        }
    }

    @Test
    void plateAndWellPathsThatEscapeTheTargetAreRefused(@TempDir Path tmp) throws Exception {
        String[][] cases = {
                {".zattrs", "{\"plate\": {\"version\": \"0.4\", \"rows\": [{\"name\": \"A\"}], \"columns\": [{\"name\": \"1\"}],"
                        + " \"wells\": [{\"path\": \"A/1\", \"rowIndex\": 0, \"columnIndex\": 0}, {\"path\": \"../../evil\", \"rowIndex\": 0, \"columnIndex\": 0}]}}",
                        "plate.wells[1].path = '../../evil'"},
                {"A/1/.zattrs", "{\"well\": {\"version\": \"0.4\", \"images\": [{\"path\": \"0\"}, {\"path\": \"/etc/evil\"}]}}",
                        "well.images[1].path = '/etc/evil'"},
        };
        for (String[] c : cases) {
            Path srv = Files.createDirectories(tmp.resolve("srv" + c[2].hashCode()));
            Path src = servedCopy(srv, "plate.zarr", "--size", "tiny", "--plate");
            Files.writeString(src.resolve(c[0]), c[1]);
            Path out = tmp.resolve("out" + c[2].hashCode());
            try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
                OmeException e = assertThrows(OmeException.class, () -> OmeZarr.download(s.url("plate.zarr"), out));
                assertTrue(e.getMessage().contains(c[2]) && e.getMessage().contains("refusing"), e.getMessage());
            }
            assertFalse(Files.exists(out), "nothing written for " + c[1]);
        }
    }

    @Test
    void namesThatEscapeTheTargetAreRefused(@TempDir Path tmp) throws Exception {
        String[][] cases = {
                {".zattrs", "{\"multiscales\": [{\"version\": \"0.1\", \"datasets\": [{\"path\": \"../../evil\"}]}]}", "multiscales[0].datasets[0].path = '../../evil'"},
                {"labels/.zattrs", "{\"labels\": [\"../../../evil\"]}", "labels[0] = '../../../evil'"},
                {"labels/.zattrs", "{\"labels\": [\"/etc/evil\"]}", "labels[0] = '/etc/evil'"},
                {"labels/.zattrs", "{\"labels\": [\"..\\\\..\\\\evil\"]}", "contains a backslash"},
        };
        for (String[] c : cases) {
            Path srv = Files.createDirectories(tmp.resolve("srv" + c[2].hashCode()));
            Path src = servedCopy(srv, "tiny.zarr", "--size", "tiny");
            Files.writeString(src.resolve(c[0]), c[1]);
            // Something for the hostile names to point at, so that they are not just missing.
            Path evil = Files.createDirectories(srv.resolve("evil"));
            OmeInfoTest.copyTree(src.resolve("labels/0"), evil.resolve("x"));
            Path out = tmp.resolve("out" + c[2].hashCode());
            try (StaticFileServer s = StaticFileServer.start(srv, 0)) {
                OmeException e = assertThrows(OmeException.class, () -> OmeZarr.download(s.url("tiny.zarr"), out.resolve("dl")), c[1]);
                assertTrue(e.getMessage().contains(c[2]), e.getMessage());
                assertTrue(e.getMessage().contains("refusing"), e.getMessage());
            }
            assertFalse(Files.exists(out), "nothing written for " + c[1]);
        }
    }

    @Test
    void deadServerAndServerErrorsFailClearlyInBoundedTime(@TempDir Path tmp) throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> OmeZarr.download("http://127.0.0.1:" + port + "/x.zarr", tmp.resolve("o")));
        assertTrue(e.getMessage().matches("(?s).*http://127\\.0\\.0\\.1:" + port + "/x\\.zarr/(\\.z|zarr\\.json).*"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "bounded");

        Path src = servedCopy(Files.createDirectories(tmp.resolve("srv")), "tiny.zarr", "--size", "tiny");
        try (StaticFileServer s = StaticFileServer.start(src.getParent(), 0)) {
            s.setFault((path, ex) -> {
                if (path.endsWith("0.0.1.0.0")) {
                    ex.sendResponseHeaders(500, -1);
                    return true;
                }
                return false;
            });
            long t1 = System.nanoTime();
            IOException e2 = assertThrows(IOException.class, () -> OmeZarr.download(s.url("tiny.zarr"), tmp.resolve("o2")));
            assertTrue(e2.getMessage().contains("HTTP 500") && e2.getMessage().contains("0.0.1.0.0"), e2.getMessage());
            assertTrue(System.nanoTime() - t1 < 30_000_000_000L, "bounded retries");
        }
    }
}
