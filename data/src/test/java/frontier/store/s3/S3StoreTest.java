package frontier.store.s3;

import frontier.http.StaticFileServer;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** S3Store against a real S3-compatible server on loopback (moto's server mode, {@link MotoServer}). */
class S3StoreTest {
    static MotoServer s3;
    static StoreOptions at;

    @BeforeAll
    static void buckets() throws Exception {
        s3 = MotoServer.shared();
        at = StoreOptions.defaults().withEndpoint(s3.endpoint());
        List<String> args = new ArrayList<>(List.of("--public",
                "--put", "img.zarr/.zgroup", "{\"zarr_format\": 2}",
                "--put", "img.zarr/hello.txt", "Hello Mars!\n",
                "--put", "img.zarr/with space.txt", "space",
                "--put", "img.zarr/empty", "",
                "--put", "img.zarr/a/b/c.txt", "deep",
                "--put", "img.zarr/a/../escape", "not a child"));
        for (int i = 0; i < 13; i++) args.addAll(List.of("--put", String.format("many/k%02d", i), "v" + i));
        s3.bucket("pub", args.toArray(new String[0]));
        s3.bucket("priv", "--put", "x.txt", "secret");
        s3.bucket("big", "--public", "--many", "k/", String.valueOf(BIG));
    }

    /** More keys than the 1,000 a ListObjectsV2 page holds at most (S3's and moto's default). */
    static final int BIG = 1003;

    static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void readsValuesRangesAndSizesAnonymously() throws IOException {
        try (Store s = Stores.open("s3://pub/img.zarr", at)) {
            assertInstanceOf(S3Store.class, s);
            assertEquals("Hello Mars!\n", text(s.get("hello.txt")));
            assertEquals("space", text(s.get("with space.txt")));
            assertEquals("Mars", text(s.get("hello.txt", ByteRequest.range(6, 4))));
            assertEquals("s!\n", text(s.get("hello.txt", ByteRequest.suffix(3))));
            assertEquals("Mars!\n", text(s.get("hello.txt", ByteRequest.from(6))));
            assertEquals(12, s.size("hello.txt"));
            assertEquals(0, s.size("empty"));
            assertEquals(-1, s.size("nope"));
            assertNull(s.get("nope/.zarray"), "NoSuchKey is a missing key");
            assertFalse(s.contains("nope"));
            assertTrue(s.isRemote());
            assertEquals("s3://pub/img.zarr/hello.txt", s.locate("hello.txt"));
            assertNull(s.address("hello.txt"), "an endpoint from --endpoint cannot travel in the location");
            assertTrue(s.stats().requests() >= 10, s.stats().toString());
        }
    }

    @Test
    void batchedAndAsynchronousReadsOverlap() throws Exception {
        try (Store s = Stores.open("s3://pub/many", at)) {
            List<Store.Read> reads = new ArrayList<>();
            for (int i = 0; i < 13; i++) reads.add(Store.Read.of(String.format("k%02d", i)));
            reads.add(Store.Read.of("k99"));
            reads.add(Store.Read.of("k03", ByteRequest.suffix(1)));
            List<CompletableFuture<byte[]>> got = s.getMany(reads);
            for (int i = 0; i < 13; i++) assertEquals("v" + i, text(got.get(i).get()));
            assertNull(got.get(13).get());
            assertEquals("3", text(got.get(14).get()));
            assertEquals(15, s.stats().requests());
        }
    }

    @Test
    void listsWithListObjectsV2AcrossPages() throws IOException {
        try (S3Store s = S3Store.open("s3://pub/", at, 5)) {
            assertTrue(s.isListable());
            assertEquals(List.of("img.zarr", "many"), s.list(""));
            List<String> many = s.list("many/");
            assertEquals(13, many.size());
            assertEquals("k00", many.get(0));
            assertEquals("k12", many.get(12));
            long before = s.stats().requests();
            assertTrue(s.contains("many/k07"));
            assertEquals(3, s.size("many/k12"), "v12");
            assertEquals(before, s.stats().requests(), "sizes come from the listing");
            assertEquals(List.of(".zgroup", "a", "empty", "hello.txt", "with space.txt"), s.list("img.zarr"),
                    "'..' is no child name, whatever keys the bucket holds");
            assertEquals(List.of("c.txt"), s.list("img.zarr/a/b/"));
            assertEquals(List.of(), s.list("nothing/here/"));
        }
    }

    /** The server's own page size: a listing of more keys than one page follows the continuation token. */
    @Test
    void listsMoreKeysThanTheServersPage() throws IOException {
        try (Store s = Stores.open("s3://big", at)) {
            List<String> names = s.list("k/");
            assertEquals(BIG, names.size());
            assertEquals("00000", names.get(0));
            assertEquals(String.format("%05d", BIG - 1), names.get(BIG - 1));
            assertTrue(s.stats().requests() >= 2, "two pages at least: " + s.stats());
            assertEquals(String.valueOf(BIG - 1), text(s.get(String.format("k/%05d", BIG - 1))));
        }
    }

    @Test
    void errorsNameTheObjectTheCodeAndTheEndpoint() throws IOException {
        try (Store s = Stores.open("s3://no-such-bucket/img.zarr", at)) {
            IOException e = assertThrows(IOException.class, () -> s.get(".zgroup"));
            assertTrue(e.getMessage().contains("s3://no-such-bucket/img.zarr/.zgroup") && e.getMessage().contains("NoSuchBucket")
                    && e.getMessage().contains(s3.endpoint()), e.getMessage());
            IOException l = assertThrows(IOException.class, () -> s.list(""));
            assertTrue(l.getMessage().contains("s3://no-such-bucket/img.zarr/") && l.getMessage().contains("NoSuchBucket"), l.getMessage());
        }
        try (Store s = Stores.open("s3://priv", at)) {
            IOException e = assertThrows(IOException.class, () -> s.get("x.txt"));
            assertTrue(e.getMessage().contains("s3://priv/x.txt") && e.getMessage().contains("AccessDenied"), e.getMessage());
        }
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        try (Store s = Stores.open("s3://pub/img.zarr", StoreOptions.defaults().withEndpoint("http://127.0.0.1:" + port))) {
            IOException e = assertThrows(IOException.class, () -> s.get(".zgroup"));
            assertTrue(e.getMessage().contains("s3://pub/img.zarr/.zgroup") && e.getMessage().contains("http://127.0.0.1:" + port)
                    && e.getMessage().contains("cannot connect"), e.getMessage());
        }
        IOException bad = assertThrows(IOException.class, () -> Stores.open("s3://pub/a", StoreOptions.defaults().withEndpoint("ftp://x")));
        assertTrue(bad.getMessage().contains("ftp://x"), bad.getMessage());
        assertThrows(IOException.class, () -> Stores.open("s3://pub/../etc", at));
    }

    /** A hostile endpoint answering a listing with an external entity: refused, and the file never read. */
    @Test
    void listingsWithEntitiesAreRefused(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>&x;</Key><Size>1</Size></Contents></ListBucketResult>";
        try (StaticFileServer server = StaticFileServer.start(dir, 0)) {
            server.setFault((path, ex) -> {
                ex.respond(200, "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
                return true;
            });
            try (Store s = Stores.open("s3://evil/img.zarr", StoreOptions.defaults().withEndpoint(server.url()))) {
                IOException e = assertThrows(IOException.class, () -> s.list(""));
                assertTrue(e.getMessage().contains("s3://evil/img.zarr/") && !e.getMessage().contains("TOP-SECRET"), e.getMessage());
            }
        }
    }

    @Test
    void addressingFollowsTheEndpoint() {
        S3Location aws = S3Location.parse("s3://idr/zarr/v0.1/6001240.zarr", "https://s3.eu-west-2.amazonaws.com");
        assertEquals("https://idr.s3.eu-west-2.amazonaws.com/", aws.bucketUrl());
        assertEquals("zarr/v0.1/6001240.zarr/", aws.prefix());
        S3Location dotted = S3Location.parse("s3://my.bucket/x", "https://s3.amazonaws.com");
        assertEquals("https://s3.amazonaws.com/my.bucket/", dotted.bucketUrl(), "TLS certificates cover one label: path style");
        S3Location ebi = S3Location.parse("s3://idr/zarr/v0.1/6001240.zarr/", "https://uk1s3.embassy.ebi.ac.uk/");
        assertEquals("https://uk1s3.embassy.ebi.ac.uk/idr/", ebi.bucketUrl());
        assertEquals("s3://idr/zarr/v0.1/6001240.zarr/0/.zarray", ebi.locate("0/.zarray"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://a/b?versionId=1", "http://127.0.0.1:9"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://a b/c", "http://127.0.0.1:9"));
    }
}
