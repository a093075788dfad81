package frontier.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier. CIDv0 is a bare sha2-256 multihash of a dag-pb block, printed in
 * base58btc ({@code Qm...}); CIDv1 is {@code <version><codec><multihash>} printed with a multibase
 * prefix, base32 by default (as Kubo prints it). Immutable; equals compares version, codec and
 * multihash.
 */
public final class Cid implements Comparable<Cid> {
    /** Multicodec codes. */
    public static final long RAW = 0x55;
    public static final long DAG_PB = 0x70;
    public static final long DAG_CBOR = 0x71;
    public static final long LIBP2P_KEY = 0x72;
    public static final long DAG_JSON = 0x0129;

    private final int version;
    private final long codec;
    private final Multihash multihash;
    private final byte[] bytes;

    private Cid(int version, long codec, Multihash multihash) {
        this.version = version;
        this.codec = codec;
        this.multihash = multihash;
        this.bytes = encode(version, codec, multihash);
    }

    /** A CIDv0: dag-pb with a sha2-256 multihash. */
    public static Cid v0(Multihash mh) {
        if (mh.code() != HashType.SHA2_256.code() || mh.digestLength() != 32) {
            throw new IllegalArgumentException("CIDv0 needs a 32-byte sha2-256 multihash, not " + mh);
        }
        return new Cid(0, DAG_PB, mh);
    }

    public static Cid v1(long codec, Multihash mh) {
        return new Cid(1, codec, mh);
    }

    /** Builds a CID of the given version for a block: hashes the bytes. */
    public static Cid of(int version, long codec, HashType hash, byte[] block) {
        Multihash mh = Multihash.of(hash, block);
        return version == 0 ? v0(mh) : v1(codec, mh);
    }

    public int version() {
        return version;
    }

    public long codec() {
        return codec;
    }

    public Multihash multihash() {
        return multihash;
    }

    /** The binary form (what dag-pb links and CAR sections hold). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteLength() {
        return bytes.length;
    }

    /** This CID as version 1 (a CIDv0 becomes dag-pb v1 with the same multihash). */
    public Cid toV1() {
        return version == 1 ? this : v1(codec, multihash);
    }

    /** True when the bytes match this CID's multihash. */
    public boolean verify(byte[] block) {
        return multihash.verify(block);
    }

    /** Kubo's default text form: v0 in bare base58btc, v1 in base32. */
    @Override
    public String toString() {
        return version == 0 ? Multibase.BASE58BTC.encodeRaw(bytes) : Multibase.BASE32.encode(bytes);
    }

    /**
     * The text form Kubo prints with {@code --cid-base base}: a CIDv0 stays v0 for base58btc and is
     * upgraded to v1 for any other base (Kubo's cidenc behaviour).
     */
    public String toString(Multibase base) {
        if (base == null) {
            return toString();
        }
        if (version == 0) {
            return base == Multibase.BASE58BTC ? toString() : toV1().toString(base);
        }
        return base.encode(bytes);
    }

    /** Parses a CID string (v0 {@code Qm...} or a multibase CIDv1). Errors name the string. */
    public static Cid parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new CidException("empty CID");
        }
        try {
            if (s.length() == 46 && s.startsWith("Qm")) {
                return decode(Multibase.BASE58BTC.decodeRaw(s));
            }
            byte[] raw = Multibase.decode(s);
            Cid c = decode(raw);
            if (c.version == 0) {
                throw new IllegalArgumentException("a CIDv0 must be bare base58btc, not multibase-prefixed");
            }
            return c;
        } catch (CidException e) {
            throw new CidException("invalid CID '" + s + "': " + e.detail, e.detail);
        } catch (IllegalArgumentException e) {
            throw new CidException("invalid CID '" + s + "': " + e.getMessage(), e.getMessage());
        }
    }

    /** Decodes a binary CID (all of the bytes). */
    public static Cid decode(byte[] b) {
        int[] pos = {0};
        Cid c = read(b, pos, b.length);
        if (pos[0] != b.length) {
            throw new CidException("invalid CID bytes: " + (b.length - pos[0]) + " trailing bytes", "trailing bytes");
        }
        return c;
    }

    /** Reads a binary CID from b[pos[0]..limit), advancing pos[0]. */
    public static Cid read(byte[] b, int[] pos, int limit) {
        try {
            int p = pos[0];
            if (limit - p >= 34 && b[p] == 0x12 && b[p + 1] == 0x20) {
                Multihash mh = Multihash.read(b, pos, limit);
                return v0(mh);
            }
            long version = Varint.read(b, pos, limit);
            if (version != 1) {
                throw new IllegalArgumentException("unsupported CID version " + version);
            }
            long codec = Varint.read(b, pos, limit);
            Multihash mh = Multihash.read(b, pos, limit);
            return v1(codec, mh);
        } catch (CidException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CidException("invalid CID bytes: " + e.getMessage(), e.getMessage());
        }
    }

    private static byte[] encode(int version, long codec, Multihash mh) {
        byte[] m = mh.bytes();
        if (version == 0) {
            return m;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(m.length + 4);
        Varint.write(1, out);
        Varint.write(codec, out);
        out.writeBytes(m);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid && Arrays.equals(((Cid) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Cid o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** A malformed CID; the message names it. */
    public static final class CidException extends IllegalArgumentException {
        private final String detail;

        CidException(String message, String detail) {
            super(message);
            this.detail = detail;
        }

        CidException(String message) {
            this(message, message);
        }
    }
}
