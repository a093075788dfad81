package frontier.ipfs.extract;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.DirEntry;
import frontier.ipfs.resolve.UnixfsNode;
import frontier.ipfs.resolve.UnixfsReader;
import frontier.text.TerminalText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a UnixFS DAG as a local file or folder ({@code ipfs get}). The DAG is walked first without
 * writing anything (iteratively: any depth, no recursion), and refused as a whole when a name is
 * not a plain file name, a directory holds a name twice, a symlink would lead outside the target,
 * or a path would be longer than a file system allows. Then {@link SafeTree} writes it: no write
 * through a link, files under temporary names renamed when their size checks out, links last.
 */
public final class UnixfsExporter {
    private final UnixfsReader reader;

    public UnixfsExporter(UnixfsReader reader) {
        this.reader = reader;
    }

    private enum Kind { DIRECTORY, FILE, SYMLINK }

    /** A planned entry; rel is kept as a chain of parents so a deep DAG costs memory in proportion to its size. */
    private record Entry(Kind kind, Cid cid, Rel rel, String linkText) {
    }

    private record Rel(Rel parent, String name, int depth, long bytes) {
        static final Rel ROOT = new Rel(null, null, 0, 0);

        Rel child(String n) {
            return new Rel(this, n, depth + 1, bytes + 1 + n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }

        List<String> names() {
            String[] a = new String[depth];
            Rel r = this;
            for (int i = depth - 1; i >= 0; i--, r = r.parent) a[i] = r.name;
            return List.of(a);
        }
    }

    /** Writes the DAG at cid as target (a file, or a folder named target). */
    public Extracted export(Cid cid, Path target) throws IOException {
        String source = "ipfs://" + cid;
        SafeTree tree = new SafeTree(target, source);
        long room = SafeTree.MAX_PATH_BYTES - tree.target().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 1;
        List<Entry> plan = plan(cid, source, room);
        for (Entry e : plan) {
            List<String> rel = e.rel().names();
            switch (e.kind()) {
                case DIRECTORY -> tree.directory(rel);
                case SYMLINK -> tree.symlink(rel, e.linkText());
                case FILE -> {
                    if (e.cid().codec() == Cid.RAW) {
                        byte[] block = reader.fetcher().get(e.cid()); // verified: its length is the file's size
                        tree.file(rel, block.length, out -> out.write(block));
                    } else {
                        tree.file(rel, reader.size(e.cid()), out -> reader.copyTo(e.cid(), out));
                    }
                }
            }
        }
        tree.finish();
        return new Extracted(tree.target(), tree.files(), tree.directories(), tree.bytes());
    }

    /** Walks the DAG (directories, node types, link texts; no file data) and checks it; throws before anything is written. */
    private List<Entry> plan(Cid root, String source, long room) throws IOException {
        List<Entry> plan = new ArrayList<>();
        Map<List<String>, String> links = new HashMap<>();
        Deque<Entry> todo = new ArrayDeque<>();
        todo.push(new Entry(null, root, Rel.ROOT, null));
        while (!todo.isEmpty()) {
            Entry e = todo.pop();
            Cid c = e.cid();
            if (e.rel().bytes() > room) {
                throw new UnsafeEntryException("refusing " + source + ": it nests entries " + e.rel().depth() + " levels deep, a path longer than "
                        + SafeTree.MAX_PATH_BYTES + " bytes (PATH_MAX) under " + source + "; nothing was written");
            }
            UnixfsNode n = c.codec() == Cid.RAW ? null : reader.node(c);
            if (n == null || n.kind() == UnixfsNode.Kind.FILE) {
                plan.add(new Entry(Kind.FILE, c, e.rel(), null));
            } else if (n.kind() == UnixfsNode.Kind.SYMLINK) {
                if (e.rel().depth() == 0) {
                    throw new UnsafeEntryException("refusing " + source + ": it is a symlink to '" + TerminalText.escape(n.symlinkTarget())
                            + "', which points outside the target");
                }
                plan.add(new Entry(Kind.SYMLINK, c, e.rel(), n.symlinkTarget()));
                links.put(e.rel().names(), n.symlinkTarget());
            } else {
                plan.add(new Entry(Kind.DIRECTORY, c, e.rel(), null));
                List<DirEntry> entries = reader.list(c); // sorted by name: a duplicate sits next to its twin
                for (int i = entries.size() - 1; i >= 0; i--) {
                    String name = entries.get(i).name();
                    Rel rel = e.rel().child(name);
                    String why = EntryNames.problem(name);
                    if (why != null) throw refuse(source, rel, "not a plain file name: " + why);
                    if (i > 0 && entries.get(i - 1).name().equals(name)) throw refuse(source, rel, "the name appears twice in its directory");
                    todo.push(new Entry(null, entries.get(i).cid(), rel, null));
                }
            }
        }
        for (Map.Entry<List<String>, String> l : links.entrySet()) {
            List<String> rel = l.getKey();
            String why = LinkCheck.escapes(rel.subList(0, rel.size() - 1), l.getValue(), links::get);
            if (why != null) {
                throw new UnsafeEntryException("refusing " + source + "/" + EntryNames.show(rel) + ": a symlink to '"
                        + TerminalText.escape(l.getValue()) + "': " + why + "; nothing was written");
            }
        }
        return plan;
    }

    private static UnsafeEntryException refuse(String source, Rel rel, String why) {
        String shown = EntryNames.show(rel.names());
        if (shown.length() > 240) shown = "..." + shown.substring(shown.length() - 200) + " (" + rel.depth() + " levels deep)";
        return new UnsafeEntryException("refusing " + source + "/" + shown + ": " + why + "; nothing was written");
    }
}
