package frontier.ipfs.car;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.dagpb.PbNode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CAR v1 export of DAGs from a block store, and verified import into one. */
public final class Car {
    private Car() {
    }

    /** What an import or export did. */
    public record Summary(List<Cid> roots, long blocks, long bytes) {
    }

    /**
     * Writes the DAGs under roots, depth-first in link order (as {@code ipfs dag export}), each
     * block once. Identity CIDs are not written (they carry their data). A missing block is an
     * error naming its CID.
     */
    public static Summary export(BlockStore store, List<Cid> roots, OutputStream out) throws IOException {
        return export(c -> {
            byte[] block = store.get(c);
            if (block == null) {
                throw new CarException("cannot export: block " + c + " is not in the block store");
            }
            return block;
        }, roots, out);
    }

    /** Where export takes blocks from: a block store, or a fetcher that brings (and verifies) them from the network. */
    @FunctionalInterface
    public interface BlockGetter {
        /** The block, never null: a block that cannot be had is an IOException naming its CID. */
        byte[] get(Cid cid) throws IOException;
    }

    /** As {@link #export(BlockStore, List, OutputStream)}, with blocks from any source (the gateway streams fetched DAGs). */
    public static Summary export(BlockGetter source, List<Cid> roots, OutputStream out) throws IOException {
        long blocks = 0;
        long bytes = 0;
        Set<Cid> seen = new HashSet<>();
        try (CarWriter w = new CarWriter(out, roots)) {
            Deque<Cid> stack = new ArrayDeque<>();
            for (int i = roots.size() - 1; i >= 0; i--) {
                stack.push(roots.get(i));
            }
            while (!stack.isEmpty()) {
                Cid c = stack.pop();
                if (c.multihash().isIdentity() || !seen.add(c.toV1())) {
                    continue;
                }
                byte[] block = source.get(c);
                w.write(c, block);
                blocks++;
                bytes += block.length;
                if (c.codec() == Cid.DAG_PB) {
                    List<PbLink> links;
                    try {
                        links = PbNode.decode(block).links();
                    } catch (IllegalArgumentException e) {
                        throw new CarException("cannot export: block " + c + " is not valid dag-pb: " + e.getMessage(), e);
                    }
                    for (int i = links.size() - 1; i >= 0; i--) {
                        stack.push(links.get(i).hash());
                    }
                }
            }
        }
        return new Summary(roots, blocks, bytes);
    }

    /**
     * Imports a CAR: every CID must be able to vouch for its block ({@link CidRules}: full-length
     * digests only) and every block's hash is checked against its CID, and nothing reaches the
     * store until the whole file has been read and checked (blocks are spooled to a temporary
     * file first), so a truncated or corrupt CAR leaves the store as it was.
     */
    public static Summary importCar(InputStream input, BlockStore store, String source) throws IOException {
        Path spoolDir = store.root() != null ? store.root().resolve("tmp") : null;
        Path spool = spoolDir != null ? Files.createTempFile(spoolDir, "car-import-", ".spool") : Files.createTempFile("car-import-", ".spool");
        try {
            List<Cid> roots;
            long blocks = 0;
            long bytes = 0;
            try (CarReader r = new CarReader(new BufferedInputStream(input, 1 << 16), source);
                 DataOutputStream s = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16))) {
                roots = r.roots();
                for (Cid root : roots) {
                    String problem = CidRules.describe(root);
                    if (problem != null) throw new CarException(source + ": root " + problem);
                }
                CarReader.Block b;
                while ((b = r.next()) != null) {
                    String problem = CidRules.describe(b.cid());
                    if (problem != null) {
                        throw new CarException(source + ": block " + problem);
                    }
                    if (!b.cid().verify(b.data())) {
                        throw new CarException(source + ": block " + b.cid() + " does not match its hash (corrupt CAR)");
                    }
                    byte[] c = b.cid().bytes();
                    s.writeInt(c.length);
                    s.write(c);
                    s.writeInt(b.data().length);
                    s.write(b.data());
                    blocks++;
                    bytes += b.data().length;
                }
            }
            try (DataInputStream s = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
                for (long i = 0; i < blocks; i++) {
                    Cid cid = Cid.decode(s.readNBytes(s.readInt()));
                    byte[] data = s.readNBytes(s.readInt());
                    store.putHashed(cid, data); // verified above
                }
            }
            return new Summary(roots, blocks, bytes);
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
