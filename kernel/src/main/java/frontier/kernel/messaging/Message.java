package frontier.kernel.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

/**
 * One message received: its typed header, the header as sent (echoed as the parent of what
 * answers it), its content (read as the record of its type with {@link #content(Class)}), and
 * the ZeroMQ routing identities it came with.
 */
public record Message(List<byte[]> identities, Header header, JsonNode headerAsSent, JsonNode content, List<byte[]> buffers) {

    public String type() {
        return header.msgType();
    }

    /** The content as a record of the request's type. */
    public <T> T content(Class<T> type) throws IOException {
        try {
            return Wire.JSON.treeToValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IOException("malformed " + type() + " content: " + e.getOriginalMessage(), e);
        }
    }
}
