package frontier.magics.core;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code bin/frontier serve DIR} as a process, attacked over raw sockets. */
class ServeCommandIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "frontier").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path tmp;
    static Process serve;
    static URI url;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("served"));
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "top secret");
        Files.writeString(dir.resolve("hello.txt"), "Hello Mars!\n");
        Files.createSymbolicLink(dir.resolve("leak.txt"), secrets.resolve("key.txt"));
        Files.createSymbolicLink(dir.resolve("leakdir"), secrets);
        serve = new ProcessBuilder(LAUNCHER.toString(), "serve", "served").directory(tmp.toFile()).start();
        serve.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) fail("serve printed no URL: " + new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        url = URI.create(line.strip());
        port = url.getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops when interrupted");
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheFolderOnLoopbackUntilStopped() throws Exception {
        assertEquals("127.0.0.1", url.getHost(), "binds 127.0.0.1 unless told otherwise: " + url);
        HttpResponse<String> r = get("hello.txt");
        assertEquals(200, r.statusCode());
        assertEquals("Hello Mars!\n", r.body());
        assertEquals(404, get("nope.txt").statusCode());
        assertTrue(serve.isAlive());
    }

    @Test
    void nothingOutsideTheFolderIsServedSymlinksIncluded() throws Exception {
        for (String p : List.of("leak.txt", "leakdir/key.txt")) {
            HttpResponse<String> r = get(p);
            assertEquals(403, r.statusCode(), p);
            assertFalse(r.body().contains("top secret"), p);
        }
        for (String target : List.of("/../secrets/key.txt", "/%2e%2e/secrets/key.txt", "/leakdir/../../secrets/key.txt")) {
            String reply = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertFalse(reply.contains("top secret"), target + ": " + reply);
            assertTrue(reply.startsWith("HTTP/1.1 4"), target + ": " + reply);
        }
    }

    @Test
    void aNegativeContentLengthGets400AndClosesWithoutDesync() throws Exception {
        String reply = raw("GET /hello.txt HTTP/1.1\r\nHost: x\r\nContent-Length: -40\r\n\r\n"
                + "GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertEquals(1, reply.split("HTTP/1.1 ", -1).length - 1, "one answer, then the connection is closed: " + reply);
        assertEquals(200, get("hello.txt").statusCode(), "the server goes on serving");
    }

    @Test
    void hundredsOfHalfOpenConnectionsDoNotStopService() throws Exception {
        List<Socket> hanging = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write("GET /hello.t".getBytes(StandardCharsets.ISO_8859_1));
                hanging.add(s);
            }
            HttpResponse<String> r = get("hello.txt"); // 10 s timeout: a blocked server fails it
            assertEquals(200, r.statusCode());
            assertEquals("Hello Mars!\n", r.body());
        } finally {
            for (Socket s : hanging) s.close();
        }
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        Process p = new ProcessBuilder(LAUNCHER.toString(), "serve", "no-such-dir").directory(tmp.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("not a directory: no-such-dir"), err);
    }

    /** Sends request and reads until the server closes (10 s at most). */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(o);
            } catch (java.net.SocketException e) {
                // reset after the answer: what was read is the answer
            }
            return o.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
