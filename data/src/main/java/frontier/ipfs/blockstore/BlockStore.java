package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;

/**
 * Blocks by CID. put() checks the bytes against the CID's multihash before storing anything,
 * so a store never holds a block under the wrong name. Identity CIDs carry their block inline:
 * they are never stored, always "present", and get() returns the digest.
 */
public interface BlockStore {
    /** The block's bytes, or null when absent. */
    byte[] get(Cid cid);

    /** Stores a block; throws {@link BlockMismatchException} when the bytes do not hash to cid. */
    void put(Cid cid, byte[] block);

    boolean has(Cid cid);

    /** Removes the block if present; returns whether it was. */
    boolean delete(Cid cid);

    /** Every stored CID (as CIDv1; CIDv0 blocks are listed as dag-pb v1). */
    Iterable<Cid> list();

    /** Checks block against cid; throws naming the CID when it does not match. */
    static void verify(Cid cid, byte[] block) {
        String problem = CidRules.problem(cid);
        if (problem != null) {
            throw new BlockMismatchException(cid, "cannot be verified: " + problem);
        }
        if (!cid.verify(block)) {
            throw new BlockMismatchException(cid, "block of " + block.length + " bytes does not hash to it");
        }
    }
}
