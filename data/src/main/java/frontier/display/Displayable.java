package frontier.display;

import java.util.Map;

/**
 * A value that knows its own rich forms. The kernel's renderer registry uses this for types
 * that implement it; other types get renderers registered by type. Keys are MIME types
 * ("text/html", "image/png" as base64 text, "image/svg+xml", "application/json" as a
 * JSON-able Map or List, "text/markdown"). "text/plain" may be omitted: toString() is used.
 * No Jupyter here: these are plain MIME bundles.
 */
public interface Displayable {
    Map<String, Object> mimeBundle();
}
