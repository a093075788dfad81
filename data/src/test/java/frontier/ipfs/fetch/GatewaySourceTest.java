package frontier.ipfs.fetch;

import frontier.http.WebServer;
import frontier.ipfs.cid.Cid;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway transport against real loopback servers that send too much or nothing. */
class GatewaySourceTest {
    static final Cid CID = Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");

    @Test
    void aHugeChunkedBodyIsCutAtTheBlockLimitNamingTheCidAndTheLimit() throws Exception {
        AtomicLong sent = new AtomicLong();
        byte[] piece = new byte[64 << 10];
        try (WebServer gateway = WebServer.builder(ex -> {
            ex.sendResponseHeaders(200, 0); // no length: a chunked body
            OutputStream out = ex.body();
            while (sent.get() < 300L << 20) { // 300 MB unless the reader stops
                out.write(piece);
                out.flush();
                sent.addAndGet(piece.length);
            }
        }).start()) {
            GatewaySource source = new GatewaySource(gateway.url(), Duration.ofSeconds(30), 2);
            IOException e = assertThrows(IOException.class, () -> source.fetch(CID));
            assertTrue(e.getMessage().contains(CID.toString()) && e.getMessage().contains(gateway.url())
                    && e.getMessage().contains(Integer.toString(GatewaySource.MAX_BLOCK)), e.getMessage());
            Thread.sleep(300);
            assertTrue(sent.get() < 64L << 20, "reading stopped near the 4 MiB limit; the server wrote " + sent.get() + " bytes");
            assertTrue(gateway.requestCount() == 1, "a body over the limit is not retried: " + gateway.requestCount());
        }
    }

    @Test
    void aGatewayThatNeverAnswersTimesOutAtTheDeadline() throws Exception {
        try (WebServer gateway = WebServer.builder(ex -> Thread.sleep(30_000)).start()) {
            GatewaySource source = new GatewaySource(gateway.url(), Duration.ofSeconds(1), 3);
            long t0 = System.nanoTime();
            BlockTimeoutException e = assertThrows(BlockTimeoutException.class, () -> source.fetch(CID));
            assertTrue(e.getMessage().contains(CID.toString()) && e.getMessage().contains("no answer within 1 s"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 6_000_000_000L, "one deadline for all attempts");
        }
    }
}
