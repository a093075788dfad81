package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;

/** One {@code added CID NAME} line: a file, symlink or directory and its CID. */
public record AddedEntry(String name, Cid cid, boolean directory) {
}
