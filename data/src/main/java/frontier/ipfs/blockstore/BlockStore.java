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

    /**
     * Stores a block the caller has just hashed (the importer) or verified against its CID (a
     * fetch, a CAR import), skipping a second hash where the store can. The default verifies again.
     */
    default void putHashed(Cid cid, byte[] block) {
        put(cid, block);
    }

    /** The folder holding the blocks (and the pins beside them), or null when they are not in files. */
    default java.nio.file.Path root() {
        return null;
    }

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
