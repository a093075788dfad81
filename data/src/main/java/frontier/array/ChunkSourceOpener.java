package frontier.array;

import java.io.IOException;

/**
 * Opens a chunked array from its location alone (a path, a URL, an ipfs:// address): what a task
 * that came from another process needs, since tasks carry locations, not open arrays. Found with
 * {@link java.util.ServiceLoader}: register an implementation in
 * {@code META-INF/services/frontier.array.ChunkSourceOpener} (the Zarr reader registers one for every
 * location it opens; a Spark executor registers one that reads ipfs:// through its own node).
 */
public interface ChunkSourceOpener {
    /** The array at location, or null when this opener does not handle such locations. */
    ChunkSource open(String location) throws IOException;

    /** Openers with a higher priority are asked first (default 0). */
    default int priority() {
        return 0;
    }
}
