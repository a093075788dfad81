package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A persistent block store laid out like Kubo's flatfs: {@code ROOT/blocks/XX/<cid>.data}, where
 * the name is the CIDv1 in base32 and XX the two characters before its last one (flatfs's
 * "next-to-last/2" sharding). A block is written under a temporary name in {@code ROOT/tmp}
 * and renamed into place only after its hash has been checked, so a crash never leaves a
 * half-written block under a CID.
 */
public final class FileBlockStore implements BlockStore {
    private static final AtomicLong TMP_COUNTER = new AtomicLong();
    private final Path root;
    private final Path blocks;
    private final Path tmp;
    private final java.util.Set<String> knownShards = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FileBlockStore(Path root) {
        this.root = root;
        this.blocks = root.resolve("blocks");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(blocks);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create block store at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The default store: system property frontier.ipfs.path, else $FRONTIER_IPFS_PATH, else ~/.frontier/ipfs. */
    public static FileBlockStore openDefault() {
        return new FileBlockStore(defaultRoot());
    }

    public static Path defaultRoot() {
        String prop = System.getProperty("frontier.ipfs.path");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("FRONTIER_IPFS_PATH");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".frontier", "ipfs");
    }

    @Override
    public Path root() {
        return root;
    }

    /** Where the block for cid lives (whether or not it exists). */
    public Path pathOf(Cid cid) {
        String name = cid.toV1().toString();
        String shard = name.substring(name.length() - 3, name.length() - 1);
        return blocks.resolve(shard).resolve(name + ".data");
    }

    @Override
    public byte[] get(Cid cid) {
        if (cid.multihash().isIdentity()) {
            return cid.multihash().digest();
        }
        try {
            return Files.readAllBytes(pathOf(cid));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read block " + cid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Cid cid, byte[] block) {
        BlockStore.verify(cid, block);
        write(cid, block);
    }

    /**
     * Stores a block whose CID the caller has just computed from these very bytes (the importer),
     * skipping the second hash. Still written through a temporary name.
     */
    @Override
    public void putHashed(Cid cid, byte[] block) {
        write(cid, block);
    }

    private void write(Cid cid, byte[] block) {
        if (cid.multihash().isIdentity()) {
            return;
        }
        Path target = pathOf(cid);
        if (Files.exists(target)) {
            return;
        }
        Path t = tmp.resolve("put-" + ProcessHandle.current().pid() + "-" + TMP_COUNTER.incrementAndGet() + ".tmp");
        try {
            Files.write(t, block, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (knownShards.add(target.getParent().getFileName().toString())) {
                Files.createDirectories(target.getParent());
            }
            try {
                try {
                    Files.move(t, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    // another thread registered this shard but has not created its folder yet
                    Files.createDirectories(target.getParent());
                    Files.move(t, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(t, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(t); // a concurrent put of the same block won: same bytes
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // the temporary file is in tmp/, never under a CID
            }
            throw new UncheckedIOException("cannot store block " + cid + " in " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean has(Cid cid) {
        return cid.multihash().isIdentity() || Files.isRegularFile(pathOf(cid));
    }

    @Override
    public boolean delete(Cid cid) {
        try {
            return Files.deleteIfExists(pathOf(cid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete block " + cid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Iterable<Cid> list() {
        List<Cid> out = new ArrayList<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(blocks)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard, "*.data")) {
                    for (Path f : files) {
                        String n = f.getFileName().toString();
                        try {
                            out.add(Cid.parse(n.substring(0, n.length() - 5)));
                        } catch (IllegalArgumentException e) {
                            // not a block file: ignore, as flatfs ignores stray files
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list block store " + root + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
