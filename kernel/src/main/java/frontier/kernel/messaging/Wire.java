package frontier.kernel.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Encodes and decodes the multipart wire form of messages, signing and checking signatures. */
public final class Wire {
    public static final String PROTOCOL_VERSION = "5.3";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper();
    private final Signer signer;
    private final String session = UUID.randomUUID().toString();

    public Wire(Signer signer) {
        this.signer = signer;
    }

    /** Thrown for a message whose signature does not match: it must never be acted on. */
    public static final class BadSignatureException extends IOException {
        BadSignatureException(String message) {
            super(message);
        }
    }

    public Message decode(List<byte[]> frames) throws IOException {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (frames.size() < d + 6) {
            throw new IOException("malformed message: " + frames.size() + " frames, delimiter at " + d);
        }
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        byte[] h = frames.get(d + 2), p = frames.get(d + 3), m = frames.get(d + 4), c = frames.get(d + 5);
        if (!signer.verify(signature, h, p, m, c)) {
            throw new BadSignatureException("invalid HMAC signature");
        }
        return new Message(List.copyOf(frames.subList(0, d)), json.readValue(h, MAP), json.readValue(p, MAP),
                json.readValue(m, MAP), json.readValue(c, MAP), List.copyOf(frames.subList(d + 6, frames.size())));
    }

    public List<byte[]> encode(List<byte[]> identities, Map<String, Object> header, Map<String, Object> parent,
                               Map<String, Object> metadata, Map<String, Object> content) {
        try {
            byte[] h = json.writeValueAsBytes(header);
            byte[] p = json.writeValueAsBytes(parent == null ? Map.of() : parent);
            byte[] m = json.writeValueAsBytes(metadata == null ? Map.of() : metadata);
            byte[] c = json.writeValueAsBytes(content);
            List<byte[]> frames = new ArrayList<>(identities.size() + 6);
            frames.addAll(identities);
            frames.add(DELIMITER);
            frames.add(signer.sign(h, p, m, c).getBytes(StandardCharsets.US_ASCII));
            frames.add(h);
            frames.add(p);
            frames.add(m);
            frames.add(c);
            return frames;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode message content as JSON: " + e.getMessage(), e);
        }
    }

    public Map<String, Object> header(String msgType, Map<String, Object> parent) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("msg_id", UUID.randomUUID().toString());
        h.put("session", session);
        h.put("username", parent != null && parent.get("username") != null ? parent.get("username") : "kernel");
        h.put("date", Instant.now().toString());
        h.put("msg_type", msgType);
        h.put("version", PROTOCOL_VERSION);
        return h;
    }

    public ObjectMapper json() {
        return json;
    }
}
