package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

/** No source had the block (every one answered "not found"). */
public final class BlockNotFoundException extends IpfsFetchException {
    public BlockNotFoundException(Cid cid, String where) {
        super(cid, "block " + cid + " not found (looked in " + where + ")");
    }
}
