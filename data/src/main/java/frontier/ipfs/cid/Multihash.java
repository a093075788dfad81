package frontier.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/** A multihash: varint function code, varint digest length, digest. Immutable. */
public final class Multihash {
    private final long code;
    private final byte[] digest;

    public Multihash(long code, byte[] digest) {
        this.code = code;
        this.digest = digest.clone();
    }

    /** Hashes data with the given function. */
    public static Multihash of(HashType type, byte[] data) {
        return new Multihash(type.code(), type.digest(data));
    }

    public static Multihash of(HashType type, byte[] data, int off, int len) {
        return new Multihash(type.code(), type.digest(data, off, len));
    }

    public long code() {
        return code;
    }

    /** The hash function, or null when it is one we cannot compute. */
    public HashType type() {
        return HashType.byCode(code);
    }

    public byte[] digest() {
        return digest.clone();
    }

    public int digestLength() {
        return digest.length;
    }

    public boolean isIdentity() {
        return code == HashType.IDENTITY.code();
    }

    /** True when data hashes to exactly this (full-length) digest. Throws when the hash function is not supported. */
    public boolean verify(byte[] data) {
        HashType t = type();
        if (t == null) {
            throw new IllegalArgumentException("cannot verify multihash with unsupported function 0x" + Long.toHexString(code));
        }
        byte[] d = t.digest(data);
        if (t == HashType.IDENTITY) {
            return Arrays.equals(d, digest);
        }
        // only a whole digest verifies: a truncated one (bafkreaa: sha2-256 with 0 bytes) would match nearly anything
        return MessageDigest.isEqual(d, digest);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(digest.length + 4);
        Varint.write(code, out);
        Varint.write(digest.length, out);
        out.writeBytes(digest);
        return out.toByteArray();
    }

    /** Decodes a multihash from bytes[pos[0]..limit), advancing pos[0]. */
    public static Multihash read(byte[] in, int[] pos, int limit) {
        long code = Varint.read(in, pos, limit);
        long len = Varint.read(in, pos, limit);
        if (len > limit - pos[0]) {
            throw new IllegalArgumentException("multihash digest length " + len + " runs past the end (" + (limit - pos[0]) + " bytes left)");
        }
        byte[] d = Arrays.copyOfRange(in, pos[0], pos[0] + (int) len);
        pos[0] += (int) len;
        return new Multihash(code, d);
    }

    public static Multihash decode(byte[] bytes) {
        int[] pos = {0};
        Multihash mh = read(bytes, pos, bytes.length);
        if (pos[0] != bytes.length) {
            throw new IllegalArgumentException("trailing bytes after multihash");
        }
        return mh;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multihash && ((Multihash) o).code == code && Arrays.equals(((Multihash) o).digest, digest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(code) * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        HashType t = type();
        return (t == null ? "0x" + Long.toHexString(code) : t.hashName()) + ":" + Multibase.BASE16.encodeRaw(digest);
    }
}
