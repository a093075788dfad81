package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a UnixFS DAG to a local folder ({@code ipfs get}): files go to a temporary name and are
 * renamed when complete, entry names that could leave the target ('/', '.', '..', NUL) are
 * refused, and symlinks are created only when they point inside the target.
 */
public final class UnixfsExporter {
    private final UnixfsReader reader;
    private long files;
    private long bytes;

    public UnixfsExporter(UnixfsReader reader) {
        this.reader = reader;
    }

    public long files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }

    /** Writes the DAG at cid as target (a file or a directory named target). */
    public void export(Cid cid, Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        write(cid, t, t.getParent() == null ? t : t.getParent(), "ipfs://" + cid);
    }

    private void write(Cid cid, Path target, Path top, String where) throws IOException {
        if (!target.startsWith(top)) throw new IOException("refusing to write " + where + " outside " + top);
        UnixfsNode n = cid.codec() == Cid.RAW ? null : reader.node(cid);
        if (n != null && n.isDirectory()) {
            Files.createDirectories(target);
            for (DirEntry e : reader.list(cid)) {
                String name = e.name();
                if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.indexOf('\0') >= 0 || name.contains("\\")) {
                    throw new IOException("refusing entry '" + name + "' in " + where + ": not a plain file name");
                }
                write(e.cid(), target.resolve(name), top, where + "/" + name);
            }
            return;
        }
        if (n != null && n.kind() == UnixfsNode.Kind.SYMLINK) {
            String link = n.symlinkTarget();
            Path resolved = target.getParent().resolve(link).normalize();
            if (link.startsWith("/") || !resolved.startsWith(top)) {
                throw new IOException("refusing symlink " + where + " -> '" + link + "': it points outside " + top);
            }
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(link));
            return;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                bytes += reader.copyTo(cid, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            files++;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
