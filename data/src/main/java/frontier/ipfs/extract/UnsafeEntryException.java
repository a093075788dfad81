package frontier.ipfs.extract;

import java.io.IOException;

/**
 * A tree that cannot be written safely is refused: an entry whose name could leave the target, a
 * duplicate name, a write that would go through a symlink, a symlink that points outside the
 * target. The message names the entry (escaped for the terminal) and why.
 */
public final class UnsafeEntryException extends IOException {
    public UnsafeEntryException(String message) {
        super(message);
    }
}
