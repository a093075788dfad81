package frontier.http;

import frontier.store.http.HttpStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The one HTTP client against real loopback servers: https with a certificate made here by the
 * JDK's keytool (trusted only when the client is told to), servers that send endless bodies or
 * never answer, redirects and statuses.
 */
class HttpTest {
    @TempDir
    static Path dir;
    static SSLContext serverTls;
    static SSLContext clientTrust;
    static WebServer tls;

    @BeforeAll
    static void tlsServer() throws Exception {
        Path ks = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "secret1", "-keypass", "secret1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(ks.toFile())) {
            keys.load(in, "secret1".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "secret1".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server")); // the certificate only, no key
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTrust = SSLContext.getInstance("TLS");
        clientTrust.init(null, tmf.getTrustManagers(), null);

        Files.writeString(dir.resolve("hello.txt"), "Hello Mars!\n");
        tls = WebServer.builder(ex -> {
            if (ex.path().equals("/down")) {
                ex.header("Location", "http://127.0.0.1:9/hello.txt").respondText(302, "moved to plain http");
            } else if (ex.path().equals("/hello.txt")) {
                ex.respond(200, "text/plain", Files.readAllBytes(dir.resolve("hello.txt")));
            } else {
                ex.respondText(404, ex.path());
            }
        }).tls(serverTls).start();
    }

    @AfterAll
    static void stop() {
        tls.close();
    }

    static RetryPolicy quick(Duration deadline) {
        return new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), deadline);
    }

    @Test
    void httpsWithATrustedCertificateSpeaksHttp2() throws Exception {
        assertTrue(tls.url().startsWith("https://127.0.0.1:"), tls.url());
        Http trusting = Http.trusting(clientTrust);
        Http.Reply r = trusting.get(Http.Get.of(URI.create(tls.url() + "/hello.txt")), quick(Duration.ofSeconds(20)));
        assertEquals(200, r.status());
        assertEquals("Hello Mars!\n", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(HttpClient.Version.HTTP_2, r.version(), "h2 negotiated by ALPN");
        try (HttpStore store = new HttpStore(tls.url(), HttpStore.Options.defaults().withClient(trusting))) {
            assertEquals("Hello Mars!\n", new String(store.get("hello.txt"), StandardCharsets.UTF_8));
            assertNull(store.get("missing.txt"));
        }
    }

    @Test
    void httpsWithAnUntrustedCertificateIsRefusedAtOnce() {
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> Http.shared().get(Http.Get.of(URI.create(tls.url() + "/hello.txt")), quick(Duration.ofSeconds(20))));
        assertTrue(e.getMessage().contains(tls.url() + "/hello.txt"), e.getMessage());
        assertFalse(e.getMessage().contains("attempts"), "a certificate error is not retried: " + e.getMessage());
        Throwable t = e;
        while (t != null && !(t instanceof javax.net.ssl.SSLHandshakeException)) t = t.getCause();
        assertNotNull(t, "an SSLHandshakeException: " + e);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        try (HttpStore store = new HttpStore(tls.url())) {
            assertThrows(IOException.class, () -> store.get("hello.txt"), "the store's default client does not trust it either");
        }
    }

    @Test
    void aRedirectFromHttpsToHttpIsNotFollowed() {
        IOException e = assertThrows(IOException.class,
                () -> Http.trusting(clientTrust).get(Http.Get.of(URI.create(tls.url() + "/down")), quick(Duration.ofSeconds(20))));
        assertTrue(e.getMessage().contains("http://127.0.0.1:9/hello.txt") && e.getMessage().contains("not followed"), e.getMessage());
    }

    @Test
    void anEndlessChunkedBodyIsCutAtTheLimit() throws Exception {
        AtomicLong sent = new AtomicLong();
        byte[] chunk = new byte[64 << 10];
        String head = Integer.toHexString(chunk.length) + "\r\n";
        try (ScriptedServer s = new ScriptedServer((in, out) -> {
            ScriptedServer.readHead(in);
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            while (sent.get() < 300L << 20) { // 300 MB, unless the client stops reading
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            String url = s.url("/huge.bin");
            BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                    () -> Http.shared().get(Http.Get.of(URI.create(url)).withMaxBody(4 << 20), quick(Duration.ofSeconds(30))));
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains(Integer.toString(4 << 20)), e.getMessage());
            assertEquals(1, s.connections.get(), "not retried");
            Thread.sleep(300);
            assertTrue(sent.get() < 64L << 20, "the client stopped reading near the limit; the server sent " + sent.get());
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        try (ScriptedServer s = new ScriptedServer((in, out) -> {
            ScriptedServer.readHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 300000000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[1 << 20]);
            Thread.sleep(10_000);
        })) {
            long t0 = System.nanoTime();
            BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                    () -> Http.shared().get(Http.Get.of(URI.create(s.url("/x"))).withMaxBody(1000), quick(Duration.ofSeconds(30))));
            assertTrue(e.getMessage().contains("announced 300000000 bytes"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheDeadlineNamingTheSetting() throws Exception {
        try (ScriptedServer s = new ScriptedServer((in, out) -> Thread.sleep(60_000))) {
            long t0 = System.nanoTime();
            HttpTimeoutException e = assertThrows(HttpTimeoutException.class,
                    () -> Http.shared().get(Http.Get.of(URI.create(s.url("/x"))), quick(Duration.ofMillis(1500))));
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(took >= 1.4 && took < 6, "took " + took + " s");
            assertTrue(e.getMessage().contains(s.url("/x")) && e.getMessage().contains("no answer within 1.5 s")
                    && e.getMessage().contains(HttpTimeout.ENV), e.getMessage());
        }
    }

    @Test
    void aBodyThatStallsHalfwayAlsoEndsAtTheDeadline() throws Exception {
        try (ScriptedServer s = new ScriptedServer((in, out) -> {
            ScriptedServer.readHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(60_000);
        })) {
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> Http.shared().get(Http.Get.of(URI.create(s.url("/x"))), quick(Duration.ofSeconds(1))));
            assertTrue(e.getMessage().contains("no answer within 1 s"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 6_000_000_000L);
        }
    }

    @Test
    void theDeadlineComesFromTheScopeThePropertyOrTheDefault() {
        assertEquals(HttpTimeout.DEFAULT, HttpTimeout.current());
        try (HttpTimeout.Scope ignored = HttpTimeout.scoped(Duration.ofSeconds(3))) {
            assertEquals(Duration.ofSeconds(3), HttpTimeout.current());
            assertEquals(Duration.ofSeconds(3), RetryPolicy.defaults().deadline());
        }
        assertEquals(HttpTimeout.DEFAULT, HttpTimeout.current());
        assertEquals(Duration.ofMillis(500), HttpTimeout.parse("500ms", "x"));
        assertEquals(Duration.ofMillis(2500), HttpTimeout.parse("2.5", "x"));
        assertEquals(Duration.ofMinutes(2), HttpTimeout.parse("2m", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpTimeout.parse("soon", HttpTimeout.ENV));
        assertTrue(e.getMessage().contains(HttpTimeout.ENV), e.getMessage());
    }

    @Test
    void rangesAndContentTypesHaveOneDefinition() {
        assertNull(ByteRange.parse(null, 10));
        assertNull(ByteRange.parse("bytes=1-2,4-5", 10), "several ranges: the whole body");
        assertEquals(new ByteRange(2, 9, 10), ByteRange.parse("bytes=2-", 10));
        assertEquals(new ByteRange(7, 9, 10), ByteRange.parse("bytes=-3", 10));
        assertEquals("bytes 2-4/10", ByteRange.parse("bytes=2-4", 10).contentRange());
        assertEquals(new ByteRange(2, 9, 10), ByteRange.parse("bytes=2-99", 10));
        assertFalse(ByteRange.parse("bytes=10-", 10).satisfiable());
        assertEquals("bytes */10", ByteRange.parse("bytes=10-", 10).contentRange());
        assertNull(ByteRange.parse("bytes=99999999999999999999-", 10), "too long: ignored");
        assertEquals("bytes=100-199", ByteRange.header(100, 100));
        for (String n : List.of(".zarray", ".zattrs", ".zgroup", ".zmetadata", "zarr.json")) assertEquals("application/json", ContentTypes.of(n), n);
        assertEquals("application/octet-stream", ContentTypes.of("0.0.0"));
        assertEquals("text/html; charset=utf-8", ContentTypes.of("index.HTML"));
    }
}
