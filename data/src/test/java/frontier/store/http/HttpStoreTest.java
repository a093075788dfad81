package frontier.store.http;

import frontier.http.StaticFileServer;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** HttpStore against a real loopback server (StaticFileServer), with injected faults. */
class HttpStoreTest {
    @TempDir
    static Path dir;
    static StaticFileServer server;
    static byte[] big;

    @BeforeAll
    static void serve() throws IOException {
        Files.writeString(dir.resolve("hello.txt"), "Hello Mars!\n");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/.zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(dir.resolve("with space.txt"), "space");
        big = new byte[3_000_000];
        new java.util.Random(1).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(dir.getParent().resolve("secret-" + dir.getFileName()), "secret");
        server = StaticFileServer.start(dir, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpStore fast(String url) {
        return new HttpStore(url, HttpStore.Options.defaults().withTimeout(Duration.ofMillis(800))
                .withRetries(2, Duration.ofMillis(20)));
    }

    @Test
    void getsValuesAndCountsRequests() throws IOException {
        server.setFault(null);
        try (HttpStore s = new HttpStore(server.url())) {
            assertEquals("Hello Mars!\n", new String(s.get("hello.txt"), StandardCharsets.UTF_8));
            assertEquals("{\"zarr_format\": 2}", new String(s.get("a/b/.zgroup"), StandardCharsets.UTF_8));
            assertEquals("space", new String(s.get("with space.txt"), StandardCharsets.UTF_8));
            assertArrayEquals(big, s.get("big.bin"));
            assertEquals(4, s.stats().requests());
            assertFalse(s.isListable());
            assertThrows(UnsupportedOperationException.class, () -> s.list(""));
            assertThrows(UnsupportedOperationException.class, () -> s.put("x", new byte[1]));
        }
    }

    @Test
    void missingKeyIsNull() throws IOException {
        server.setFault(null);
        try (HttpStore s = new HttpStore(server.url("a"))) {
            assertNull(s.get("nope/.zarray"));
            assertFalse(s.contains("0.0.0"));
            assertNotNull(s.get("b/.zgroup"));
            assertEquals(server.url("a/b/.zgroup"), s.locate("b/.zgroup"));
        }
    }

    @Test
    void rangeRequests() throws IOException {
        server.setFault(null);
        try (HttpStore s = new HttpStore(server.url())) {
            assertArrayEquals(Arrays.copyOfRange(big, 1000, 1100), s.get("big.bin", ByteRequest.range(1000, 100)));
            assertArrayEquals(Arrays.copyOfRange(big, big.length - 10, big.length), s.get("big.bin", ByteRequest.range(big.length - 10, 100)));
            assertArrayEquals("Mars".getBytes(), s.get("hello.txt", ByteRequest.range(6, 4)));
            assertNull(s.get("none.bin", ByteRequest.range(0, 10)));
        }
    }

    @Test
    void serverRefusesPathsOutsideItsRoot() throws Exception {
        server.setFault(null);
        // A raw socket: HTTP clients normalise ".." away before sending.
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", server.port())) {
            sock.getOutputStream().write(("GET /../secret-" + dir.getFileName() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes());
            String reply = new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 403") || reply.startsWith("HTTP/1.1 404") || reply.startsWith("HTTP/1.1 400"), reply);
            assertFalse(reply.contains("secret\n") && reply.endsWith("secret"), reply);
        }
    }

    @Test
    void otherClientErrorNamesUrlAndStatus() {
        server.setFault((path, ex) -> {
            ex.sendResponseHeaders(403, -1);
            return true;
        });
        try (HttpStore s = fast(server.url())) {
            IOException e = assertThrows(IOException.class, () -> s.get("hello.txt"));
            assertTrue(e.getMessage().contains("403"), e.getMessage());
            assertTrue(e.getMessage().contains(server.url("hello.txt")), e.getMessage());
            assertEquals(1, s.stats().requests(), "a 403 is not retried");
        } finally {
            server.setFault(null);
        }
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws IOException {
        AtomicInteger failures = new AtomicInteger(2);
        server.setFault((path, ex) -> {
            if (failures.getAndDecrement() > 0) {
                ex.header("Retry-After", "0");
                ex.sendResponseHeaders(failures.get() == 1 ? 503 : 429, -1);
                return true;
            }
            return false;
        });
        try (HttpStore s = fast(server.url())) {
            assertEquals("Hello Mars!\n", new String(s.get("hello.txt"), StandardCharsets.UTF_8));
            assertEquals(3, s.stats().requests());
        } finally {
            server.setFault(null);
        }
    }

    @Test
    void persistentServerErrorFailsWithUrlAfterBoundedRetries() {
        server.setFault((path, ex) -> {
            ex.sendResponseHeaders(500, -1);
            return true;
        });
        long t0 = System.nanoTime();
        try (HttpStore s = fast(server.url())) {
            IOException e = assertThrows(IOException.class, () -> s.get("hello.txt"));
            assertTrue(e.getMessage().contains("500") && e.getMessage().contains("hello.txt"), e.getMessage());
            assertEquals(3, s.stats().requests(), "1 try + 2 retries");
        } finally {
            server.setFault(null);
        }
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void hangingServerTimesOut() {
        server.setFault((path, ex) -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        long t0 = System.nanoTime();
        try (HttpStore s = new HttpStore(server.url(), HttpStore.Options.defaults()
                .withTimeout(Duration.ofMillis(300)).withRetries(1, Duration.ofMillis(10)))) {
            IOException e = assertThrows(IOException.class, () -> s.get("hello.txt"));
            assertTrue(e.getMessage().contains("timed out") && e.getMessage().contains("hello.txt"), e.getMessage());
        } finally {
            server.setFault(null);
        }
        assertTrue(System.nanoTime() - t0 < 4_500_000_000L, "bounded by the timeout, not the hang");
    }

    @Test
    void truncatedBodyIsRetriedThenReported() {
        server.setFault((path, ex) -> {
            ex.sendResponseHeaders(200, 1000);
            ex.body().write(new byte[10]);
            ex.body().flush();
            // Closing the exchange now leaves the body short of its Content-Length.
            ex.close();
            return true;
        });
        try (HttpStore s = fast(server.url())) {
            IOException e = assertThrows(IOException.class, () -> s.get("big.bin"));
            assertTrue(e.getMessage().contains("big.bin"), e.getMessage());
        } finally {
            server.setFault(null);
        }
    }

    @Test
    void deadServerIsAClearErrorQuickly() throws IOException {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        long t0 = System.nanoTime();
        try (HttpStore s = fast("http://127.0.0.1:" + port + "/img.zarr")) {
            IOException e = assertThrows(IOException.class, () -> s.get(".zgroup"));
            assertTrue(e.getMessage().contains("http://127.0.0.1:" + port + "/img.zarr/.zgroup"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    /** Makes the server count the requests it serves at once, each held for ms; returns the highest count it will have seen. */
    private AtomicInteger countInFlight(long ms) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        server.setFault((path, ex) -> {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return false;
        });
        return maxSeen;
    }

    @Test
    void manyConcurrentRequestsAreBoundedAndAllComplete() throws Exception {
        AtomicInteger maxSeen = countInFlight(5);
        try (HttpStore s = new HttpStore(server.url(), HttpStore.Options.defaults().withMaxInFlight(4))) {
            List<CompletableFuture<byte[]>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) all.add(s.getAsync(i % 2 == 0 ? "hello.txt" : "missing"));
            for (int i = 0; i < 200; i++) {
                byte[] v = all.get(i).get();
                if (i % 2 == 0) assertEquals("Hello Mars!\n", new String(v)); else assertNull(v);
            }
            assertEquals(200, s.stats().requests());
        } finally {
            server.setFault(null);
        }
        assertTrue(maxSeen.get() <= 4, "in flight: " + maxSeen.get());
    }

    @Test
    void blockingGetsFromManyThreadsShareTheBoundWithQueuedOnes() throws Exception {
        AtomicInteger maxSeen = countInFlight(2);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(12);
        try (HttpStore s = new HttpStore(server.url(), HttpStore.Options.defaults().withMaxInFlight(4))) {
            // get() sends from the calling thread while the lane has room, and queues behind getAsync's otherwise
            List<CompletableFuture<byte[]>> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) queued.add(s.getAsync("hello.txt"));
            List<java.util.concurrent.Future<byte[]>> blocking = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String key = i % 3 == 0 ? "missing" : "hello.txt";
                ByteRequest range = i % 3 == 2 ? ByteRequest.range(6, 4) : null;
                blocking.add(callers.submit(() -> s.get(key, range)));
            }
            for (CompletableFuture<byte[]> f : queued) assertEquals("Hello Mars!\n", new String(f.get(), StandardCharsets.UTF_8));
            for (int i = 0; i < 120; i++) {
                byte[] v = blocking.get(i).get();
                if (i % 3 == 0) assertNull(v);
                else assertEquals(i % 3 == 2 ? "Mars" : "Hello Mars!\n", new String(v, StandardCharsets.UTF_8));
            }
            assertEquals(160, s.stats().requests());
        } finally {
            callers.shutdownNow();
            server.setFault(null);
        }
        assertTrue(maxSeen.get() <= 4, "in flight: " + maxSeen.get());
    }

    @Test
    void redirectsAreFollowedAndLoopsEndWithAnError() throws IOException {
        server.setFault((path, ex) -> {
            if (path.equals("/moved.txt")) {
                ex.header("Location", "/hello.txt");
                ex.sendResponseHeaders(302, -1);
                return true;
            }
            if (path.equals("/loop.txt")) {
                ex.header("Location", "loop.txt");
                ex.sendResponseHeaders(301, -1);
                return true;
            }
            return false;
        });
        try (HttpStore s = fast(server.url())) {
            assertEquals("Hello Mars!\n", new String(s.get("moved.txt"), StandardCharsets.UTF_8));
            IOException e = assertThrows(IOException.class, () -> s.get("loop.txt"));
            assertTrue(e.getMessage().contains("loop.txt") && e.getMessage().contains("redirect"), e.getMessage());
        } finally {
            server.setFault(null);
        }
    }

    @Test
    void storesOpensHttpUrls() throws IOException {
        server.setFault(null);
        try (Store s = Stores.open(server.url("a"))) {
            assertInstanceOf(HttpStore.class, s);
            assertNotNull(s.get("b/.zgroup"));
        }
    }
}
