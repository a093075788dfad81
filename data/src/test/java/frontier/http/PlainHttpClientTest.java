package frontier.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * PlainHttpClient against real servers (the JDK's HttpServer through StaticFileServer, Python's
 * http.server) and against a scripted socket server for the framings and failures real servers
 * rarely produce on demand: chunked bodies, interim responses, bodies ended by close, truncation,
 * stale pooled connections, oversized and malformed headers.
 */
class PlainHttpClientTest {
    private final PlainHttpClient client = new PlainHttpClient();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        client.evictAll();
        for (AutoCloseable c : closing) c.close();
    }

    private PlainHttpClient.Response get(String url) throws IOException {
        return client.newCall(URI.create(url), null, 2000, 2000).execute();
    }

    @Test
    void fetchesFilesFromTheJdkServerOverOneKeptAliveConnection(@TempDir Path dir) throws Exception {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(dir.resolve("a.txt"), "Hello Mars!\n");
        StaticFileServer server = StaticFileServer.start(dir, 0);
        closing.add(server);
        for (int i = 0; i < 5; i++) {
            PlainHttpClient.Response r = get(server.url("big.bin"));
            assertEquals(200, r.status());
            assertArrayEquals(big, r.body());
            assertEquals("Hello Mars!\n", new String(get(server.url("a.txt")).body(), StandardCharsets.UTF_8));
        }
        assertEquals(1, client.idleConnections(), "sequential requests reuse one connection");
        PlainHttpClient.Response missing = get(server.url("nope"));
        assertEquals(404, missing.status());
        assertNull(missing.body());
        assertEquals(1, client.idleConnections(), "a 404 with a small body keeps the connection");
        PlainHttpClient.Response part = client.newCall(URI.create(server.url("big.bin")), "bytes=10-19", 2000, 2000).execute();
        assertEquals(206, part.status());
        assertArrayEquals(java.util.Arrays.copyOfRange(big, 10, 20), part.body());
    }

    @Test
    void fetchesFromPythonsHttpServer(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python),
                "SKIPPED LOUDLY: /usr/bin/python3 (Debian python3) is missing; .ci/run installs it");
        byte[] data = new byte[70_000];
        new Random(3).nextBytes(data);
        Files.write(dir.resolve("chunk.bin"), data);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(python.toString(), "-m", "http.server", "--bind", "127.0.0.1",
                "--directory", dir.toString(), Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        closing.add(() -> {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        });
        String url = "http://127.0.0.1:" + port + "/chunk.bin";
        PlainHttpClient.Response r = null;
        for (int i = 0; i < 100 && r == null; i++) {
            try {
                r = get(url);
            } catch (java.net.ConnectException e) {
                Thread.sleep(100);
            }
        }
        assertNotNull(r, "python3 -m http.server did not start");
        assertEquals(200, r.status());
        assertArrayEquals(data, r.body());
        // HTTP/1.0 server: the connection closes after each response, so nothing is pooled
        assertArrayEquals(data, get(url).body());
        assertEquals(0, client.idleConnections());
        assertEquals(404, get("http://127.0.0.1:" + port + "/none").status());
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailers() throws Exception {
        Scripted s = scripted((in, out, n) -> out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=x\r\nHello\r\n" + "8\r\n, Mars!\n\r\n" + "0\r\nX-Trailer: 1\r\n\r\n").getBytes()));
        assertEquals("Hello, Mars!\n", new String(get(s.url("/c")).body()));
        assertEquals("Hello, Mars!\n", new String(get(s.url("/c")).body()));
        assertEquals(1, s.connections.get(), "the connection is reused after a chunked body");
    }

    @Test
    void bodyEndedByCloseAndHttp10() throws Exception {
        Scripted s = scripted((in, out, n) -> {
            out.write("HTTP/1.0 200 OK\r\nContent-Type: x\r\n\r\nno length here".getBytes());
            throw new Close();
        });
        assertEquals("no length here", new String(get(s.url("/a")).body()));
        assertEquals(0, client.idleConnections());
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        Scripted s = scripted((in, out, n) -> out.write(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes()));
        assertEquals("ok", new String(get(s.url("/a")).body()));
    }

    @Test
    void headersArrivingByteByByteAreParsed() throws Exception {
        Scripted s = scripted((in, out, n) -> {
            for (byte b : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX: y\r\n\r\nabcde".getBytes()) {
                out.write(b);
                out.flush();
            }
        });
        assertEquals("abcde", new String(get(s.url("/a")).body()));
    }

    @Test
    void truncatedBodyIsAnError() throws Exception {
        Scripted s = scripted((in, out, n) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes());
            throw new Close();
        });
        EOFException e = assertThrows(EOFException.class, () -> get(s.url("/a")));
        assertTrue(e.getMessage().contains("10 of 1000"), e.getMessage());
        assertEquals(0, client.idleConnections());

        // a length of gigabytes that never come: an error, not an allocation of what was promised
        Scripted liar = scripted((in, out, n) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\n0123456789".getBytes());
            throw new Close();
        });
        e = assertThrows(EOFException.class, () -> get(liar.url("/a")));
        assertTrue(e.getMessage().contains("10 of 2000000000"), e.getMessage());
    }

    @Test
    void bodiesLargerThanOneAllocationStillArriveWhole(@TempDir Path dir) throws Exception {
        byte[] large = new byte[HttpInput.TRUSTED_LENGTH * 2 + 12345];
        new Random(5).nextBytes(large);
        Files.write(dir.resolve("large.bin"), large);
        StaticFileServer server = StaticFileServer.start(dir, 0);
        closing.add(server);
        assertArrayEquals(large, get(server.url("large.bin")).body());
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsRetriedOnANewOne() throws Exception {
        Scripted s = scripted((in, out, n) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes());
            out.flush();
            throw new Close(); // keep-alive promised, then the server drops the connection
        });
        assertEquals("ok", new String(get(s.url("/a")).body()));
        Thread.sleep(50);
        assertEquals("ok", new String(get(s.url("/a")).body()));
        assertEquals(2, s.connections.get());
    }

    @Test
    void redirectsAndRetryAfterAreReported() throws Exception {
        Scripted s = scripted((in, out, n) -> out.write(("HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 3\r\n\r\nabc"
                + "").getBytes()));
        PlainHttpClient.Response r = get(s.url("/a"));
        assertEquals(302, r.status());
        assertEquals("/b", r.location());
        assertNull(r.body());
        Scripted busy = scripted((in, out, n) -> out.write("HTTP/1.1 503 Busy\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n".getBytes()));
        assertEquals("7", get(busy.url("/a")).retryAfter());
    }

    @Test
    void malformedResponsesAreClearErrors() throws Exception {
        Scripted garbage = scripted((in, out, n) -> out.write("SSH-2.0-OpenSSH\r\n\r\n".getBytes()));
        IOException e = assertThrows(IOException.class, () -> get(garbage.url("/a")));
        assertTrue(e.getMessage().contains("not an HTTP/1.x response"), e.getMessage());

        Scripted badLength = scripted((in, out, n) -> out.write("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n".getBytes()));
        e = assertThrows(IOException.class, () -> get(badLength.url("/a")));
        assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());

        Scripted huge = scripted((in, out, n) -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes());
            byte[] line = ("X-Pad: " + "p".repeat(1000) + "\r\n").getBytes();
            for (int i = 0; i < 100; i++) out.write(line);
            out.write("\r\n".getBytes());
        });
        e = assertThrows(IOException.class, () -> get(huge.url("/a")));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());

        Scripted badChunk = scripted((in, out, n) -> out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".getBytes()));
        e = assertThrows(IOException.class, () -> get(badChunk.url("/a")));
        assertTrue(e.getMessage().contains("chunk size"), e.getMessage());

        Scripted silent = scripted((in, out, n) -> {
            throw new Close();
        });
        assertThrows(EOFException.class, () -> get(silent.url("/a")));
    }

    @Test
    void abortUnblocksAWaitingRequest() throws Exception {
        Scripted s = scripted((in, out, n) -> Thread.sleep(10_000));
        PlainHttpClient.Call call = client.newCall(URI.create(s.url("/slow")), null, 2000, 30_000);
        CompletableFuture<PlainHttpClient.Response> f = CompletableFuture.supplyAsync(() -> {
            try {
                return call.execute();
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(200);
        long t0 = System.nanoTime();
        call.abort();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
    }

    @Test
    void readTimeoutIsASocketTimeout() throws Exception {
        Scripted s = scripted((in, out, n) -> Thread.sleep(5_000));
        assertThrows(java.net.SocketTimeoutException.class,
                () -> client.newCall(URI.create(s.url("/slow")), null, 2000, 200).execute());
    }

    @Test
    void refusesOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> client.newCall(URI.create("https://example.org/x"), null, 1, 1));
    }

    // --- a scripted server: reads each request's head, then lets the script answer it

    private static final class Close extends RuntimeException {
    }

    interface Script {
        void answer(InputStream in, OutputStream out, int request) throws Exception;
    }

    private Scripted scripted(Script script) throws IOException {
        Scripted s = new Scripted(script);
        closing.add(s);
        return s;
    }

    static final class Scripted implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Scripted(Script script) throws IOException {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    Socket sock;
                    try {
                        sock = server.accept();
                    } catch (IOException e) {
                        return;
                    }
                    connections.incrementAndGet();
                    sockets.add(sock);
                    Thread h = new Thread(() -> serve(sock, script));
                    h.setDaemon(true);
                    h.start();
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private static void serve(Socket sock, Script script) {
            try (sock) {
                InputStream in = sock.getInputStream();
                OutputStream out = sock.getOutputStream();
                for (int n = 0; ; n++) {
                    if (!readHead(in)) return;
                    script.answer(in, out, n);
                    out.flush();
                }
            } catch (Close | InterruptedException e) {
                // the script ends the connection
            } catch (Exception e) {
                // the client went away
            }
        }

        private static boolean readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                head.write(c);
                String s = head.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) return true;
            }
            return false;
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getLocalPort() + path;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) s.close();
        }
    }
}
