package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

/** A source took longer than its time limit to answer for a block. */
public final class BlockTimeoutException extends IpfsFetchException {
    private final String source;

    public BlockTimeoutException(Cid cid, String source, String detail) {
        super(cid, "timed out fetching block " + cid + " from " + source + (detail == null ? "" : " (" + detail + ")"));
        this.source = source;
    }

    public String source() {
        return source;
    }
}
