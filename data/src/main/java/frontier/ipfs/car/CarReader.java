package frontier.ipfs.car;

import frontier.ipfs.cid.Cid;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CAR v1 section by section (streaming). Errors name the source and the byte offset. It
 * does not verify hashes; {@link Car#importCar} does.
 */
public final class CarReader implements AutoCloseable {
    /** Sections larger than this are refused (a block is at most 2 MiB in IPFS; allow some slack). */
    static final long MAX_SECTION = 8L << 20;

    private final InputStream in;
    private final String source;
    private final List<Cid> roots;
    private long offset;
    private int sections;

    /** One block of the CAR. */
    public record Block(Cid cid, byte[] data) {
    }

    public CarReader(InputStream in, String source) throws IOException {
        this.in = in;
        this.source = source;
        long len = varint(true);
        if (len < 0) {
            throw new CarException(source + ": empty file, not a CAR");
        }
        if (len == 0 || len > 1 << 20) {
            throw new CarException(source + ": bad CAR header length " + len);
        }
        byte[] header = readFully((int) len, "header");
        this.roots = parseHeader(header);
    }

    public List<Cid> roots() {
        return roots;
    }

    /** The next block, or null at a clean end of file. */
    public Block next() throws IOException {
        long start = offset;
        long len = varint(true);
        if (len < 0) {
            return null;
        }
        if (len == 0 || len > MAX_SECTION) {
            throw new CarException(source + ": bad section length " + len + " at byte " + start);
        }
        byte[] section = readFully((int) len, "section " + (sections + 1) + " (starting at byte " + start + ")");
        int[] pos = {0};
        Cid cid;
        try {
            cid = Cid.read(section, pos, section.length);
        } catch (IllegalArgumentException e) {
            throw new CarException(source + ": section at byte " + start + " has a bad CID: " + e.getMessage(), e);
        }
        sections++;
        return new Block(cid, Arrays.copyOfRange(section, pos[0], section.length));
    }

    private byte[] readFully(int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        offset += b.length;
        if (b.length < n) {
            throw new CarException(source + ": truncated CAR: " + what + " needs " + n + " bytes, only " + b.length
                    + " left (file ends at byte " + offset + ")");
        }
        return b;
    }

    /** Reads a varint; returns -1 at a clean EOF when allowed. */
    private long varint(boolean eofOk) throws IOException {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0 && eofOk) {
                    return -1;
                }
                throw new CarException(source + ": truncated CAR: varint cut off at byte " + offset);
            }
            offset++;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CarException(source + ": varint too long at byte " + offset);
    }

    /** Minimal DAG-CBOR reading for the header map {roots: [CID], version: 1}. */
    private List<Cid> parseHeader(byte[] h) {
        Cbor c = new Cbor(h);
        try {
            int n = (int) c.expect(5, "map");
            List<Cid> rs = null;
            long version = -1;
            for (int i = 0; i < n; i++) {
                String key = c.text();
                if (key.equals("roots")) {
                    int m = (int) c.expect(4, "array");
                    rs = new ArrayList<>();
                    for (int j = 0; j < m; j++) {
                        rs.add(c.cid());
                    }
                } else if (key.equals("version")) {
                    version = c.expect(0, "unsigned");
                } else {
                    throw new CarException(source + ": unexpected CAR header key '" + key + "'");
                }
            }
            if (version != 1) {
                throw new CarException(source + ": CAR version " + version + " is not supported (only v1)");
            }
            if (rs == null) {
                throw new CarException(source + ": CAR header has no roots");
            }
            return rs;
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CarException(source + ": bad CAR header: " + e.getMessage(), e);
        }
    }

    private static final class Cbor {
        final byte[] b;
        int p;

        Cbor(byte[] b) {
            this.b = b;
        }

        long expect(int major, String what) {
            int ib = b[p++] & 0xFF;
            if (ib >> 5 != major) {
                throw new IllegalArgumentException("expected " + what + " at header byte " + (p - 1));
            }
            return arg(ib & 31);
        }

        long arg(int ai) {
            if (ai < 24) {
                return ai;
            }
            int n = ai == 24 ? 1 : ai == 25 ? 2 : ai == 26 ? 4 : ai == 27 ? 8 : -1;
            if (n < 0) {
                throw new IllegalArgumentException("indefinite or reserved length in header");
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[p++] & 0xFF);
            }
            return v;
        }

        String text() {
            int len = (int) expect(3, "text key");
            String s = new String(b, p, len, StandardCharsets.UTF_8);
            p += len;
            return s;
        }

        Cid cid() {
            int ib = b[p++] & 0xFF;
            if (ib != 0xd8 || (b[p++] & 0xFF) != 42) {
                throw new IllegalArgumentException("expected a CID (tag 42) in roots");
            }
            int len = (int) expect(2, "CID bytes");
            if (len < 2 || b[p] != 0) {
                throw new IllegalArgumentException("CID bytes must start with 0x00");
            }
            Cid c = Cid.decode(Arrays.copyOfRange(b, p + 1, p + len));
            p += len;
            return c;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static EOFException eof(String s) {
        return new EOFException(s);
    }
}
