package frontier.zarr.v3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Zarr v3 extension definition (data type, chunk grid, chunk key encoding, codec, storage
 * transformer): an object {@code {"name": ..., "configuration": {...}, "must_understand": ...}} or
 * the short-hand name alone. must_understand is true unless the object says false.
 */
public record Extension(String name, Map<String, Object> configuration, boolean mustUnderstand) {

    /** Parses one definition; what names the extension point for the error message. */
    @SuppressWarnings("unchecked")
    public static Extension parse(Object json, String what) {
        if (json instanceof String s) {
            if (s.isEmpty()) throw new IllegalArgumentException(what + " has an empty name");
            return new Extension(s, Map.of(), true);
        }
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be an object with a \"name\" or a name, got " + json);
        }
        Object name = m.get("name");
        if (!(name instanceof String n) || n.isEmpty()) {
            throw new IllegalArgumentException(what + " has no \"name\": " + json);
        }
        Object config = m.get("configuration");
        if (config != null && !(config instanceof Map)) {
            throw new IllegalArgumentException(what + " '" + n + "': \"configuration\" must be an object, got " + config);
        }
        Object mu = m.get("must_understand");
        if (mu != null && !(mu instanceof Boolean)) {
            throw new IllegalArgumentException(what + " '" + n + "': \"must_understand\" must be true or false, got " + mu);
        }
        return new Extension(n, config == null ? Map.of() : (Map<String, Object>) config, mu == null || (Boolean) mu);
    }

    /** The definition as an object (short-hand names come out as {"name": ...}). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (!configuration.isEmpty()) m.put("configuration", configuration);
        if (!mustUnderstand) m.put("must_understand", false);
        return m;
    }
}
