package frontier.ipfs.extract;

import frontier.text.TerminalText;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a tree of directories, files and symlinks that comes from untrusted data (a DAG, a
 * node's tar) as one target folder, or one file as the target, so that nothing lands outside it:
 * <ul>
 *   <li>names are single plain components (no "", ".", "..", '/', '\', NUL) and a name appears
 *       once per directory: a duplicate is refused, whatever its type;</li>
 *   <li>no write goes through a link: every directory on the way is checked with
 *       {@code NOFOLLOW_LINKS} and its real path must be exactly where it should be, inside the
 *       target's real path, before anything is created in it;</li>
 *   <li>symlinks are created last, each must be relative and lead inside the target (resolved
 *       through the other links, see {@link LinkCheck}), first as planned, then again as they
 *       stand on disk; a link that fails the second check removes every link made here;</li>
 *   <li>a file is written under a temporary name and renamed only when the number of bytes
 *       written equals the size its source declared.</li>
 * </ul>
 * Relative paths are lists of names below the target (the empty list is the target itself).
 */
public final class SafeTree {
    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Linux's PATH_MAX: no longer path can be written. */
    static final int MAX_PATH_BYTES = 4096;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path target;
    private final String source;
    private enum Kind { DIRECTORY, FILE, SYMLINK }

    private final Map<List<String>, Kind> claimed = new HashMap<>();
    private final Set<Path> realDirs = new HashSet<>();
    private final Map<List<String>, String> links = new LinkedHashMap<>();
    private long files;
    private long directories;
    private long bytes;

    /**
     * @param target the folder (or file) to write; its parent is created when missing, and it must
     *               not itself be a symlink
     * @param source what the tree is, for messages ("ipfs://CID", "the tar from http://...")
     */
    public SafeTree(Path target, String source) throws IOException {
        this.source = source;
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new UnsafeEntryException("refusing to write " + source + " as " + abs + ": it is not a file or folder name");
        }
        Files.createDirectories(parent);
        this.target = parent.toRealPath().resolve(abs.getFileName().toString());
        if (Files.isSymbolicLink(this.target)) {
            throw new UnsafeEntryException("refusing to write " + source + " to " + abs + ": it is a symlink, and nothing is written through a link");
        }
    }

    /** The target with its parent's real path. */
    public Path target() {
        return target;
    }

    public long files() {
        return files;
    }

    public long directories() {
        return directories;
    }

    public long bytes() {
        return bytes;
    }

    /** Creates the directory rel (the target itself for an empty list), or accepts a real directory already there. */
    public void directory(List<String> rel) throws IOException {
        claim(rel, Kind.DIRECTORY);
        dir(rel);
        directories++;
    }

    /** Writes the file rel with the bytes content writes, which must be exactly size bytes. */
    public void file(List<String> rel, long size, Content content) throws IOException {
        claim(rel, Kind.FILE);
        Path dest;
        Path parent;
        if (rel.isEmpty()) {
            dest = target;
            parent = target.getParent();
        } else {
            parent = dir(rel.subList(0, rel.size() - 1));
            dest = parent.resolve(rel.get(rel.size() - 1));
        }
        if (Files.isDirectory(dest, NOFOLLOW)) throw refuse(rel, "a directory of that name is already there");
        Path tmp = parent.resolve(".frontier-part-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Counting out;
            try {
                // CREATE_NEW fails on anything already there, a symlink included: the bytes go to a new file only
                out = new Counting(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (FileSystemException e) {
                throw fsError(rel, e);
            }
            try (out) {
                content.writeTo(out);
            }
            if (out.count != size) {
                throw new IOException(where(rel) + " is declared as " + size + " bytes but " + out.count
                        + " were written (refused; nothing kept under its name)");
            }
            try {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileSystemException e) {
                throw fsError(rel, e);
            }
            files++;
            bytes += out.count;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Records the symlink rel -> text; links are created by {@link #finish()}, after everything else. */
    public void symlink(List<String> rel, String text) throws IOException {
        claim(rel, Kind.SYMLINK);
        if (rel.isEmpty()) {
            throw new UnsafeEntryException("refusing " + source + ": it is a symlink to '" + TerminalText.escape(text)
                    + "', which points outside the target " + target);
        }
        String why = LinkCheck.escapes(rel.subList(0, rel.size() - 1), text, r -> null);
        if (why != null) throw refuse(rel, "a symlink to '" + TerminalText.escape(text) + "': " + why);
        links.put(List.copyOf(rel), text);
    }

    /**
     * Checks every recorded link against the others, creates them, and checks them again as they
     * stand on disk; a failure removes the links made here and names the link at fault.
     */
    public void finish() throws IOException {
        for (Map.Entry<List<String>, String> e : links.entrySet()) {
            String why = LinkCheck.escapes(parentOf(e.getKey()), e.getValue(), links::get);
            if (why != null) throw refuse(e.getKey(), "a symlink to '" + TerminalText.escape(e.getValue()) + "': " + why);
        }
        List<Path> made = new ArrayList<>();
        try {
            for (Map.Entry<List<String>, String> e : links.entrySet()) {
                List<String> rel = e.getKey();
                Path p = dir(parentOf(rel)).resolve(rel.get(rel.size() - 1));
                if (Files.isDirectory(p, NOFOLLOW)) throw refuse(rel, "a directory of that name is already there");
                try {
                    Files.deleteIfExists(p);
                    Files.createSymbolicLink(p, Path.of(e.getValue()));
                } catch (FileSystemException ex) {
                    throw fsError(rel, ex);
                }
                made.add(p);
            }
            checkLinksWithin(List.of());
        } catch (IOException | RuntimeException e) {
            for (Path p : made) Files.deleteIfExists(p);
            throw e;
        }
    }

    /**
     * Checks, against the file system, that every link made here below sub (a relative path)
     * leads inside sub: what a caller needs before it moves sub somewhere on its own.
     */
    public void checkLinksWithin(List<String> sub) throws IOException {
        Path base = resolve(sub);
        for (Map.Entry<List<String>, String> e : links.entrySet()) {
            List<String> rel = e.getKey();
            if (rel.size() <= sub.size() || !rel.subList(0, sub.size()).equals(sub)) continue;
            List<String> inside = rel.subList(sub.size(), rel.size());
            String why;
            try {
                why = LinkCheck.escapes(parentOf(inside), e.getValue(), r -> linkOnDisk(base, r));
            } catch (java.io.UncheckedIOException ex) {
                throw ex.getCause();
            }
            if (why != null) {
                throw refuse(rel, "a symlink to '" + TerminalText.escape(e.getValue()) + "': " + why + " (as written on disk)");
            }
        }
    }

    /** The path of rel below the target. */
    public Path resolve(List<String> rel) {
        Path p = target;
        for (String s : rel) p = p.resolve(s);
        return p;
    }

    private static String linkOnDisk(Path base, List<String> rel) {
        Path p = base;
        for (String s : rel) p = p.resolve(s);
        if (!Files.isSymbolicLink(p)) return null;
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> parentOf(List<String> rel) {
        return rel.subList(0, rel.size() - 1);
    }

    private void claim(List<String> rel, Kind kind) throws UnsafeEntryException {
        long length = 0;
        for (String name : rel) {
            String why = EntryNames.problem(name);
            if (why != null) throw refuse(rel, "not a plain file name: " + why);
            length += 1 + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (length > MAX_PATH_BYTES) throw refuse(rel, "a path longer than " + MAX_PATH_BYTES + " bytes (PATH_MAX)");
        boolean parentChecked = !rel.isEmpty() && claimed.get(rel.subList(0, rel.size() - 1)) == Kind.DIRECTORY; // its own claim checked above it
        for (int i = parentChecked ? rel.size() : 0; i < rel.size(); i++) { // an entry below a file or a link of this tree would be written through it
            Kind above = claimed.get(rel.subList(0, i));
            if (above == Kind.SYMLINK) throw refuse(rel, "'" + EntryNames.show(rel.subList(0, i)) + "' is a symlink in this tree, and nothing is written through a link");
            if (above == Kind.FILE) throw refuse(rel, "'" + EntryNames.show(rel.subList(0, i)) + "' is a file in this tree");
        }
        if (claimed.putIfAbsent(List.copyOf(rel), kind) != null) {
            throw refuse(rel, "the name appears twice in its directory");
        }
    }

    /**
     * The directory rel as a real directory inside the target: each component is created when
     * missing, must not be a symlink, and its real path must be exactly the path built here.
     */
    private Path dir(List<String> rel) throws IOException {
        Path p = resolve(rel);
        if (realDirs.contains(p)) return p;
        if (!rel.isEmpty() && realDirs.contains(p.getParent())) { // the usual case: only the last step is new
            makeRealDir(p, rel, false);
            return p;
        }
        Path at = target;
        for (int i = 0; i <= rel.size(); i++) {
            if (i > 0) at = at.resolve(rel.get(i - 1));
            if (!realDirs.contains(at)) makeRealDir(at, rel.subList(0, i), true);
        }
        return p;
    }

    /**
     * Creates at (or accepts a directory there) and checks that it is a real directory where it
     * should be. A directory that lstat says is not a link, inside a directory whose real path was
     * checked, is where it seems; otherwise its real path is asked for (askRealPath).
     */
    private void makeRealDir(Path at, List<String> here, boolean askRealPath) throws IOException {
        try {
            if (Files.isSymbolicLink(at)) throw refuse(here, "it is a symlink, and nothing is written through a link");
            if (!Files.exists(at, NOFOLLOW)) {
                try {
                    Files.createDirectory(at);
                } catch (FileAlreadyExistsException raced) {
                    // made by someone else meanwhile: judged below like anything found there
                }
            }
            if (!Files.isDirectory(at, NOFOLLOW)) throw refuse(here, "something that is not a directory is already there");
            if (askRealPath) {
                Path real = at.toRealPath();
                if (!real.equals(at)) throw refuse(here, "its real path " + real + " is not inside " + target);
            }
        } catch (FileSystemException e) {
            throw fsError(here, e);
        }
        realDirs.add(at);
    }

    private String where(List<String> rel) {
        String shown = EntryNames.show(rel);
        if (shown.length() > 240) {
            shown = shown.substring(0, 100) + "/.../" + shown.substring(shown.length() - 100) + " (" + rel.size() + " levels deep)";
        }
        return source + (rel.isEmpty() ? "" : "/" + shown);
    }

    private UnsafeEntryException refuse(List<String> rel, String why) {
        return new UnsafeEntryException("refusing " + where(rel) + ": " + why + " (writing " + target + ")");
    }

    /** A file system error without the (possibly huge, possibly hostile) path it carries, naming the entry instead. */
    private IOException fsError(List<String> rel, FileSystemException e) {
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        return new IOException("cannot write " + where(rel) + " under " + target + ": " + reason, e);
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
