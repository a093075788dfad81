package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;

/** A directory entry as its parent links to it: name, CID, and the link's Tsize (cumulative DAG size). */
public record DirEntry(String name, Cid cid, long tsize) {
}
