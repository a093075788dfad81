package frontier.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** A store on a local directory. Keys never escape the root; writes go through a temporary name. */
public final class FileStore implements Store {
    private final Path root;
    private final StoreStats stats = new StoreStats();

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file for a key, refusing keys that would leave the root ("..", absolute paths). */
    public Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (key.startsWith("/") || !p.startsWith(root)) {
            throw new IllegalArgumentException("key '" + key + "' escapes the store " + root);
        }
        return p;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Path p = resolve(key);
        try {
            if (Files.isDirectory(p)) return stats.count(null);
            return stats.count(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return stats.count(null);
        }
    }

    /** Reads only the bytes asked for (a suffix is resolved against the file's length). */
    @Override
    public byte[] get(String key, ByteRequest bytes) throws IOException {
        if (bytes == null) return get(key);
        Path p = resolve(key);
        if (!Files.isRegularFile(p)) return stats.count(null);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            long size = f.length();
            long from = bytes.start(size);
            byte[] out = new byte[(int) Math.max(0, bytes.end(size) - from)];
            f.seek(from);
            f.readFully(out);
            return stats.count(out);
        }
    }

    @Override
    public long size(String key) throws IOException {
        Path p = resolve(key);
        return Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    @Override
    public boolean contains(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.write(tmp, value);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = prefix.isEmpty() ? root : resolve(prefix);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) return names;
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override
    public boolean isListable() {
        return true;
    }

    @Override
    public Optional<Path> localPath(String key) {
        return Optional.of(resolve(key));
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public String address(String key) {
        return locate(key);
    }

    @Override
    public String locate(String key) {
        return key.isEmpty() ? root.toString() : root.resolve(key).toString();
    }
}
