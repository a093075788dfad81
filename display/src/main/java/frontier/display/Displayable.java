package frontier.display;

import java.util.Map;

/**
 * A value that knows its own rich forms: a cluster's status, values made in cells. The kernel's
 * renderer registry uses this for types that implement it; the data library's types and the
 * magics' results implement nothing of the kind and get renderers registered by type (this
 * module's {@code frontier.display.array}, {@code .zarr}, {@code .ome}, {@code .magics}). Keys are MIME types
 * ("text/html", "image/png" as base64 text, "image/svg+xml", "application/json" as a JSON-able
 * Map or List, "text/markdown"). "text/plain" may be omitted: toString() is used.
 * No Jupyter here: these are plain MIME bundles.
 */
public interface Displayable {
    Map<String, Object> mimeBundle();
}
