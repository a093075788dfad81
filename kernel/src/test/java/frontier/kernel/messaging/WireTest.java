package frontier.kernel.messaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<byte[]> frames = w.encode(List.of(id), w.header("execute_request", null), null, Map.of("code", "1 + 1"));
        Message m = w.decode(frames);
        assertArrayEquals(id, m.identities().get(0));
        assertEquals("execute_request", m.type());
        assertEquals("5.3", m.header().version());
        Requests.ExecuteRequest r = m.content(Requests.ExecuteRequest.class);
        assertEquals("1 + 1", r.code());
        assertEquals(true, r.storeHistory(), "absent fields take the protocol's defaults");
        assertEquals(true, r.stopOnError());
        assertEquals(false, r.silent());
    }

    @Test
    void repliesAreWrittenWithTheProtocolsNamesAndAnswerTheirRequest() throws Exception {
        Wire w = new Wire(new Signer("secret", "hmac-sha256"));
        Message request = w.decode(w.encode(List.of(), w.header("execute_request", null), null,
                Map.of("code", "x", "store_history", false, "silent", true)));
        assertEquals(false, request.content(Requests.ExecuteRequest.class).storeHistory());
        List<byte[]> frames = w.encode(List.of(), w.header("execute_reply", request.header()), request.headerAsSent(),
                new Replies.ExecuteError(3, "SystemExit", "System.exit(1)", List.of("tb")));
        String header = new String(frames.get(2), StandardCharsets.UTF_8), parent = new String(frames.get(3), StandardCharsets.UTF_8);
        String content = new String(frames.get(5), StandardCharsets.UTF_8);
        assertEquals("{\"status\":\"error\",\"execution_count\":3,\"ename\":\"SystemExit\",\"evalue\":\"System.exit(1)\",\"traceback\":[\"tb\"]}", content);
        assertTrue(header.contains("\"msg_type\":\"execute_reply\""), header);
        assertTrue(parent.contains("\"msg_id\":\"" + request.header().msgId() + "\""), parent);
        String display = new String(w.encode(List.of(), w.header("display_data", null), null,
                frontier.kernel.messaging.Iopub.DisplayData.of(Map.of("text/plain", "v"), "id-1", false)).get(5), StandardCharsets.UTF_8);
        assertEquals("{\"data\":{\"text/plain\":\"v\"},\"metadata\":{},\"transient\":{\"display_id\":\"id-1\"}}", display);
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRejected() {
        Wire ours = new Wire(new Signer("secret", "hmac-sha256"));
        Wire forger = new Wire(new Signer("guess", "hmac-sha256"));
        List<byte[]> frames = forger.encode(List.of(), forger.header("execute_request", null), null, Map.of("code", "x"));
        assertThrows(Wire.BadSignatureException.class, () -> ours.decode(frames));
    }

    @Test
    void tamperedContentIsRejected() {
        Wire w = new Wire(new Signer("secret", "hmac-sha256"));
        List<byte[]> frames = new java.util.ArrayList<>(w.encode(List.of(), w.header("execute_request", null), null, Map.of("code", "x")));
        frames.set(frames.size() - 1, "{\"code\":\"evil()\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(Wire.BadSignatureException.class, () -> w.decode(frames));
    }

    @Test
    void connectionFileEndpointUsesItsAddressOnly() {
        ConnectionInfo c = new ConnectionInfo("tcp", "127.0.0.1", 1, 2, 3, 4, 5, "k", "hmac-sha256");
        assertEquals("tcp://127.0.0.1:3", c.endpoint(3));
    }
}
