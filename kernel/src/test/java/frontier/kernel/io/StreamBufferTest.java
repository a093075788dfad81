package frontier.kernel.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamBufferTest {
    @Test
    void aCharacterSplitAcrossFlushesIsSentWhole() {
        List<String> sent = new ArrayList<>();
        StreamBuffer b = new StreamBuffer(sent::add);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        b.write(euro, 0, 2);
        b.flush();
        b.write(euro, 2, 1);
        b.write('\n');
        b.flush();
        assertEquals(List.of("€\n"), sent);
    }

    @Test
    void nothingWrittenSendsNothing() {
        List<String> sent = new ArrayList<>();
        new StreamBuffer(sent::add).flush();
        assertEquals(List.of(), sent);
    }

    /**
     * The end-of-cell flush must not return while the periodic flusher is still sending text it
     * took: the kernel would reply and go idle first, and the client would lose that text (seen
     * in CI as a %%bash cell with no stdout).
     */
    @Test
    void aFlushWaitsForTextAnotherThreadIsSending() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch sinkEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StreamBuffer b = new StreamBuffer(text -> {
            sinkEntered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("sent " + text);
        });
        b.write('x');
        Thread periodic = new Thread(b::flush, "periodic");
        periodic.start();
        assertTrue(sinkEntered.await(10, TimeUnit.SECONDS));
        Thread endOfCell = new Thread(() -> {
            b.flush();
            events.add("end-of-cell flush returned");
        }, "end-of-cell");
        endOfCell.start();
        endOfCell.join(300); // a flush that does not wait returns at once
        release.countDown();
        endOfCell.join(10_000);
        periodic.join(10_000);
        assertEquals(List.of("sent x", "end-of-cell flush returned"), events);
    }
}
