package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.fetch.IpfsFetchException;

/** A verified block that is not valid UnixFS (bad protobuf, sizes that do not add up, an unknown codec). */
public final class MalformedBlockException extends IpfsFetchException {
    public MalformedBlockException(Cid cid, String why) {
        super(cid, "block " + cid + " is not valid UnixFS: " + why);
    }
}
