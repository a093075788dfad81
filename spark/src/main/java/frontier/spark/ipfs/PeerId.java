package frontier.spark.ipfs;

import frontier.ipfs.cid.Multibase;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A libp2p peer ID for a node that has no libp2p identity of its own (the embedded node serves
 * blocks over HTTP only): a fresh Ed25519 key, named as libp2p names it (the identity multihash of
 * the key's protobuf, base58btc: "12D3KooW..."), so that routing records name every provider with
 * a well-formed ID.
 */
public final class PeerId {
    private PeerId() {
    }

    public static String random() {
        byte[] raw;
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length); // the key after the X.509 prefix
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
        return fromEd25519(raw);
    }

    /** The peer ID of a 32-byte Ed25519 public key. */
    static String fromEd25519(byte[] key) {
        // protobuf PublicKey { Type = 1 (Ed25519); Data = key }, inside an identity multihash
        byte[] pb = new byte[4 + key.length];
        pb[0] = 0x08;
        pb[1] = 0x01;
        pb[2] = 0x12;
        pb[3] = (byte) key.length;
        System.arraycopy(key, 0, pb, 4, key.length);
        byte[] mh = new byte[2 + pb.length];
        mh[0] = 0x00;
        mh[1] = (byte) pb.length;
        System.arraycopy(pb, 0, mh, 2, pb.length);
        return Multibase.BASE58BTC.encodeRaw(mh);
    }
}
