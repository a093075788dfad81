package frontier.ipfs.gateway;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Varint;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.dagpb.PbNode;
import frontier.ipfs.fetch.BlockFetcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a CAR v1 stream: a dag-cbor header {@code {roots: [CID], version: 1}}, then one section
 * per block ({@code varint(len) CID-bytes block}), the DAG walked depth-first in link order with
 * each block written once, as {@code ipfs dag export} orders it. dag-pb and raw blocks are
 * walked; a block of another codec is written without descending into it.
 */
public final class CarV1Writer {
    private CarV1Writer() {
    }

    /** The CAR header bytes (without the leading varint length). */
    static byte[] header(List<Cid> roots) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0xa2); // map of 2, keys in dag-cbor order (shorter first): roots, version
        cborText(h, "roots");
        if (roots.size() >= 24) throw new IllegalArgumentException("too many roots");
        h.write(0x80 | roots.size());
        for (Cid c : roots) {
            byte[] b = c.bytes();
            h.write(0xd8);
            h.write(42); // tag 42: CID
            int n = b.length + 1;
            if (n < 24) {
                h.write(0x40 | n);
            } else if (n < 256) {
                h.write(0x58);
                h.write(n);
            } else {
                h.write(0x59);
                h.write(n >>> 8);
                h.write(n & 0xff);
            }
            h.write(0); // the identity multibase prefix dag-cbor requires
            h.writeBytes(b);
        }
        cborText(h, "version");
        h.write(0x01);
        return h.toByteArray();
    }

    private static void cborText(ByteArrayOutputStream h, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        h.write(0x60 | b.length);
        h.writeBytes(b);
    }

    /** Writes the whole DAG under root; returns the number of blocks written. */
    public static long write(Cid root, BlockFetcher blocks, OutputStream out) throws IOException {
        byte[] h = header(List.of(root));
        writeVarint(out, h.length);
        out.write(h);
        Set<Cid> seen = new HashSet<>();
        Deque<Cid> stack = new ArrayDeque<>();
        stack.push(root);
        long n = 0;
        while (!stack.isEmpty()) {
            Cid c = stack.pop();
            if (c.multihash().isIdentity() || !seen.add(c)) continue;
            byte[] b = blocks.get(c);
            byte[] cb = c.bytes();
            writeVarint(out, cb.length + b.length);
            out.write(cb);
            out.write(b);
            n++;
            if (c.codec() == Cid.DAG_PB) {
                List<PbLink> links;
                try {
                    links = PbNode.decode(b).links();
                } catch (IllegalArgumentException e) {
                    throw new IOException("block " + c + " is not valid dag-pb: " + e.getMessage(), e);
                }
                for (int i = links.size() - 1; i >= 0; i--) stack.push(links.get(i).hash());
            }
        }
        return n;
    }

    private static void writeVarint(OutputStream out, long v) throws IOException {
        out.write(Varint.encode(v));
    }
}
