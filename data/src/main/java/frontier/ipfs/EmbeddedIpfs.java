package frontier.ipfs;

import frontier.ipfs.blockstore.BlockStore;
import frontier.ipfs.blockstore.BlockWriter;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.PinSet;
import frontier.ipfs.car.Car;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.extract.Extracted;
import frontier.ipfs.extract.UnixfsExporter;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsNode;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link Ipfs} on an embedded {@link IpfsNode}: its block store, its fetcher (daemon and gateways as fallbacks), its pins. */
public final class EmbeddedIpfs implements Ipfs {
    private IpfsNode node;

    /** node null: the shared node on the default block store, opened when first needed (add -n opens nothing). */
    EmbeddedIpfs(IpfsNode node) {
        this.node = node;
    }

    public synchronized IpfsNode node() {
        if (node == null) node = IpfsNode.embedded();
        return node;
    }

    @Override
    public synchronized String describe() {
        Path root = node == null ? FileBlockStore.defaultRoot() : node.root();
        return "embedded (block store " + (root == null ? "in memory" : root) + ")";
    }

    @Override
    public boolean isDaemon() {
        return false;
    }

    @Override
    public ImportResult add(List<Path> paths, AddOptions options, ProgressSink progress) throws IOException {
        ImportOptions o = options.toImportOptions();
        Path cwd = Path.of("").toAbsolutePath();
        if (o.onlyHash) return new Importer(o, null, cwd).add(paths, cwd, progress);
        // an add needs the block store and the pins, not the node's network side (its HTTP clients
        // cost a CLI run ~0.3 s of CPU to start): the shared node is not opened for it
        BlockStore store;
        Path root;
        synchronized (this) {
            store = node != null ? node.blocks() : FileBlockStore.openDefault();
            root = node != null ? node.root() : store.root();
        }
        ImportResult r;
        try {
            if (store.root() != null) {
                // blocks are written on I/O threads while the importer hashes; the add is reported
                // only after the writer has put every block on disk
                try (BlockWriter writer = new BlockWriter(store)) {
                    r = new Importer(o, writer::put, cwd).add(paths, cwd, progress);
                }
            } else {
                r = new Importer(o, store::put, cwd).add(paths, cwd, progress);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (options.pinning() && root != null) {
            PinSet pins = new PinSet(root);
            for (Cid c : r.roots()) pins.add(c);
        }
        return r;
    }

    private Cid resolve(String path) throws IOException {
        return node().reader().resolve(IpfsPath.parse(path));
    }

    @Override
    public byte[] cat(String path) throws IOException {
        return cat(path, 0, Long.MAX_VALUE);
    }

    @Override
    public byte[] cat(String path, long offset, long length) throws IOException {
        UnixfsReader r = node().reader();
        Cid c = resolve(path);
        long size = r.size(c);
        long len = Math.min(length, Math.max(0, size - offset));
        if (len > Integer.MAX_VALUE - 16) {
            throw new IOException(path + " is " + size + " bytes: too large to hold in memory; use get");
        }
        return r.read(c, offset, (int) len);
    }

    @Override
    public Extracted get(String path, Path target) throws IOException {
        return new UnixfsExporter(node().reader()).export(resolve(path), target);
    }

    @Override
    public List<LsEntry> ls(String path) throws IOException {
        UnixfsReader r = node().reader();
        List<DirEntry> entries = r.list(resolve(path));
        // the children's blocks say type and size: fetch them concurrently
        List<Cid> pb = entries.stream().map(DirEntry::cid).filter(x -> x.codec() == Cid.DAG_PB).toList();
        if (pb.size() > 1) r.fetcher().getAll(pb);
        List<LsEntry> out = new ArrayList<>(entries.size());
        for (DirEntry e : entries) {
            UnixfsNode n = e.cid().codec() == Cid.DAG_PB ? r.node(e.cid()) : null;
            if (n != null && n.isDirectory()) {
                out.add(new LsEntry(e.name(), e.cid(), LsEntry.Type.DIRECTORY, -1));
            } else if (n != null && n.kind() == UnixfsNode.Kind.SYMLINK) {
                out.add(new LsEntry(e.name(), e.cid(), LsEntry.Type.SYMLINK, n.fileSize()));
            } else {
                out.add(new LsEntry(e.name(), e.cid(), LsEntry.Type.FILE, r.size(e.cid())));
            }
        }
        return out;
    }

    @Override
    public Cid pin(String path) throws IOException {
        Cid c = resolve(path);
        // walking the DAG fetches (and verifies, and stores) every block: a pin holds it all locally
        Car.export(node().fetcher()::get, List.of(c), OutputStream.nullOutputStream());
        node().pins().add(c);
        return c;
    }

    @Override
    public List<Pin> pins() {
        return node().pins().list().stream().map(c -> new Pin(c, "recursive")).toList();
    }

    @Override
    public NodeInfo id() {
        var g = node().gateway();
        return new NodeInfo(null, "frontier-embedded", List.of(), node().root(), g == null ? null : g.url());
    }

    @Override
    public VerifyResult verify(Path local, String path, AddOptions options) throws IOException {
        return Verifier.verify(node().reader(), local, path, options, ProgressSink.current());
    }

    /** The embedded node is shared: closing this view leaves it running. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "Ipfs " + describe();
    }
}
