package frontier.kernel.messaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireTest {
    @Test
    void signatureIsTheHmacSha256OfTheFourParts() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" split over parts
        Signer s = new Signer("Jefe", "hmac-sha256");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                s.sign("what do ya ".getBytes(StandardCharsets.US_ASCII), "want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void roundTripKeepsIdentitiesAndContent() throws Exception {
        Wire w = new Wire(new Signer("secret", "hmac-sha256"));
        byte[] id = {1, 2, 3};
        List<byte[]> frames = w.encode(List.of(id), w.header("execute_request", null), Map.of(), Map.of(), Map.of("code", "1 + 1"));
        Message m = w.decode(frames);
        assertArrayEquals(id, m.identities().get(0));
        assertEquals("execute_request", m.type());
        assertEquals("1 + 1", m.string("code", null));
        assertEquals("5.3", m.header().get("version"));
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRejected() {
        Wire ours = new Wire(new Signer("secret", "hmac-sha256"));
        Wire forger = new Wire(new Signer("guess", "hmac-sha256"));
        List<byte[]> frames = forger.encode(List.of(), forger.header("execute_request", null), Map.of(), Map.of(), Map.of("code", "x"));
        assertThrows(Wire.BadSignatureException.class, () -> ours.decode(frames));
    }

    @Test
    void tamperedContentIsRejected() {
        Wire w = new Wire(new Signer("secret", "hmac-sha256"));
        List<byte[]> frames = new java.util.ArrayList<>(w.encode(List.of(), w.header("execute_request", null), Map.of(), Map.of(), Map.of("code", "x")));
        frames.set(frames.size() - 1, "{\"code\":\"evil()\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(Wire.BadSignatureException.class, () -> w.decode(frames));
    }

    @Test
    void connectionFileEndpointUsesItsAddressOnly() {
        ConnectionInfo c = new ConnectionInfo("tcp", "127.0.0.1", 1, 2, 3, 4, 5, "k", "hmac-sha256");
        assertEquals("tcp://127.0.0.1:3", c.endpoint(3));
    }
}
