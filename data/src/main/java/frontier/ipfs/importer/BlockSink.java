package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;

/** Where the importer sends each block it made (a block store, or nowhere with --only-hash). */
@FunctionalInterface
public interface BlockSink {
    /** cid was computed from exactly these bytes by the importer. Identity CIDs are never sent. */
    void put(Cid cid, byte[] block);

    BlockSink DISCARD = (cid, block) -> {
    };
}
