package frontier.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * StaticFileServer as other clients see it: the JDK's HttpClient, raw sockets for keep-alive,
 * pipelining, malformed requests and half-open connections, symlinks leading out of the root, and zarr-python
 * reading an array through fsspec's HTTP store (aiohttp), the peer's path in bench/ome-download.
 */
class StaticFileServerTest {
    @TempDir
    static Path dir;
    static StaticFileServer server;
    static byte[] big;
    static final HttpClient JDK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void serve() throws IOException {
        big = new byte[2_500_000]; // larger than one write: streamed
        new Random(11).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(dir.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.createDirectories(dir.resolve("sub dir"));
        Files.writeString(dir.resolve("sub dir/a+b.txt"), "plus");
        Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName()), "secret");
        server = StaticFileServer.start(dir, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return JDK.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesFilesRangesAndHeadToTheJdkClient() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))));
        assertEquals(200, r.statusCode());
        assertArrayEquals(big, r.body());
        assertEquals("application/octet-stream", r.headers().firstValue("content-type").orElseThrow());
        r = send(HttpRequest.newBuilder(URI.create(server.url(".zgroup"))));
        assertEquals("{\"zarr_format\": 2}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        r = send(HttpRequest.newBuilder(URI.create(server.url("sub%20dir/a+b.txt"))));
        assertEquals("plus", new String(r.body(), StandardCharsets.UTF_8), "'+' in a path is a plus, %20 a space");

        r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).header("Range", "bytes=100-199"));
        assertEquals(206, r.statusCode());
        assertArrayEquals(Arrays.copyOfRange(big, 100, 200), r.body());
        assertEquals("bytes 100-199/" + big.length, r.headers().firstValue("content-range").orElseThrow());
        r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).header("Range", "bytes=-10"));
        assertArrayEquals(Arrays.copyOfRange(big, big.length - 10, big.length), r.body());
        r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).header("Range", "bytes=1000-"));
        assertArrayEquals(Arrays.copyOfRange(big, 1000, big.length), r.body());
        r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).header("Range", "bytes=" + big.length + "-"));
        assertEquals(416, r.statusCode());

        r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(Long.toString(big.length), r.headers().firstValue("content-length").orElseThrow());

        assertEquals(404, send(HttpRequest.newBuilder(URI.create(server.url("nope.bin")))).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(server.url("sub%20dir")))).statusCode(), "a folder is not a file");
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void keepsConnectionsAliveAndAnswersPipelinedRequestsInOrder() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /.zgroup HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /sub%20dir/a+b.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int a = all.indexOf("{\"zarr_format\": 2}");
            int b = all.indexOf("\r\n\r\nplus");
            int c = all.indexOf("HTTP/1.1 404");
            assertTrue(a > 0 && b > a && c > b, all);
            assertEquals(3, all.split("HTTP/1.1 ", -1).length - 1, all);
        }
    }

    @Test
    void http10ClosesAfterTheResponse() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /.zgroup HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 200") && all.endsWith("{\"zarr_format\": 2}"), all);
        }
    }

    @Test
    void refusesPathsOutsideTheRoot() throws Exception {
        for (String target : List.of("/../outside-" + dir.getFileName(), "/%2e%2e/outside-" + dir.getFileName(),
                "/sub%20dir/..%2f..%2foutside-" + dir.getFileName(), "/a\\..\\b")) {
            String reply = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(reply.startsWith("HTTP/1.1 400") || reply.startsWith("HTTP/1.1 403") || reply.startsWith("HTTP/1.1 404"), target + ": " + reply);
            assertFalse(reply.contains("secret"), target + ": " + reply);
        }
    }

    @Test
    void symlinksLeadingOutsideTheRootAreRefused(@TempDir Path tmp) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "secret key");
        Files.writeString(served.resolve("ok.txt"), "fine");
        Files.createSymbolicLink(served.resolve("leak.txt"), secrets.resolve("key.txt"));
        Files.createSymbolicLink(served.resolve("leakdir"), secrets);
        Files.createSymbolicLink(served.resolve("alias.txt"), Path.of("ok.txt")); // stays inside: served
        try (StaticFileServer s = StaticFileServer.start(served, 0)) {
            for (String p : List.of("leak.txt", "leakdir/key.txt")) {
                HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(s.url(p))));
                assertEquals(403, r.statusCode(), p);
                assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret key"), p);
            }
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(s.url("alias.txt"))));
            assertEquals(200, r.statusCode());
            assertEquals("fine", new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void linksDeeperDownAreFollowedOnlyWhereTheyStayInside(@TempDir Path tmp) throws Exception {
        // Names are checked one by one below the root: a link anywhere on the way, to a file or a
        // folder, directly or through another link, is resolved in full before anything is served.
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "secret key");
        Path deep = Files.createDirectories(served.resolve("a/b/c"));
        Files.writeString(deep.resolve("ok.txt"), "fine");
        Files.createSymbolicLink(deep.resolve("leak.txt"), secrets.resolve("key.txt"));
        Files.createSymbolicLink(served.resolve("a/b/out"), secrets);
        Files.createSymbolicLink(served.resolve("a/hop"), Path.of("b/out")); // inside, to a link leading out
        Files.createSymbolicLink(served.resolve("a/in"), Path.of("b/c")); // a folder inside: served
        Files.createSymbolicLink(served.resolve("up"), tmp); // the root's parent
        try (StaticFileServer s = StaticFileServer.start(served, 0)) {
            for (String p : List.of("a/b/c/leak.txt", "a/b/out/key.txt", "a/hop/key.txt", "up/secrets/key.txt")) {
                HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(s.url(p))));
                assertEquals(403, r.statusCode(), p);
                assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret key"), p);
            }
            for (String p : List.of("a/b/c/ok.txt", "a/in/ok.txt", "up/served/a/b/c/ok.txt")) { // the last: out and back in
                HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(s.url(p))));
                assertEquals(200, r.statusCode(), p);
                assertEquals("fine", new String(r.body(), StandardCharsets.UTF_8), p);
            }
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(s.url("a/b/c/ok.txt/more")))).statusCode());
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(s.url("a/b")))).statusCode(), "a folder is not a file");
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(s.url("")))).statusCode(), "nor is the root");
        }
    }

    @Test
    void malformedRequestsGet400AndTheConnectionIsClosed() throws Exception {
        String next = "GET /.zgroup HTTP/1.1\r\nHost: x\r\n\r\n";
        for (String bad : List.of("NONSENSE\r\n\r\n", "GET /.zgroup HTTP/1.1\r\nHost: x\r\nContent-Length: -40\r\n\r\n",
                "GET /.zgroup HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "GET relative HTTP/1.1\r\nHost: x\r\n\r\n")) {
            // the valid request after the bad one must not be answered: the server closes first
            String reply = rawKeepOpen(bad + next);
            assertTrue(reply.startsWith("HTTP/1.1 400"), bad + ": " + reply);
            assertEquals(1, reply.split("HTTP/1.1 ", -1).length - 1, "one answer, then the connection closed: " + reply);
            assertFalse(reply.contains("zarr_format"), reply);
        }
        // A body with bad chunk framing: the GET may be answered (its body is not needed), but the
        // connection ends there; the request smuggled behind it is never answered.
        String badChunk = rawKeepOpen("GET /.zgroup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + next);
        assertEquals(1, badChunk.split("HTTP/1.1 ", -1).length - 1, badChunk);
        String huge = "GET /.zgroup HTTP/1.1\r\nHost: x\r\n" + ("X-Pad: " + "p".repeat(1000) + "\r\n").repeat(80) + "\r\n";
        assertTrue(rawKeepOpen(huge).startsWith("HTTP/1.1 431"), "headers too large");
        String withBody = raw("GET /.zgroup HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /sub%20dir/a+b.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(withBody.contains("{\"zarr_format\": 2}") && withBody.endsWith("plus"), "a request body is read past: " + withBody);
        assertTrue(raw("GET http://127.0.0.1/.zgroup HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").endsWith("{\"zarr_format\": 2}"), "absolute form");
    }

    @Test
    void hundredsOfHalfOpenConnectionsDoNotStopService() throws Exception {
        List<Socket> hanging = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket h = new Socket("127.0.0.1", server.port());
                h.getOutputStream().write("GET /.zgr".getBytes(StandardCharsets.ISO_8859_1)); // and never the rest
                hanging.add(h);
            }
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(server.url(".zgroup"))).timeout(java.time.Duration.ofSeconds(5)));
            assertEquals(200, r.statusCode());
            assertEquals("{\"zarr_format\": 2}", new String(r.body(), StandardCharsets.UTF_8));
            System.out.printf("a GET beside 300 half-open connections took %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        } finally {
            for (Socket h : hanging) h.close();
        }
    }

    @Test
    void faultsAnswerInsteadOfTheServer() throws Exception {
        server.setFault((path, ex) -> {
            if (!path.equals("/big.bin")) return false;
            ex.header("Retry-After", "3").sendResponseHeaders(503, -1);
            return true;
        });
        try {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(server.url("big.bin"))));
            assertEquals(503, r.statusCode());
            assertEquals("3", r.headers().firstValue("retry-after").orElseThrow());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.url(".zgroup")))).statusCode());
        } finally {
            server.setFault(null);
        }
    }

    @Test
    void countsRequests() throws Exception {
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            for (int i = 0; i < 3; i++) send(HttpRequest.newBuilder(URI.create(s.url(".zgroup"))));
            send(HttpRequest.newBuilder(URI.create(s.url("missing"))));
            assertEquals(4, s.requestCount());
            s.resetRequestCount();
            assertEquals(0, s.requestCount());
        }
    }

    @Test
    void zarrPythonReadsAnArrayOverFsspec(@TempDir Path tmp) throws Exception {
        String py = "/usr/bin/python3";
        Process check = new ProcessBuilder(py, "-c", "import zarr, numpy, fsspec, aiohttp").redirectErrorStream(true).start();
        boolean ok = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        if (!ok) System.err.println("SKIPPED LOUDLY: /usr/bin/python3 lacks zarr/fsspec/aiohttp (Debian python3-zarr python3-fsspec python3-aiohttp; .ci/run installs them)");
        Assumptions.assumeTrue(ok, "needs Debian python3-zarr python3-fsspec python3-aiohttp");
        String write = "import sys, zarr, numpy as np\n"
                + "z = zarr.open_array(sys.argv[1], mode='w', shape=(40, 33), chunks=(7, 8), dtype='>u2')\n"
                + "z[...] = (np.arange(40 * 33) % 65521).reshape(40, 33)\n";
        run(List.of(py, "-c", write, tmp.resolve("arr.zarr").toString()));
        String read = "import sys, zarr, numpy as np\n"
                + "from zarr.storage import FSStore\n"
                + "a = zarr.open_array(sys.argv[1], mode='r')[...]\n"
                + "b = zarr.open_array(FSStore(sys.argv[2], mode='r'), mode='r')[...]\n"
                + "assert a.shape == b.shape and (a == b).all(), 'values differ'\n"
                + "print('equal', int(b.astype(np.int64).sum()))\n";
        try (StaticFileServer s = StaticFileServer.start(tmp, 0)) {
            String out = run(List.of(py, "-c", read, tmp.resolve("arr.zarr").toString(), s.url("arr.zarr")));
            long expected = 0;
            for (int i = 0; i < 40 * 33; i++) expected += i % 65521;
            assertEquals("equal " + expected, out.strip());
            assertTrue(s.requestCount() >= 1 + 6 * 5, "metadata and every chunk came over HTTP: " + s.requestCount());
        }
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            try {
                in.transferTo(o);
            } catch (java.net.SocketException e) {
                // reset by the server after refusing: what was read so far is the answer
            }
            return o.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends request and reads until the server closes (5 s at most), without closing our side first. */
    private static String rawKeepOpen(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(o);
            } catch (java.net.SocketException e) {
                // reset by the server after refusing: what was read so far is the answer
            } catch (java.net.SocketTimeoutException e) {
                fail("the server kept the connection open after: " + request.replace("\r\n", "|") + "\nanswer: " + o);
            }
            return o.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
