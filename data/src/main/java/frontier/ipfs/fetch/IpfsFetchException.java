package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;

import java.io.IOException;

/** A block could not be had; subclasses say why (not found, timeout, wrong bytes). The message names the CID. */
public class IpfsFetchException extends IOException {
    private final transient Cid cid;

    public IpfsFetchException(Cid cid, String message, Throwable cause) {
        super(message, cause);
        this.cid = cid;
    }

    public IpfsFetchException(Cid cid, String message) {
        this(cid, message, null);
    }

    /** The block at fault. */
    public Cid cid() {
        return cid;
    }
}
