package frontier.store.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsNode;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.StoreStats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only {@link Store} over a UnixFS directory in IPFS: key K of the store at
 * {@code ipfs://CID/base} is the file {@code CID/base/K}. get() returns null when the path does
 * not exist (a missing Zarr chunk); a block that cannot be fetched or does not verify is an
 * error naming its CID, never null and never bad bytes. Directories are listable. Parts of a file
 * read only the blocks that hold them. It is remote (a read may wait on a daemon or a gateway):
 * asynchronous reads overlap on the stores' shared threads.
 */
public final class IpfsStore implements Store {
    private final UnixfsReader reader;
    private final IpfsPath base;
    private final StoreStats stats = new StoreStats();

    public IpfsStore(UnixfsReader reader, IpfsPath base) {
        this.reader = reader;
        this.base = base;
    }

    public IpfsPath base() {
        return base;
    }

    public UnixfsReader reader() {
        return reader;
    }

    private List<String> segments(String key) {
        if (key.isEmpty()) return base.segments();
        List<String> all = new ArrayList<>(base.segments());
        all.addAll(IpfsPath.split(key, locate(key)));
        return all;
    }

    /** The CID under key when it is a file, else null. */
    private Cid file(String key) throws IOException {
        Cid c = reader.resolveOrNull(base.root(), segments(key));
        if (c == null) return null;
        if (c.codec() == Cid.RAW) return c;
        UnixfsNode n = reader.node(c);
        return n.kind() == UnixfsNode.Kind.FILE ? c : null;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Cid c = file(key);
        return c == null ? null : stats.count(reader.readAll(c));
    }

    /** Reads only the blocks holding the bytes asked for; a suffix is resolved with the file's size from its DAG. */
    @Override
    public byte[] get(String key, ByteRequest bytes) throws IOException {
        if (bytes == null) return get(key);
        Cid c = file(key);
        if (c == null) return null;
        long size = bytes.isSuffix() || bytes.length() < 0 ? reader.size(c) : Long.MAX_VALUE;
        long from = bytes.start(size);
        long to = bytes.end(size);
        return stats.count(reader.read(c, from, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, to - from))));
    }

    /** The file's size from its DAG's metadata: no data block is fetched. */
    @Override
    public long size(String key) throws IOException {
        Cid c = file(key);
        return c == null ? -1 : reader.size(c);
    }

    @Override
    public String contentId(String key) throws IOException {
        Cid c = reader.resolveOrNull(base.root(), segments(key));
        return c == null ? null : c.toString();
    }

    @Override
    public boolean contains(String key) throws IOException {
        return file(key) != null;
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Cid c = reader.resolveOrNull(base.root(), segments(p));
        List<String> names = new ArrayList<>();
        if (c == null || c.codec() == Cid.RAW || !reader.node(c).isDirectory()) return names;
        for (DirEntry e : reader.list(c)) names.add(e.name());
        names.sort(null);
        return names;
    }

    @Override
    public boolean isListable() {
        return true;
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public String locate(String key) {
        String b = base.toString();
        return key.isEmpty() ? b : b + "/" + key;
    }

    @Override
    public String address(String key) {
        return locate(key);
    }
}
