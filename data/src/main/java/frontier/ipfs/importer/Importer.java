package frontier.ipfs.importer;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.unixfs.UnixfsData;
import frontier.ipfs.unixfs.UnixfsType;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UnixFS importer that builds the DAG Kubo's {@code ipfs add} builds for the same flags.
 * <p>
 * Three stages, as in Kubo: the calling thread walks the tree and runs the chunker; chunks go
 * to a pool (one thread per core) that makes, hashes and stores the leaves; a layout thread
 * assembles each multi-chunk file's balanced or trickle DAG from its leaves in order while the
 * chunker reads the next files. Directories are built last, bottom-up. A bounded amount of chunk
 * data is in flight at once, so memory stays small for any file size.
 */
public final class Importer {
    private static final long MAX_IN_FLIGHT = 64L << 20;
    private static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final ImportOptions.Resolved settings;
    private final ImportOptions options;
    private final BlockSink sink;
    private final IgnoreRules ignore;

    public Importer(ImportOptions options, BlockSink sink, Path cwd) {
        this.options = options;
        this.settings = options.resolve();
        this.sink = options.onlyHash || sink == null ? BlockSink.DISCARD : sink;
        List<String> rules = new ArrayList<>(options.ignore);
        if (options.ignoreRulesPath != null) {
            Path p = cwd.resolve(options.ignoreRulesPath);
            try {
                rules.addAll(0, Files.readAllLines(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ImportException("cannot read ignore rules file " + p + ": " + e.getMessage(), e);
            }
        }
        this.ignore = new IgnoreRules(rules);
    }

    public ImportOptions.Resolved settings() {
        return settings;
    }

    // ---- the walked tree ----

    private abstract static class Item {
        final String name;       // name in the parent directory
        final String eventName;  // name printed in "added" lines
        final Path path;
        final BasicFileAttributes attrs;
        final int unixMode;
        CompletableFuture<DagNode> node;

        Item(String name, String eventName, Path path, BasicFileAttributes attrs, int unixMode) {
            this.name = name;
            this.eventName = eventName;
            this.path = path;
            this.attrs = attrs;
            this.unixMode = unixMode;
        }
    }

    private static final class FileItem extends Item {
        FileItem(String name, String eventName, Path path, BasicFileAttributes a, int mode) {
            super(name, eventName, path, a, mode);
        }
    }

    private static final class LinkItem extends Item {
        LinkItem(String name, String eventName, Path path, BasicFileAttributes a, int mode) {
            super(name, eventName, path, a, mode);
        }
    }

    private static final class DirItem extends Item {
        final List<Item> children = new ArrayList<>();
        final boolean wrapper;
        List<String> order;
        Map<String, Item> byName;

        DirItem(String name, String eventName, Path path, BasicFileAttributes a, int mode, boolean wrapper) {
            super(name, eventName, path, a, mode);
            this.wrapper = wrapper;
        }
    }

    /** Counters for one run. */
    private static final class Totals {
        long files;
        long dirs;
        long bytes;
    }

    /** Adds the given paths (relative ones against cwd) and returns Kubo's events and roots. */
    public ImportResult add(List<Path> paths, Path cwd, ProgressSink progressSink) {
        long t0 = System.nanoTime();
        if (paths.isEmpty()) {
            throw new ImportException("expected a file argument");
        }
        List<Path> unique = new ArrayList<>(new LinkedHashSet<>(paths.stream().map(p -> cwd.resolve(p).toAbsolutePath().normalize()).toList()));
        Totals totals = new Totals();
        List<Item> tops = new ArrayList<>();
        for (Path p : unique) {
            tops.add(walkTop(p, totals));
        }
        List<DirItem> units = new ArrayList<>();
        if (options.wrap) {
            DirItem w = new DirItem("", "", null, null, 0, true);
            Map<String, Path> seen = new HashMap<>();
            for (Item t : tops) {
                Path prev = seen.put(t.name, t.path);
                if (prev != null) {
                    throw new ImportException("cannot wrap " + prev + " and " + t.path + ": both are named '" + t.name + "'");
                }
                w.children.add(t);
            }
            units.add(w);
        }
        NodeFactory factory = new NodeFactory(settings.cids(), settings.rawLeaves(), sink);
        ProgressSink ps = progressSink == null || totals.bytes < options.progressThreshold ? ProgressSink.NONE : progressSink;
        AtomicInteger threadNo = new AtomicInteger();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService hashPool = Executors.newFixedThreadPool(cores, r -> daemon(r, "ipfs-add-hash-" + threadNo.incrementAndGet()));
        ExecutorService layoutPool = Executors.newSingleThreadExecutor(r -> daemon(r, "ipfs-add-layout"));
        Semaphore inFlight = new Semaphore((int) (MAX_IN_FLIGHT >> 10));
        List<AddedEntry> entries = new ArrayList<>();
        List<Cid> roots = new ArrayList<>();
        try (Progress progress = ps.start("ipfs add", totals.bytes, "bytes")) {
            Pipeline pipe = new Pipeline(factory, hashPool, layoutPool, inFlight, progress);
            if (options.wrap) {
                DirItem w = units.get(0);
                submitAll(w, pipe);
                buildDirs(w, factory);
                collect(w, entries, true);
                roots.add(join(w.node, "wrapper directory").cid());
            } else {
                for (Item t : tops) {
                    submitAll(t, pipe);
                    if (t instanceof DirItem d) {
                        buildDirs(d, factory);
                    }
                    collect(t, entries, true);
                    roots.add(join(t.node, t.path.toString()).cid());
                }
            }
        } finally {
            hashPool.shutdownNow();
            layoutPool.shutdownNow();
        }
        return new ImportResult(entries, roots, totals.files, totals.dirs, totals.bytes, factory.blocks.get(),
                System.nanoTime() - t0, options.cidBase);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- walking ----

    private Item walkTop(Path p, Totals totals) {
        BasicFileAttributes a = stat(p);
        Path fn = p.getFileName();
        String name = fn == null ? p.toString() : fn.toString();
        if (a.isDirectory() && !options.recursive) {
            throw new ImportException(p + " is a directory, use the '-r' flag to specify directories");
        }
        return walk(p, name, options.wrap ? name : name, a, totals);
    }

    private Item walk(Path p, String eventName, BasicFileAttributes a, Totals totals) {
        return walk(p, p.getFileName() == null ? p.toString() : p.getFileName().toString(), eventName, a, totals);
    }

    private Item walk(Path p, String name, String eventName, BasicFileAttributes a, Totals totals) {
        int mode = unixMode(p);
        if (a.isSymbolicLink()) {
            return new LinkItem(name, eventName, p, a, mode);
        }
        if (a.isRegularFile()) {
            totals.files++;
            totals.bytes += a.size();
            return new FileItem(name, eventName, p, a, mode);
        }
        if (a.isDirectory()) {
            totals.dirs++;
            DirItem d = new DirItem(name, eventName, p, a, mode, false);
            List<String> names = new ArrayList<>();
            try (var s = Files.newDirectoryStream(p)) {
                for (Path c : s) {
                    names.add(c.getFileName().toString());
                }
            } catch (IOException e) {
                throw new ImportException("cannot list directory " + p + ": " + e.getMessage(), e);
            }
            names.sort(BYTE_ORDER);
            for (String n : names) {
                Path c = p.resolve(n);
                BasicFileAttributes ca = stat(c);
                if (!options.hidden && n.startsWith(".")) {
                    continue;
                }
                if (!ignore.isEmpty() && ignore.matches(n, ca.isDirectory())) {
                    continue;
                }
                d.children.add(walk(c, n, eventName.isEmpty() ? n : eventName + "/" + n, ca, totals));
            }
            return d;
        }
        throw new ImportException("unrecognized file type for " + p + " (not a file, directory or symlink)");
    }

    private static BasicFileAttributes stat(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new ImportException(p + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ImportException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private int unixMode(Path p) {
        if (!settings.preserveMode()) {
            return 0;
        }
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    // ---- attributes (mode/mtime) ----

    private FileLayout.Attributes attributesOf(Item item, boolean symlink) {
        Integer mode = null;
        Long secs = null;
        Integer nanos = null;
        if (options.mode != 0) {
            mode = options.mode & 07777;
        } else if (settings.preserveMode() && item.unixMode != 0) {
            mode = item.unixMode;
        }
        if (options.mtime != 0) {
            secs = options.mtime;
            nanos = options.mtimeNsecs > 0 ? options.mtimeNsecs : null;
        } else if (settings.preserveMtime() && item.attrs != null) {
            FileTime t = item.attrs.lastModifiedTime();
            var instant = t.toInstant();
            secs = instant.getEpochSecond();
            nanos = instant.getNano() > 0 ? instant.getNano() : null;
        }
        if (symlink) {
            mode = null; // Kubo stores no mode on symlinks
        }
        return new FileLayout.Attributes(mode, secs, nanos);
    }

    // ---- the pipeline ----

    private final class Pipeline {
        final NodeFactory f;
        final ExecutorService hashPool;
        final ExecutorService layoutPool;
        final Semaphore inFlight;
        final Progress progress;

        Pipeline(NodeFactory f, ExecutorService hashPool, ExecutorService layoutPool, Semaphore inFlight, Progress progress) {
            this.f = f;
            this.hashPool = hashPool;
            this.layoutPool = layoutPool;
            this.inFlight = inFlight;
            this.progress = progress;
        }

        CompletableFuture<DagNode> file(FileItem item) {
            FileLayout.Attributes attrs = attributesOf(item, false);
            UnixfsType leafType = FileLayout.leafType(options.trickle);
            List<CompletableFuture<DagNode>> leaves = new ArrayList<>();
            byte[] firstChunk = null;
            long read = 0;
            try (InputStream in = Files.newInputStream(item.path, LinkOption.NOFOLLOW_LINKS)) {
                Chunker chunker = settings.chunker().open(in, item.attrs.size());
                byte[] chunk;
                while ((chunk = chunker.next()) != null) {
                    read += chunk.length;
                    progress.advance(chunk.length);
                    if (leaves.isEmpty()) {
                        firstChunk = chunk;
                    }
                    int permits = Math.max(1, chunk.length >> 10);
                    inFlight.acquireUninterruptibly(permits);
                    byte[] c = chunk;
                    leaves.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return f.leaf(c, leafType);
                        } finally {
                            inFlight.release(permits);
                        }
                    }, hashPool));
                }
            } catch (NoSuchFileException e) {
                throw new ImportException(item.path + " vanished while it was being added", e);
            } catch (IOException e) {
                throw new ImportException("cannot read " + item.path + ": " + e.getMessage(), e);
            }
            checkUnchanged(item, read);
            int maxLinks = options.maxLinks;
            if (!options.trickle) {
                if (leaves.size() == 1) {
                    if (!attrs.any()) {
                        return leaves.get(0);
                    }
                    // the root carries the attributes, so it is not the plain leaf
                    byte[] c = firstChunk;
                    return CompletableFuture.supplyAsync(() -> f.pbFileLeaf(c, attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos()), hashPool);
                }
                if (leaves.isEmpty()) {
                    return CompletableFuture.completedFuture(f.emptyFile(attrs));
                }
            }
            FileLayout.Leaves source = new FutureLeaves(leaves);
            return CompletableFuture.supplyAsync(() -> options.trickle
                    ? FileLayout.trickle(f, source, maxLinks, attrs)
                    : FileLayout.balanced(f, source, maxLinks, attrs), layoutPool);
        }

        DagNode symlink(LinkItem item) {
            String target;
            try {
                target = Files.readSymbolicLink(item.path).toString();
            } catch (IOException e) {
                throw new ImportException("cannot read symlink " + item.path + ": " + e.getMessage(), e);
            }
            FileLayout.Attributes a = attributesOf(item, true);
            UnixfsData data = UnixfsData.symlink(target.getBytes(StandardCharsets.UTF_8)).withStat(null, a.mtimeSeconds(), a.mtimeNanos());
            return f.pbNode(List.of(), data);
        }
    }

    private static void checkUnchanged(Item item, long read) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(item.path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ImportException(item.path + " vanished while it was being added", e);
        }
        if (read != item.attrs.size() || now.size() != item.attrs.size()
                || !now.lastModifiedTime().equals(item.attrs.lastModifiedTime())) {
            throw new ImportException(item.path + " changed while it was being added (" + item.attrs.size()
                    + " bytes when listed, " + read + " read, " + now.size() + " now)");
        }
    }

    /** The leaves of one file as futures, joined in order by the layout thread. */
    private static final class FutureLeaves implements FileLayout.Leaves {
        private final List<CompletableFuture<DagNode>> futures;
        private int next;

        FutureLeaves(List<CompletableFuture<DagNode>> futures) {
            this.futures = futures;
        }

        @Override
        public boolean done() {
            return next >= futures.size();
        }

        @Override
        public DagNode next() {
            CompletableFuture<DagNode> f = futures.get(next);
            futures.set(next++, null);
            return join(f, "leaf");
        }

        @Override
        public int total() {
            return futures.size();
        }
    }

    private void submitAll(Item item, Pipeline pipe) {
        if (item instanceof FileItem fi) {
            fi.node = pipe.file(fi);
        } else if (item instanceof LinkItem li) {
            li.node = CompletableFuture.completedFuture(pipe.symlink(li));
        } else if (item instanceof DirItem d) {
            for (Item c : d.children) {
                submitAll(c, pipe);
            }
        }
    }

    private void buildDirs(DirItem d, NodeFactory f) {
        List<DirectoryBuilder.Entry> entries = new ArrayList<>(d.children.size());
        d.byName = new HashMap<>();
        for (Item c : d.children) {
            if (c instanceof DirItem cd) {
                buildDirs(cd, f);
            }
            entries.add(new DirectoryBuilder.Entry(c.name, join(c.node, c.path.toString())));
            d.byName.put(c.name, c);
        }
        if (!d.wrapper && d.path != null) {
            BasicFileAttributes now = stat(d.path);
            if (!now.lastModifiedTime().equals(d.attrs.lastModifiedTime())) {
                throw new ImportException("directory " + d.path + " changed while it was being added");
            }
        }
        FileLayout.Attributes attrs = d.wrapper
                ? new FileLayout.Attributes(options.mode != 0 ? options.mode & 07777 : null,
                options.mtime != 0 ? options.mtime : null, options.mtime != 0 && options.mtimeNsecs > 0 ? options.mtimeNsecs : null)
                : attributesOf(d, false);
        DirectoryBuilder.Built b = DirectoryBuilder.build(f, entries, options.hamtThreshold, options.hamtFanout, attrs);
        d.order = b.order();
        d.node = CompletableFuture.completedFuture(b.node());
    }

    /** Kubo's event order: files and symlinks as they were added (walk order), then directories depth-first, post-order. */
    private void collect(Item top, List<AddedEntry> out, boolean root) {
        collectFiles(top, out);
        if (top instanceof DirItem d) {
            collectDirs(d, out);
        }
    }

    private void collectFiles(Item item, List<AddedEntry> out) {
        if (item instanceof DirItem d) {
            for (Item c : d.children) {
                collectFiles(c, out);
            }
        } else {
            out.add(new AddedEntry(item.eventName, join(item.node, item.path.toString()).cid(), false));
        }
    }

    private void collectDirs(DirItem d, List<AddedEntry> out) {
        for (String n : d.order) {
            Item c = d.byName.get(n);
            if (c instanceof DirItem cd) {
                collectDirs(cd, out);
            }
        }
        out.add(new AddedEntry(d.eventName, join(d.node, d.path == null ? "wrapper" : d.path.toString()).cid(), true));
    }

    private static DagNode join(CompletableFuture<DagNode> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("interrupted while adding " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException("adding " + what + " failed: " + c, c);
        }
    }
}
