package frontier.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.extract.Extracted;
import frontier.ipfs.fetch.BlockFetcher;
import frontier.ipfs.importer.AddedEntry;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.resolve.IpfsPath;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.ipfs.rpc.KuboRpcClient;
import frontier.ipfs.rpc.RpcBlockSource;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link Ipfs} on a Kubo daemon through its RPC API ({@link KuboRpcClient}). The daemon computes
 * add's CIDs and checks its own blocks; what we read of its DAG for {@code verify} and
 * {@code pin}'s CID comes as blocks that we verify.
 */
public final class DaemonIpfs implements Ipfs {
    private final KuboRpcClient client;
    private UnixfsReader blocks;

    DaemonIpfs(KuboRpcClient client) {
        this.client = client;
    }

    public KuboRpcClient client() {
        return client;
    }

    @Override
    public String describe() {
        return "IPFS daemon at " + client.url();
    }

    @Override
    public boolean isDaemon() {
        return true;
    }

    /** The daemon's DAG read block by block, each block verified here (made when first needed). */
    private synchronized UnixfsReader blocks() {
        if (blocks == null) blocks = new UnixfsReader(new BlockFetcher(null, true, List.of(new RpcBlockSource(client, Duration.ofSeconds(2))), 8));
        return blocks;
    }

    @Override
    public ImportResult add(List<Path> paths, AddOptions options, ProgressSink progress) throws IOException {
        ImportOptions o = options.toImportOptions();
        if (!o.ignore.isEmpty() || o.ignoreRulesPath != null) {
            throw new IOException("--ignore and --ignore-rules-path are not supported with a daemon (" + client.url() + "); use --offline");
        }
        long t0 = System.nanoTime();
        List<Path> abs = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path p : abs) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !o.recursive) {
                throw new IOException(p + " is a directory, use the '-r' flag to specify directories");
            }
        }
        List<KuboRpcClient.Added> events = client.add(abs, options.rpcQuery(), o.hidden);
        List<AddedEntry> entries = new ArrayList<>();
        for (KuboRpcClient.Added a : events) entries.add(new AddedEntry(a.name(), Cid.parse(a.hash()), false));
        if (entries.isEmpty()) throw new IOException(describe() + " added nothing");
        List<Cid> roots = new ArrayList<>();
        if (o.wrap) {
            roots.add(entries.get(entries.size() - 1).cid());
        } else {
            for (Path p : abs) {
                String name = p.getFileName().toString();
                entries.stream().filter(e -> e.name().equals(name)).reduce((a, b) -> b).ifPresent(e -> roots.add(e.cid()));
            }
            if (roots.isEmpty()) roots.add(entries.get(entries.size() - 1).cid());
        }
        long[] counts = count(abs, o.hidden);
        return new ImportResult(entries, roots, counts[0], counts[1], counts[2], -1, System.nanoTime() - t0, o.cidBase);
    }

    /** Files, directories and bytes under paths (what the daemon was sent), for the summary. */
    private static long[] count(List<Path> paths, boolean hidden) throws IOException {
        long[] n = new long[3];
        for (Path top : paths) {
            try (Stream<Path> s = Files.walk(top)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    if (!hidden && !f.equals(top) && top.relativize(f).toString().matches("(.*/)?\\..*")) continue;
                    if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                        n[1]++;
                    } else {
                        n[0]++;
                        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) n[2] += Files.size(f);
                    }
                }
            }
        }
        return n;
    }

    private static String pathString(String path) {
        return IpfsPath.parse(path).toPathString();
    }

    @Override
    public byte[] cat(String path) throws IOException {
        return client.cat(pathString(path));
    }

    @Override
    public byte[] cat(String path, long offset, long length) throws IOException {
        if (offset == 0 && length == Long.MAX_VALUE) return cat(path);
        return client.cat(pathString(path), offset, Math.min(length, Long.MAX_VALUE / 2));
    }

    @Override
    public Extracted get(String path, Path target) throws IOException {
        return client.getTo(pathString(path), target);
    }

    @Override
    public List<LsEntry> ls(String path) throws IOException {
        List<LsEntry> out = new ArrayList<>();
        for (KuboRpcClient.LsLink l : client.ls(pathString(path))) {
            // Kubo numbers types as UnixFS does: 1 directory, 2 file, 4 symlink (5, a HAMT shard, is a directory)
            LsEntry.Type t = switch (l.type()) {
                case 1, 5 -> LsEntry.Type.DIRECTORY;
                case 4 -> LsEntry.Type.SYMLINK;
                default -> LsEntry.Type.FILE;
            };
            out.add(new LsEntry(l.name(), Cid.parse(l.hash()), t, t == LsEntry.Type.DIRECTORY ? -1 : l.size()));
        }
        return out;
    }

    @Override
    public Cid pin(String path) throws IOException {
        IpfsPath p = IpfsPath.parse(path);
        // resolved here (js-ipfs takes only a CID): the blocks on the way are verified as they come
        Cid c = p.segments().isEmpty() ? p.root() : blocks().resolve(p);
        client.pinAdd("/ipfs/" + c);
        return c;
    }

    @Override
    public List<Pin> pins() throws IOException {
        List<Pin> out = new ArrayList<>();
        for (Map.Entry<String, String> e : client.pinLs("recursive").entrySet()) out.add(new Pin(Cid.parse(e.getKey()), e.getValue()));
        return out;
    }

    @Override
    public NodeInfo id() throws IOException {
        JsonNode id = client.id();
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : id.path("Addresses")) addresses.add(a.asText());
        return new NodeInfo(id.path("ID").asText(), id.path("AgentVersion").asText(), addresses, null, null);
    }

    @Override
    public VerifyResult verify(Path local, String path, AddOptions options) throws IOException {
        return Verifier.verify(blocks(), local, path, options, ProgressSink.current());
    }

    @Override
    public synchronized void close() {
        if (blocks != null) blocks.fetcher().close(); // closes the client too
        client.close();
    }

    @Override
    public String toString() {
        return "Ipfs " + describe();
    }
}
