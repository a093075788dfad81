package frontier.ipfs.cid;

/**
 * Which CIDs can vouch for a block, after boxo's {@code verifcid} (what Kubo checks before it
 * fetches or stores a block), made stricter where Frontier computes the hash itself:
 * <ul>
 *   <li>the hash function must be one we compute: sha2-256, sha2-512, blake2b-256, blake3
 *       (boxo allows a few more, which we cannot check, so we refuse them by name);</li>
 *   <li>the digest must have the function's full length (32 bytes for sha2-256): boxo refuses
 *       digests below 20 bytes; a truncated digest such as {@code bafkreaa} (sha2-256, 0 bytes)
 *       would vouch for almost any bytes, so we take nothing shorter than the whole digest;</li>
 *   <li>an identity CID carries its block inline and is capped at {@link #MAX_IDENTITY_DIGEST}
 *       bytes, boxo's {@code DefaultMaxIdentityDigestSize}.</li>
 * </ul>
 */
public final class CidRules {
    /** boxo verifcid.DefaultMaxIdentityDigestSize (Kubo refuses longer identity CIDs with "digest too large"). */
    public static final int MAX_IDENTITY_DIGEST = 128;

    private CidRules() {
    }

    /** Why cid cannot vouch for a block, or null when it can. */
    public static String problem(Cid cid) {
        Multihash mh = cid.multihash();
        HashType t = mh.type();
        if (t == null) {
            return "its hash function 0x" + Long.toHexString(mh.code()) + " is not one Frontier can check"
                    + " (sha2-256, sha2-512, blake2b-256, blake3, identity)";
        }
        if (t == HashType.IDENTITY) {
            return mh.digestLength() > MAX_IDENTITY_DIGEST
                    ? "it is an identity CID of " + mh.digestLength() + " bytes, more than the " + MAX_IDENTITY_DIGEST + " Kubo allows (digest too large)"
                    : null;
        }
        if (mh.digestLength() != t.length()) {
            return "its " + t.hashName() + " digest is " + mh.digestLength() + " bytes, not the function's full " + t.length()
                    + (mh.digestLength() < t.length() ? " (a truncated digest cannot verify a block: digest too small)" : " (digest too large)");
        }
        return null;
    }

    /** The one-line reason, naming the CID, as errors print it; null when cid is acceptable. */
    public static String describe(Cid cid) {
        String p = problem(cid);
        return p == null ? null : "CID " + cid + " cannot be verified: " + p;
    }
}
