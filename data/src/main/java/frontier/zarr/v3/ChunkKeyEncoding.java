package frontier.zarr.v3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Zarr v3 chunk key encoding: "default" ({@code c/1/23/45}, or {@code c.1.23.45} with separator
 * ".") or "v2" ({@code 1.23.45}, or {@code 1/23/45}). Keys are relative to the array's prefix.
 */
public record ChunkKeyEncoding(String name, String separator) {
    public ChunkKeyEncoding {
        if (!"default".equals(name) && !"v2".equals(name)) {
            throw new IllegalArgumentException("unsupported chunk_key_encoding '" + name + "' (supported: default, v2)");
        }
        // Only "/" and "." are allowed: anything else could make keys leave the array (a separator "/../").
        if (!"/".equals(separator) && !".".equals(separator)) {
            throw new IllegalArgumentException("chunk_key_encoding '" + name + "': separator must be \"/\" or \".\", got "
                    + (separator == null ? "null" : "\"" + separator + "\""));
        }
    }

    /** The default encoding with "/", as zarr-python and zarrita write. */
    public static ChunkKeyEncoding defaultEncoding() {
        return new ChunkKeyEncoding("default", "/");
    }

    /** Parses the zarr.json value (an object or the short-hand name). */
    public static ChunkKeyEncoding fromJson(Object json) {
        Extension e = Extension.parse(json, "chunk_key_encoding");
        Object sep = e.configuration().get("separator");
        if (sep != null && !(sep instanceof String)) {
            throw new IllegalArgumentException("chunk_key_encoding '" + e.name() + "': separator must be \"/\" or \".\", got " + sep);
        }
        String s = sep != null ? (String) sep : "v2".equals(e.name()) ? "." : "/";
        return new ChunkKeyEncoding(e.name(), s);
    }

    /** The key of the chunk at this grid index. */
    public String key(long[] index) {
        StringBuilder sb = new StringBuilder();
        if (name.equals("default")) {
            sb.append('c');
            for (long i : index) sb.append(separator).append(i);
            return sb.toString();
        }
        if (index.length == 0) return "0";
        for (int i = 0; i < index.length; i++) {
            if (i > 0) sb.append(separator);
            sb.append(index[i]);
        }
        return sb.toString();
    }

    /** The grid index a key names, or null when it is not a chunk key of this encoding for ndim dimensions. */
    public long[] parse(String key, int ndim) {
        String rest = key;
        if (name.equals("default")) {
            if (!key.startsWith("c")) return null;
            rest = key.substring(1);
            if (ndim == 0) return rest.isEmpty() ? new long[0] : null;
            if (!rest.startsWith(separator)) return null;
            rest = rest.substring(1);
        } else if (ndim == 0) {
            return "0".equals(key) ? new long[0] : null;
        }
        String[] parts = rest.split(java.util.regex.Pattern.quote(separator), -1);
        if (parts.length != ndim) return null;
        long[] idx = new long[ndim];
        for (int i = 0; i < ndim; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 18 || !parts[i].chars().allMatch(Character::isDigit)) return null;
            idx[i] = Long.parseLong(parts[i]);
        }
        return idx;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("separator", separator);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("configuration", c);
        return m;
    }
}
