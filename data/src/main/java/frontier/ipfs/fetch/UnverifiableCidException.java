package frontier.ipfs.fetch;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;

/**
 * A CID that cannot vouch for any block ({@link CidRules}: a truncated digest, a hash function we
 * cannot compute, an oversized identity CID). Nothing is fetched for it: whatever a source sent
 * could not be checked.
 */
public final class UnverifiableCidException extends IpfsFetchException {
    public UnverifiableCidException(Cid cid, String where) {
        super(cid, CidRules.describe(cid) + (where == null ? "" : " (" + where + ")"));
    }

    /** Throws when cid breaks the rules; where says how we came to it (a link in a directory, a path). */
    public static void check(Cid cid, String where) throws UnverifiableCidException {
        if (CidRules.problem(cid) != null) throw new UnverifiableCidException(cid, where);
    }
}
