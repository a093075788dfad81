package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;
import frontier.ipfs.dagpb.PbLink;
import frontier.ipfs.dagpb.PbNode;
import frontier.ipfs.unixfs.UnixfsData;
import frontier.ipfs.unixfs.UnixfsType;
import frontier.text.TerminalText;

/**
 * One decoded block of a UnixFS DAG: a raw leaf (codec raw, all bytes are file content) or a
 * dag-pb node with its UnixFS Data.
 */
public record UnixfsNode(Cid cid, Kind kind, byte[] raw, PbNode pb, UnixfsData data) {

    public enum Kind { FILE, DIRECTORY, HAMT_SHARD, SYMLINK }

    /** Decodes a (verified) block. */
    public static UnixfsNode decode(Cid cid, byte[] block) throws MalformedBlockException {
        if (cid.codec() == Cid.RAW) return new UnixfsNode(cid, Kind.FILE, block, null, null);
        if (cid.codec() != Cid.DAG_PB) {
            throw new MalformedBlockException(cid, "codec 0x" + Long.toHexString(cid.codec()) + " is neither dag-pb nor raw");
        }
        PbNode pb;
        UnixfsData d;
        try {
            pb = PbNode.decode(block);
            if (pb.data() == null) throw new IllegalArgumentException("dag-pb node without UnixFS Data");
            d = UnixfsData.decode(pb.data());
        } catch (IllegalArgumentException e) {
            throw new MalformedBlockException(cid, e.getMessage());
        }
        Kind k = switch (d.type()) {
            case FILE, RAW -> Kind.FILE;
            case DIRECTORY -> Kind.DIRECTORY;
            case HAMT_SHARD -> Kind.HAMT_SHARD;
            case SYMLINK -> Kind.SYMLINK;
            default -> throw new MalformedBlockException(cid, "unsupported UnixFS type " + d.type());
        };
        for (PbLink l : pb.links()) {
            String problem = CidRules.problem(l.hash());
            if (problem != null) {
                throw new MalformedBlockException(cid, "link '" + TerminalText.escape(l.nameOrEmpty()) + "' to CID " + l.hash() + " cannot be verified: " + problem);
            }
        }
        if (k == Kind.FILE) checkFileSizes(cid, pb, d);
        if (k == Kind.HAMT_SHARD && (d.fanout() == null || d.fanout() < 2 || Long.bitCount(d.fanout()) != 1 || d.fanout() > 1024)) {
            throw new MalformedBlockException(cid, "HAMT shard with fanout " + d.fanout());
        }
        if (k == Kind.HAMT_SHARD && d.hashType() != null && d.hashType() != 0x22) {
            throw new MalformedBlockException(cid, "HAMT hash function 0x" + Long.toHexString(d.hashType()) + " (only murmur3-x64-64)");
        }
        return new UnixfsNode(cid, k, null, pb, d);
    }

    /**
     * A file node's sizes must add up, as boxo's FSNode computes them: filesize (read as an unsigned
     * 64-bit number) equals the inline data plus the blocksizes, one blocksize per link. A filesize
     * that lies (2^64-1 over no data) would otherwise make a reader stop at once and report success.
     */
    private static void checkFileSizes(Cid cid, PbNode pb, UnixfsData d) throws MalformedBlockException {
        if (!pb.links().isEmpty() && d.blocksizes().length != pb.links().size()) {
            throw new MalformedBlockException(cid, pb.links().size() + " links but " + d.blocksizes().length + " blocksizes");
        }
        if (pb.links().isEmpty() && d.blocksizes().length != 0) {
            throw new MalformedBlockException(cid, d.blocksizes().length + " blocksizes but no links");
        }
        long total = d.data() == null ? 0 : d.data().length;
        for (long b : d.blocksizes()) {
            if (b < 0 || total + b < total) {
                throw new MalformedBlockException(cid, "blocksizes add up to more than 2^63-1 bytes");
            }
            total += b;
        }
        if (d.filesize() != null) {
            long fs = d.filesize();
            if (fs < 0) {
                throw new MalformedBlockException(cid, "filesize " + Long.toUnsignedString(fs) + " is larger than any file can be");
            }
            if (fs != total) {
                throw new MalformedBlockException(cid, "filesize " + fs + " but its data and blocksizes hold " + total + " bytes");
            }
        }
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY || kind == Kind.HAMT_SHARD;
    }

    /** The file's size in bytes (filesize, or inline data plus blocksizes when filesize is absent). */
    public long fileSize() {
        if (raw != null) return raw.length;
        if (kind == Kind.SYMLINK) return data.data() == null ? 0 : data.data().length;
        if (data.filesize() != null) return data.filesize();
        long n = data.data() == null ? 0 : data.data().length;
        for (long b : data.blocksizes()) n += b;
        return n;
    }

    /** The symlink's target text. */
    public String symlinkTarget() {
        return data.data() == null ? "" : new String(data.data(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True for UnixFS type RAW inside dag-pb (kept for completeness of listings). */
    public boolean isPbRaw() {
        return data != null && data.type() == UnixfsType.RAW;
    }
}
