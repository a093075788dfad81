package frontier.kernel.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
