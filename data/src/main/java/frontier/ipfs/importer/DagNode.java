package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;

/**
 * A node the importer made: its CID, the Tsize a parent link records (the block's length plus
 * its children's Tsizes, as boxo's Node.Size()), and the file bytes below it (for blocksizes).
 */
public record DagNode(Cid cid, long tsize, long fileSize) {
}
