package frontier.magics.ipfs;

import frontier.ipfs.importer.ImportResult;

/**
 * The result of {@code ipfs add}: what was imported, Kubo's text for the same flags (toString),
 * the node it went to and whether it is pinned there.
 */
public record IpfsAddResult(ImportResult result, String text, String node, boolean pinned) {
    /** The root CID as printed (with --cid-base applied). */
    public String root() {
        return result.format(result.root());
    }

    /** Exactly Kubo's stdout for the same flags (no trailing newline). */
    @Override
    public String toString() {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
