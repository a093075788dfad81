package frontier.kernel.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Encodes and decodes the multipart wire form of messages, signing and checking signatures. */
public final class Wire {
    public static final String PROTOCOL_VERSION = "5.3";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    /** Records as the protocol's JSON: snake_case names, unknown fields ignored (a configuration, not state). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
        JsonNode header = JSON.readTree(h);
        JsonNode content = JSON.readTree(c);
        if (header == null || !header.isObject() || content == null || !content.isObject()) {
            throw new IOException("malformed message: header and content must be JSON objects");
        }
        return new Message(List.copyOf(frames.subList(0, d)), JSON.treeToValue(header, Header.class), header, content,
                List.copyOf(frames.subList(d + 6, frames.size())));
    }

    /**
     * The frames of a message: content's record as JSON, parent the header of the message it
     * answers (null for none), no metadata.
     */
    public List<byte[]> encode(List<byte[]> identities, Header header, JsonNode parent, Object content) {
        try {
            byte[] h = JSON.writeValueAsBytes(header);
            byte[] p = parent == null ? EMPTY_OBJECT : JSON.writeValueAsBytes(parent);
            byte[] c = JSON.writeValueAsBytes(content);
            List<byte[]> frames = new ArrayList<>(identities.size() + 6);
            frames.addAll(identities);
            frames.add(DELIMITER);
            frames.add(signer.sign(h, p, EMPTY_OBJECT, c).getBytes(StandardCharsets.US_ASCII));
            frames.add(h);
            frames.add(p);
            frames.add(EMPTY_OBJECT);
            frames.add(c);
            return frames;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode message content as JSON: " + e.getMessage(), e);
        }
    }

    /** A new header for a message of this type, answering parent (null for none). */
    public Header header(String msgType, Header parent) {
        String user = parent != null && parent.username() != null ? parent.username() : "kernel";
        return new Header(UUID.randomUUID().toString(), session, user, Instant.now().toString(), msgType, PROTOCOL_VERSION);
    }
}
