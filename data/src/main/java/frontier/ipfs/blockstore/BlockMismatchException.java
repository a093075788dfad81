package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;

/** A block whose bytes do not hash to its CID (or whose hash we cannot check). */
public class BlockMismatchException extends IllegalArgumentException {
    private final transient Cid cid;

    public BlockMismatchException(Cid cid, String why) {
        super("block " + cid + ": " + why);
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
