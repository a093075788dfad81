package frontier.ipfs.dagpb;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Varint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A dag-pb node (codec 0x70) encoded byte for byte as boxo's merkledag does: links (field 2)
 * first, sorted stably by name bytes, each with Hash, Name and Tsize always present; then Data
 * (field 1) when it is not null. Decoding keeps the serialized link order and checks the
 * protobuf strictly as the DAG-PB spec asks.
 */
public final class PbNode {
    private final List<PbLink> links;
    private final byte[] data;

    /** data may be null (no Data field); links are kept as given. */
    public PbNode(List<PbLink> links, byte[] data) {
        this.links = List.copyOf(links);
        this.data = data;
    }

    public List<PbLink> links() {
        return links;
    }

    /** The Data field, or null when absent. */
    public byte[] data() {
        return data;
    }

    /** Orders links as boxo does before encoding: stable sort by name, compared as UTF-8 bytes. */
    public static List<PbLink> sortLinks(List<PbLink> links) {
        List<PbLink> sorted = new ArrayList<>(links);
        Collections.sort(sorted, NAME_ORDER);
        return sorted;
    }

    private static final Comparator<PbLink> NAME_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.nameOrEmpty().getBytes(StandardCharsets.UTF_8), b.nameOrEmpty().getBytes(StandardCharsets.UTF_8));

    /** boxo's encoding: links sorted by name, then data. */
    public byte[] encode() {
        return encodeAsIs(sortLinks(links), data);
    }

    /** Encodes the links in the given order (callers that already sorted, or tests). */
    public static byte[] encodeAsIs(List<PbLink> links, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + links.size() * 48 + (data == null ? 0 : data.length));
        for (PbLink l : links) {
            byte[] h = l.hash().bytes();
            byte[] n = l.name() == null ? null : l.name().getBytes(StandardCharsets.UTF_8);
            int len = 1 + Varint.size(h.length) + h.length;
            if (n != null) {
                len += 1 + Varint.size(n.length) + n.length;
            }
            if (l.tsize() >= 0) {
                len += 1 + Varint.size(l.tsize());
            }
            out.write(0x12);
            Varint.write(len, out);
            out.write(0x0a);
            Varint.write(h.length, out);
            out.writeBytes(h);
            if (n != null) {
                out.write(0x12);
                Varint.write(n.length, out);
                out.writeBytes(n);
            }
            if (l.tsize() >= 0) {
                out.write(0x18);
                Varint.write(l.tsize(), out);
            }
        }
        if (data != null) {
            out.write(0x0a);
            Varint.write(data.length, out);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /** Decodes a dag-pb block; throws IllegalArgumentException saying what is wrong. */
    public static PbNode decode(byte[] b) {
        List<PbLink> links = new ArrayList<>();
        byte[] data = null;
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = Varint.read(b, pos);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (wire != 2) {
                throw new IllegalArgumentException("dag-pb: field " + field + " has wire type " + wire + ", expected bytes");
            }
            int len = length(b, pos);
            if (field == 2) {
                if (data != null) {
                    throw new IllegalArgumentException("dag-pb: Links after Data");
                }
                links.add(decodeLink(b, pos[0], pos[0] + len));
            } else if (field == 1) {
                if (data != null) {
                    throw new IllegalArgumentException("dag-pb: duplicate Data");
                }
                data = Arrays.copyOfRange(b, pos[0], pos[0] + len);
            } else {
                throw new IllegalArgumentException("dag-pb: unexpected field " + field);
            }
            pos[0] += len;
        }
        return new PbNode(links, data);
    }

    private static int length(byte[] b, int[] pos) {
        long len = Varint.read(b, pos);
        if (len > b.length - pos[0]) {
            throw new IllegalArgumentException("dag-pb: length " + len + " runs past the end of the block");
        }
        return (int) len;
    }

    private static PbLink decodeLink(byte[] b, int start, int end) {
        int[] pos = {start};
        Cid hash = null;
        String name = null;
        long tsize = -1;
        int last = 0;
        while (pos[0] < end) {
            long key = Varint.read(b, pos, end);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (field <= last) {
                throw new IllegalArgumentException("dag-pb: link fields out of order or repeated (field " + field + ")");
            }
            last = field;
            if (field == 1 && wire == 2) {
                long len = Varint.read(b, pos, end);
                if (len > end - pos[0]) {
                    throw new IllegalArgumentException("dag-pb: link hash runs past the link");
                }
                hash = Cid.decode(Arrays.copyOfRange(b, pos[0], pos[0] + (int) len));
                pos[0] += (int) len;
            } else if (field == 2 && wire == 2) {
                long len = Varint.read(b, pos, end);
                if (len > end - pos[0]) {
                    throw new IllegalArgumentException("dag-pb: link name runs past the link");
                }
                name = new String(b, pos[0], (int) len, StandardCharsets.UTF_8);
                pos[0] += (int) len;
            } else if (field == 3 && wire == 0) {
                tsize = Varint.read(b, pos, end);
            } else {
                throw new IllegalArgumentException("dag-pb: unexpected link field " + field + " wire type " + wire);
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException("dag-pb: link without Hash");
        }
        return new PbLink(hash, name, tsize);
    }
}
