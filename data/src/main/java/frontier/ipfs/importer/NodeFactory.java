package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.dagpb.PbNode;
import frontier.ipfs.unixfs.UnixfsData;
import frontier.ipfs.unixfs.UnixfsType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Encodes, hashes and emits the blocks of one import. Thread-safe. */
final class NodeFactory {
    private final CidMaker cids;
    private final boolean rawLeaves;
    private final BlockSink sink;
    final AtomicLong blocks = new AtomicLong();

    NodeFactory(CidMaker cids, boolean rawLeaves, BlockSink sink) {
        this.cids = cids;
        this.rawLeaves = rawLeaves;
        this.sink = sink;
    }

    CidMaker cids() {
        return cids;
    }

    /** A leaf for a chunk: a raw block, or a dag-pb node of the given UnixFS type holding the data. */
    DagNode leaf(byte[] chunk, UnixfsType type) {
        if (rawLeaves) {
            return emit(Cid.RAW, chunk, chunk.length);
        }
        byte[] data = new UnixfsData(type, chunk.length == 0 ? null : chunk, (long) chunk.length, null, null, null, null, null, null).encode();
        byte[] block = PbNode.encodeAsIs(List.of(), data);
        return emit(Cid.DAG_PB, block, chunk.length);
    }

    /** The dag-pb leaf boxo makes for an empty file with raw leaves off, or a file root with attributes. */
    DagNode pbFileLeaf(byte[] chunk, Integer mode, Long mtimeSeconds, Integer mtimeNanos) {
        UnixfsData d = new UnixfsData(UnixfsType.FILE, chunk == null || chunk.length == 0 ? null : chunk,
                (long) (chunk == null ? 0 : chunk.length), null, null, null, mode, mtimeSeconds, mtimeNanos);
        return emit(Cid.DAG_PB, PbNode.encodeAsIs(List.of(), d.encode()), chunk == null ? 0 : chunk.length);
    }

    /** The root boxo makes for an empty file in the balanced layout. */
    DagNode emptyFile(FileLayout.Attributes attrs) {
        if (rawLeaves) {
            return emit(Cid.RAW, new byte[0], 0);
        }
        return pbFileLeaf(null, attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos());
    }

    /** An internal file node over children (links with empty names, blocksizes = the children's file sizes). */
    DagNode fileNode(List<DagNode> children, Integer mode, Long mtimeSeconds, Integer mtimeNanos) {
        long[] sizes = new long[children.size()];
        long total = 0;
        List<PbLink> links = new ArrayList<>(children.size());
        long tsize = 0;
        for (int i = 0; i < sizes.length; i++) {
            DagNode c = children.get(i);
            sizes[i] = c.fileSize();
            total += c.fileSize();
            tsize += c.tsize();
            links.add(new PbLink(c.cid(), "", c.tsize()));
        }
        UnixfsData d = new UnixfsData(UnixfsType.FILE, null, total, sizes, null, null, mode, mtimeSeconds, mtimeNanos);
        byte[] block = PbNode.encodeAsIs(links, d.encode());
        DagNode n = emit(Cid.DAG_PB, block, total);
        return new DagNode(n.cid(), block.length + tsize, total);
    }

    /** A dag-pb node with the given (already ordered) links and UnixFS data. */
    DagNode pbNode(List<PbLink> links, UnixfsData data) {
        byte[] block = PbNode.encodeAsIs(PbNode.sortLinks(links), data.encode());
        long tsize = block.length;
        for (PbLink l : links) {
            tsize += l.tsize();
        }
        Cid cid = cids.sum(Cid.DAG_PB, block);
        send(cid, block);
        return new DagNode(cid, tsize, 0);
    }

    private DagNode emit(long codec, byte[] block, long fileSize) {
        Cid cid = cids.sum(codec, block);
        send(cid, block);
        return new DagNode(cid, block.length, fileSize);
    }

    private void send(Cid cid, byte[] block) {
        if (!cid.multihash().isIdentity()) {
            sink.put(cid, block);
            blocks.incrementAndGet();
        }
    }
}
