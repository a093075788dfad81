package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multihash;

/**
 * Kubo's CID builder for an import: dag-pb nodes get the chosen CID version, raw leaves are
 * always CIDv1, and with {@code --inline} a block no longer than the limit becomes an identity
 * CIDv1 that carries the block itself.
 */
public record CidMaker(int version, HashType hash, boolean inline, int inlineLimit) {
    public Cid sum(long codec, byte[] block) {
        if (inline && block.length <= inlineLimit) {
            return Cid.v1(codec, Multihash.of(HashType.IDENTITY, block));
        }
        Multihash mh = Multihash.of(hash, block);
        if (codec == Cid.DAG_PB && version == 0) {
            return Cid.v0(mh);
        }
        return Cid.v1(codec, mh);
    }
}
