package frontier.ipfs.extract;

import frontier.text.TerminalText;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Unpacks the tar a Kubo RPC node sends for {@code get} and puts the object asked for at the
 * target ({@code -o}). The tar is untrusted: it is written by {@link SafeTree} into a hidden
 * staging folder beside the target (entry names must be relative paths of plain names, each
 * entry once; only directories, files and symlinks; nothing through a link; links leading inside),
 * then the object's entry is moved into place once its links are known to stay inside it. On any
 * refusal the staging folder is removed, so nothing of a hostile tar is left anywhere.
 */
public final class TarExtractor {
    private TarExtractor() {
    }

    /**
     * @param tar    the node's answer to {@code get arg=path}
     * @param path   the content path asked for (Kubo names the tar's top entry after its last
     *               segment, js-ipfs after the whole path)
     * @param target where the object goes
     * @param source what sent the tar, for messages
     */
    public static Extracted extract(InputStream tar, String path, Path target, String source) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (t.getParent() == null || t.getFileName() == null) throw new UnsafeEntryException("refusing to write " + path + " as " + t + ": not a file or folder name");
        Files.createDirectories(t.getParent());
        t = t.getParent().toRealPath().resolve(t.getFileName().toString());
        if (Files.isSymbolicLink(t)) {
            throw new UnsafeEntryException("refusing to write " + path + " to " + t + ": it is a symlink, and nothing is written through a link");
        }
        Path staging = t.resolveSibling("." + t.getFileName() + ".get-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            SafeTree tree = new SafeTree(staging, source);
            tree.directory(List.of());
            try {
                unpack(tar, tree, source);
                tree.finish();
            } catch (UnsafeEntryException e) {
                throw new UnsafeEntryException(e.getMessage().replace(staging.toString(), t.toString()));
            }
            List<String> top = top(tree, path, source);
            Path from = tree.resolve(top);
            if (Files.isSymbolicLink(from)) {
                throw new UnsafeEntryException("refusing " + path + " from " + source + ": it is a symlink to '"
                        + TerminalText.escape(Files.readSymbolicLink(from).toString()) + "', which points outside the target");
            }
            tree.checkLinksWithin(top);
            try {
                Files.move(from, t, StandardCopyOption.REPLACE_EXISTING);
            } catch (DirectoryNotEmptyException e) {
                throw new IOException("cannot put " + path + " at " + t + ": a folder that is not empty is already there", e);
            }
            return counted(t);
        } finally {
            deleteTree(staging);
        }
    }

    private static void unpack(InputStream tar, SafeTree tree, String source) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry e;
            while ((e = next(in, source)) != null) {
                String name = e.getName();
                if (name.startsWith("/")) {
                    throw new UnsafeEntryException("refusing tar entry '" + TerminalText.escape(name) + "' from " + source + ": an absolute path");
                }
                String trimmed = e.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                List<String> rel = Arrays.asList(trimmed.split("/", -1));
                if (e.isDirectory()) {
                    tree.directory(rel);
                } else if (e.isSymbolicLink()) {
                    tree.symlink(rel, e.getLinkName());
                } else if (e.isFile() && !e.isLink()) {
                    tree.file(rel, e.getSize(), out -> copy(in, out, source, name));
                } else {
                    throw new UnsafeEntryException("refusing tar entry '" + TerminalText.escape(name) + "' from " + source
                            + ": only directories, files and symlinks are extracted (this is "
                            + (e.isLink() ? "a hard link to '" + TerminalText.escape(e.getLinkName()) + "'" : "type '" + (char) e.getLinkFlag() + "'") + ")");
                }
            }
        }
    }

    /** Copies the entry's bytes; a read that fails is the tar's fault, a write that fails is the disk's. */
    private static void copy(InputStream in, java.io.OutputStream out, String source, String name) throws IOException {
        byte[] buf = new byte[64 << 10];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                throw new IOException(source + " is broken at '" + TerminalText.escape(name) + "': " + e.getMessage() + " (nothing kept)", e);
            }
            if (n < 0) return;
            out.write(buf, 0, n);
        }
    }

    /** The next entry; a tar that cannot be read (cut short, corrupt) is named as broken. */
    private static TarArchiveEntry next(TarArchiveInputStream in, String source) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(source + " is broken: " + e.getMessage() + " (nothing kept)", e);
        }
    }

    /** The staging entry for path: named after the whole path (js-ipfs), its last segment (Kubo), or one top entry with the path below it. */
    private static List<String> top(SafeTree tree, String path, String source) throws IOException {
        String p = path.startsWith("/ipfs/") ? path.substring(6) : path;
        List<String> segs = new ArrayList<>();
        for (String s : p.split("/")) if (!s.isEmpty()) segs.add(s);
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(segs);
        if (!segs.isEmpty()) candidates.add(List.of(segs.get(segs.size() - 1)));
        List<Path> tops;
        try (Stream<Path> s = Files.list(tree.target())) {
            tops = s.toList();
        }
        if (tops.size() == 1 && !segs.isEmpty()) { // one top entry named after the root CID in some other base
            List<String> below = new ArrayList<>();
            below.add(tops.get(0).getFileName().toString());
            below.addAll(segs.subList(1, segs.size()));
            candidates.add(below);
        }
        for (List<String> c : candidates) {
            if (c.stream().anyMatch(x -> EntryNames.problem(x) != null)) continue;
            if (Files.exists(tree.resolve(c), LinkOption.NOFOLLOW_LINKS) && noLinkOnTheWay(tree, c)) return c;
        }
        throw new IOException(source + " sent no entry for " + path);
    }

    /** The entry's parents are real directories (the entry itself may be anything). */
    private static boolean noLinkOnTheWay(SafeTree tree, List<String> rel) {
        for (int i = 1; i < rel.size(); i++) {
            if (Files.isSymbolicLink(tree.resolve(rel.subList(0, i)))) return false;
        }
        return true;
    }

    /** The files, directories and file bytes now at target (links not followed). */
    private static Extracted counted(Path target) throws IOException {
        long files = 0;
        long dirs = 0;
        long bytes = 0;
        try (Stream<Path> s = Files.walk(target)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) dirs++;
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    bytes += Files.size(p);
                }
            }
        }
        return new Extracted(target, files, dirs, bytes);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) { // walk does not follow links: a link is removed, never what it points to
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
        }
    }
}
