package frontier.ipfs.extract;

import java.nio.file.Path;

/** What an {@code ipfs get} wrote: the target (with its parent's real path) and counts. */
public record Extracted(Path target, long files, long directories, long bytes) {
}
