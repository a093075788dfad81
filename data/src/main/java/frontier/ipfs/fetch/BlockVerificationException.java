package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

/**
 * A source returned bytes that do not hash to the CID asked for: the block is refused, never
 * used and never cached. The message names the CID and the source (a gateway URL, an RPC node).
 */
public final class BlockVerificationException extends IpfsFetchException {
    private final String source;

    public BlockVerificationException(Cid cid, String source, int length) {
        super(cid, "hash mismatch: " + source + " returned " + length + " bytes for block " + cid
                + " that do not hash to it (refused; the source is serving wrong data)");
        this.source = source;
    }

    public String source() {
        return source;
    }
}
