package frontier.ipfs.unixfs;

import frontier.ipfs.cid.Varint;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The UnixFS {@code Data} protobuf (proto2) held in a dag-pb node's Data field. Optional
 * fields are null when absent and are written exactly when present, in field-number order,
 * blocksizes unpacked: the bytes equal those boxo's generated code marshals.
 *
 * @param data      field 2, null when absent (an empty array is written as an empty field)
 * @param filesize  field 3, null when absent
 * @param blocksizes field 4, one entry per child
 * @param hashType  field 5 (0x22 = murmur3-x64-64 for HAMT shards)
 * @param fanout    field 6
 * @param mode      field 7, unix permission bits (and type bits), null when absent
 * @param mtimeSeconds field 8.1, null when no mtime
 * @param mtimeNanos field 8.2 (fixed32), null when absent
 */
public record UnixfsData(UnixfsType type, byte[] data, Long filesize, long[] blocksizes, Long hashType, Long fanout,
                         Integer mode, Long mtimeSeconds, Integer mtimeNanos) {

    public UnixfsData {
        blocksizes = blocksizes == null ? new long[0] : blocksizes;
    }

    /** A directory node's data: type only (plus mode/mtime when given). */
    public static UnixfsData directory(Integer mode, Long mtimeSeconds, Integer mtimeNanos) {
        return new UnixfsData(UnixfsType.DIRECTORY, null, null, null, null, null, mode, mtimeSeconds, mtimeNanos);
    }

    public static UnixfsData file(byte[] data, long filesize, long[] blocksizes) {
        return new UnixfsData(UnixfsType.FILE, data, filesize, blocksizes, null, null, null, null, null);
    }

    public static UnixfsData symlink(byte[] target) {
        return new UnixfsData(UnixfsType.SYMLINK, target, null, null, null, null, null, null, null);
    }

    public static UnixfsData hamtShard(byte[] bitfield, long fanout, long hashType) {
        return new UnixfsData(UnixfsType.HAMT_SHARD, bitfield, null, null, hashType, fanout, null, null, null);
    }

    public UnixfsData withStat(Integer mode, Long mtimeSeconds, Integer mtimeNanos) {
        return new UnixfsData(type, data, filesize, blocksizes, hashType, fanout, mode, mtimeSeconds, mtimeNanos);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + (data == null ? 0 : data.length) + blocksizes.length * 4);
        out.write(0x08);
        Varint.write(type.ordinal(), out);
        if (data != null) {
            out.write(0x12);
            Varint.write(data.length, out);
            out.writeBytes(data);
        }
        if (filesize != null) {
            out.write(0x18);
            Varint.write(filesize, out);
        }
        for (long b : blocksizes) {
            out.write(0x20);
            Varint.write(b, out);
        }
        if (hashType != null) {
            out.write(0x28);
            Varint.write(hashType, out);
        }
        if (fanout != null) {
            out.write(0x30);
            Varint.write(fanout, out);
        }
        if (mode != null) {
            out.write(0x38);
            Varint.write(mode & 0xFFFFFFFFL, out);
        }
        if (mtimeSeconds != null) {
            ByteArrayOutputStream t = new ByteArrayOutputStream(16);
            t.write(0x08);
            Varint.write(mtimeSeconds, t); // int64: a negative value takes 10 bytes, as in protobuf
            if (mtimeNanos != null) {
                t.write(0x15);
                int n = mtimeNanos;
                t.write(n);
                t.write(n >>> 8);
                t.write(n >>> 16);
                t.write(n >>> 24);
            }
            out.write(0x42);
            Varint.write(t.size(), out);
            out.writeBytes(t.toByteArray());
        }
        return out.toByteArray();
    }

    /** Decodes UnixFS Data bytes; unknown fields are an error (they would change the hash on re-encode). */
    public static UnixfsData decode(byte[] b) {
        Integer type = null;
        byte[] data = null;
        Long filesize = null;
        long[] blocksizes = new long[0];
        int nBlocks = 0;
        Long hashType = null;
        Long fanout = null;
        Integer mode = null;
        Long secs = null;
        Integer nanos = null;
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = readVarint(b, pos, b.length);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (field) {
                case 1 -> type = (int) varint(b, pos, wire, field);
                case 2 -> {
                    int len = len(b, pos, wire, field, b.length);
                    data = Arrays.copyOfRange(b, pos[0], pos[0] + len);
                    pos[0] += len;
                }
                case 3 -> filesize = varint(b, pos, wire, field);
                case 4 -> {
                    if (wire == 2) { // packed, accepted on read
                        int len = len(b, pos, wire, field, b.length);
                        int end = pos[0] + len;
                        while (pos[0] < end) {
                            blocksizes = grow(blocksizes, nBlocks);
                            blocksizes[nBlocks++] = readVarint(b, pos, end);
                        }
                    } else {
                        blocksizes = grow(blocksizes, nBlocks);
                        blocksizes[nBlocks++] = varint(b, pos, wire, field);
                    }
                }
                case 5 -> hashType = varint(b, pos, wire, field);
                case 6 -> fanout = varint(b, pos, wire, field);
                case 7 -> mode = (int) varint(b, pos, wire, field);
                case 8 -> {
                    int len = len(b, pos, wire, field, b.length);
                    int end = pos[0] + len;
                    while (pos[0] < end) {
                        long k = readVarint(b, pos, end);
                        if (k == 0x08) {
                            secs = readVarint(b, pos, end);
                        } else if (k == 0x15) {
                            if (end - pos[0] < 4) {
                                throw new IllegalArgumentException("unixfs: truncated mtime nanos");
                            }
                            nanos = (b[pos[0]] & 0xFF) | (b[pos[0] + 1] & 0xFF) << 8 | (b[pos[0] + 2] & 0xFF) << 16 | (b[pos[0] + 3] & 0xFF) << 24;
                            pos[0] += 4;
                        } else {
                            throw new IllegalArgumentException("unixfs: unexpected mtime field key " + k);
                        }
                    }
                    if (secs == null) {
                        throw new IllegalArgumentException("unixfs: mtime without seconds");
                    }
                }
                default -> throw new IllegalArgumentException("unixfs: unexpected field " + field);
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("unixfs: missing Type");
        }
        return new UnixfsData(UnixfsType.of(type), data, filesize, Arrays.copyOf(blocksizes, nBlocks), hashType, fanout, mode, secs, nanos);
    }

    private static long[] grow(long[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, Math.max(8, a.length * 2));
    }

    private static long readVarint(byte[] b, int[] pos, int limit) {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos[0] >= limit) {
                throw new IllegalArgumentException("unixfs: truncated varint");
            }
            int x = b[pos[0]++] & 0xFF;
            value |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("unixfs: varint too long");
    }

    private static long varint(byte[] b, int[] pos, int wire, int field) {
        if (wire != 0) {
            throw new IllegalArgumentException("unixfs: field " + field + " has wire type " + wire + ", expected varint");
        }
        return readVarint(b, pos, b.length);
    }

    private static int len(byte[] b, int[] pos, int wire, int field, int limit) {
        if (wire != 2) {
            throw new IllegalArgumentException("unixfs: field " + field + " has wire type " + wire + ", expected bytes");
        }
        long len = readVarint(b, pos, limit);
        if (len > limit - pos[0]) {
            throw new IllegalArgumentException("unixfs: field " + field + " runs past the end");
        }
        return (int) len;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixfsData u && Arrays.equals(u.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }
}
