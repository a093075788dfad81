package frontier.ipfs;

import frontier.ipfs.cid.Cid;

/** A pinned CID and how it is pinned ("recursive", "direct", "indirect"), as {@code ipfs pin ls} lists it. */
public record Pin(Cid cid, String type) {
}
