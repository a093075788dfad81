package frontier.kernel.messaging;

import java.util.List;
import java.util.Map;

/**
 * One Jupyter message: header, parent header, metadata, content (JSON objects as maps) plus the
 * ZeroMQ routing identities it came with and any binary buffers.
 */
public record Message(List<byte[]> identities, Map<String, Object> header, Map<String, Object> parentHeader,
                      Map<String, Object> metadata, Map<String, Object> content, List<byte[]> buffers) {

    public String type() {
        return (String) header.get("msg_type");
    }

    public String id() {
        return (String) header.get("msg_id");
    }

    public String string(String key, String fallback) {
        Object v = content.get(key);
        return v == null ? fallback : v.toString();
    }

    public int integer(String key, int fallback) {
        Object v = content.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    public boolean flag(String key, boolean fallback) {
        Object v = content.get(key);
        return v instanceof Boolean b ? b : fallback;
    }
}
