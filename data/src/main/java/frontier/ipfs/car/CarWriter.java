package frontier.ipfs.car;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Varint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CAR v1: a varint-prefixed DAG-CBOR header {@code {"roots": [CID...], "version": 1}}, then
 * one varint-prefixed section (CID bytes + block) per block.
 */
public final class CarWriter implements AutoCloseable {
    private final OutputStream out;

    public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
        this.out = out;
        byte[] header = header(roots);
        out.write(Varint.encode(header.length));
        out.write(header);
    }

    /** The DAG-CBOR header: keys in canonical order (by length, then bytes), CIDs as tag 42 over 0x00 + CID bytes. */
    public static byte[] header(List<Cid> roots) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0xa2);
        text(h, "roots");
        head(h, 4, roots.size());
        for (Cid c : roots) {
            byte[] b = c.bytes();
            h.write(0xd8);
            h.write(42);
            head(h, 2, b.length + 1);
            h.write(0);
            h.writeBytes(b);
        }
        text(h, "version");
        h.write(0x01);
        return h.toByteArray();
    }

    private static void text(ByteArrayOutputStream h, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        head(h, 3, b.length);
        h.writeBytes(b);
    }

    /** A CBOR major type with its argument in the shortest form. */
    private static void head(ByteArrayOutputStream h, int major, long n) {
        int m = major << 5;
        if (n < 24) {
            h.write(m | (int) n);
        } else if (n < 0x100) {
            h.write(m | 24);
            h.write((int) n);
        } else if (n < 0x10000) {
            h.write(m | 25);
            h.write((int) (n >> 8));
            h.write((int) n);
        } else {
            h.write(m | 26);
            for (int i = 3; i >= 0; i--) {
                h.write((int) (n >> (8 * i)));
            }
        }
    }

    public void write(Cid cid, byte[] block) throws IOException {
        byte[] c = cid.bytes();
        out.write(Varint.encode((long) c.length + block.length));
        out.write(c);
        out.write(block);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
