package frontier.ipfs.dagpb;

import frontier.ipfs.cid.Cid;

import java.util.Objects;

/**
 * A dag-pb link: the child's CID, its name ("" for file chunks) and Tsize (the cumulative size
 * of the child's encoded DAG). boxo always writes Name and Tsize; a decoded link may lack them
 * (null name, tsize -1).
 */
public record PbLink(Cid hash, String name, long tsize) {
    public PbLink {
        Objects.requireNonNull(hash, "link hash");
    }

    /** The name, or "" when absent (as boxo reads it). */
    public String nameOrEmpty() {
        return name == null ? "" : name;
    }
}
