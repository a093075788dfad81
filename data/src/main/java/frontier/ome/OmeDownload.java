package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.array.sched.ComputeException;
import frontier.array.sched.Scheduler;
import frontier.array.sched.SchedulerContext;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.progress.ProgressSink;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.text.TerminalText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ome_zarr download}: copies an OME-Zarr image, every pyramid level, {@code labels/} and
 * {@code masks/} byte for byte under DIR/NAME.zarr. HTTP cannot list, so chunk keys come from
 * each .zarray. The chunk files of all arrays are copied by one task graph ({@link CopyGraph}) on the
 * session's scheduler, fetches overlapping beyond the core count (an array's progress bar follows the one before).
 * A new copy is made in {@code NAME.zarr.frontier-part} and renamed to NAME.zarr when complete, so
 * an unfinished copy never looks like the image (and its files need no rename each); a copy that
 * exists already is updated file by file, each written under a temporary name and renamed when
 * complete. Either way an interrupted run leaves no complete-looking wrong file, and a second run
 * fetches only what is still missing. Names from remote metadata that would leave the target
 * folder are refused before anything is written.
 */
public final class OmeDownload {
    static final String PART = ".frontier-part";
    /** Files copied by one task graph at most (two tasks each); more are copied in parts. */
    private static final int GRAPH_FILES = 1 << 15;

    private final String source;
    private final Path outputDir;
    private PrintStream out;
    private ProgressSink progress;
    private String shownDir;

    private final AtomicLong filesWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong filesPresent = new AtomicLong();
    private final AtomicLong chunksMissing = new AtomicLong();
    private final AtomicLong chunksFetched = new AtomicLong();
    private final AtomicLong filesRepaired = new AtomicLong();
    private final AtomicLong filesVerified = new AtomicLong();
    private boolean verify;
    private boolean staged; // writing a new copy into its .frontier-part folder: files are written in place
    private StoreOptions storeOptions = StoreOptions.defaults();

    public OmeDownload(String source, Path outputDir) {
        this.source = source;
        this.outputDir = outputDir;
    }

    /** How the "to DIR" line names the folder (as the user typed it; the resolved path by default). */
    public OmeDownload displayDir(String shown) {
        this.shownDir = shown;
        return this;
    }

    /**
     * Chunk files a previous run left are compared byte for byte with the source's (each is fetched
     * again); without it they are kept when the source has them at the same size.
     */
    public OmeDownload verify(boolean verify) {
        this.verify = verify;
        return this;
    }

    /** How to open the source (an S3 endpoint, say). */
    public OmeDownload storeOptions(StoreOptions options) {
        this.storeOptions = options;
        return this;
    }

    /** Where the "downloading..." lines go (none by default). */
    public OmeDownload output(PrintStream out) {
        this.out = out;
        return this;
    }

    /** Where the progress bars go (the thread's current sink by default). */
    public OmeDownload progress(ProgressSink sink) {
        this.progress = sink;
        return this;
    }

    /** The image's name: the last path segment of the URL or path. */
    static String name(String source) {
        String s = source;
        int q = s.indexOf('?');
        if (q >= 0 && s.contains("://")) s = s.substring(0, q);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        String n = s.substring(s.lastIndexOf('/') + 1);
        if (n.isEmpty() || n.equals("..") || n.equals(".") || n.contains("\\") || n.matches("[a-zA-Z][a-zA-Z0-9+.-]*:")) {
            throw new IllegalArgumentException("cannot name the download after " + source + ": its last path segment is '" + n + "'");
        }
        return n;
    }

    public DownloadReport run() throws IOException {
        long t0 = System.nanoTime();
        ProgressSink sink = progress != null ? progress : ProgressSink.current();
        String name = name(source);
        Path target = outputDir.resolve(name).toAbsolutePath().normalize();
        try (OmeSession session = new OmeSession(storeOptions)) {
            OmeLocation root = session.openForCopy(source);
            OmeReader reader = new OmeReader((field, n, where) -> checkName(n, field, where, target), true);
            List<OmeNode> nodes = new ArrayList<>(reader.read(root));
            if (nodes.isEmpty()) throw new OmeException("nothing to download at " + root.path() + ": no OME-Zarr node found");
            // A plate or a well: every field image (ome-zarr-py copies only the plate's own metadata).
            List<OmeLocation> groups = new ArrayList<>();
            for (OmeNode n : List.copyOf(nodes)) {
                if (under(root, n.location())) nodes.addAll(fieldImages(n, reader, groups, target));
            }
            // masks/ (ome-zarr-py skips them): probed like labels/, after the nodes ome-zarr-py takes.
            for (OmeNode n : List.copyOf(nodes)) {
                if (!n.specs().contains("Multiscales") || !under(root, n.location())) continue;
                OmeLocation masks = n.location().child("masks").prefetch();
                if (masks.exists()) nodes.addAll(reader.readMore(masks));
            }
            List<OmeNode> copied = new ArrayList<>();
            for (OmeNode n : nodes) {
                if (!under(root, n.location())) {
                    // A label's source image outside the image folder: ome-zarr-py would copy it beside; we stay inside.
                    continue;
                }
                copied.add(n);
            }
            if (out != null) {
                out.println("downloading...");
                for (OmeNode n : copied) {
                    String rel = n.location().prefix();
                    out.println("   " + TerminalText.escape(name + (rel.isEmpty() ? "" : "/" + rel.substring(0, rel.length() - 1))));
                }
                out.println("to " + TerminalText.escape(shownDir != null ? shownDir : outputDir.toString()));
                out.flush();
            }
            Path staging = target.resolveSibling(target.getFileName() + PART);
            staged = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (staged && Files.isSymbolicLink(staging)) throw new OmeException("refusing to download into " + staging + ": it is a symbolic link");
            Path into = staged ? staging : target; // an interrupted new copy's folder is resumed like a copy
            Files.createDirectories(into);
            Store store = root.store();
            // .zmetadata, when present, goes along as is.
            copyMetadata(root, into, ".zmetadata");
            for (OmeLocation g : groups) { // a plate's rows and wells: metadata only
                Files.createDirectories(dir(into, g.prefix()));
                copyNodeMetadata(g, into);
            }
            // One graph copies the files of every array (in parts of GRAPH_FILES): fetches overlap
            // across arrays, with no pause at each array's end, and the workers start once.
            try (Copy copy = new Copy(new CopyGraph.Source(store, store.locate("")), scheduler(), sink)) {
                // The arrays whose chunk key separator must be probed are probed at once, not one after the other.
                for (OmeNode n : copied) {
                    if (!hasArrays(n)) continue;
                    for (OmeNode.Level level : n.levels()) {
                        OmeLocation arr = n.location().child(level.path());
                        String key = probeKey(level.array(), version(n), dir(into, arr.prefix()));
                        if (key != null) copy.source.prefetchProbe(arr.prefix() + key);
                    }
                }
                for (OmeNode n : copied) {
                    OmeLocation loc = n.location();
                    Path dir = dir(into, loc.prefix());
                    Files.createDirectories(dir);
                    cleanParts(dir);
                    copyNodeMetadata(loc, into);
                    if (!hasArrays(n)) continue;
                    String version = version(n);
                    List<OmeNode.Level> levels = new ArrayList<>(n.levels());
                    java.util.Collections.reverse(levels); // smallest first, as ome-zarr-py does
                    for (OmeNode.Level level : levels) {
                        OmeLocation arr = loc.child(level.path());
                        copyArray(arr, level.array(), version, into, copy, name);
                    }
                }
                copy.flush();
            }
            if (staged) Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE); // complete: now it is the image
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new DownloadReport(target, filesWritten.get(), bytesWritten.get(), filesPresent.get(), filesRepaired.get(),
                    verify ? filesVerified.get() : -1, chunksMissing.get(), chunksFetched.get(), seconds, session.requests());
        }
    }

    /**
     * The nodes of a plate's or a well's field images (each with its labels), read with the same
     * reader; the groups between (a plate's row and well groups) are added to groups.
     */
    private static List<OmeNode> fieldImages(OmeNode n, OmeReader reader, List<OmeLocation> groups, Path target) throws IOException {
        List<OmeNode> out = new ArrayList<>();
        OmeLocation loc = n.location();
        List<OmeLocation> wells = new ArrayList<>();
        if (n.metadata().plate() != null) {
            for (Plate.WellRef w : n.metadata().plate().wells()) {
                checkName(w.path(), "plate.wells[].path", loc.locate(".zattrs"), target);
                String[] parts = w.path().split("/");
                OmeLocation g = loc;
                for (int i = 0; i < parts.length - 1; i++) {
                    g = g.child(parts[i]);
                    if (!groups.contains(g)) groups.add(g);
                }
                wells.add(loc.child(w.path()));
            }
        } else if (n.metadata().well() != null) {
            wells.add(loc);
        }
        for (OmeLocation well : wells) {
            if (!well.equals(loc)) groups.add(well);
            for (Well.Image image : OmeReader.well(loc, well).images()) {
                checkName(image.path(), "well.images[].path", well.locate(".zattrs"), target);
                OmeLocation field = well.child(image.path()).prefetch();
                if (!field.exists()) throw new OmeException("invalid OME-Zarr well " + well.path() + ": image " + field.path() + " not found");
                out.addAll(reader.readMore(field));
            }
        }
        return out;
    }

    private static boolean under(OmeLocation root, OmeLocation loc) {
        return loc.fetcher() == root.fetcher();
    }

    /** Refuses names from remote metadata that would leave the target folder. */
    static void checkName(String name, String field, String where, Path target) throws OmeException {
        String why = OmeMetadata.whyNotRelative(name);
        if (why != null) {
            throw new OmeException("refusing to download: " + field + " = '" + TerminalText.escape(name) + "' in " + where + ": " + why
                    + ", and it would write outside " + target);
        }
    }

    private static Path dir(Path target, String prefix) throws OmeException {
        Path d = prefix.isEmpty() ? target : target.resolve(prefix).normalize();
        if (!d.startsWith(target)) throw new OmeException("refusing to write " + d + ": outside " + target);
        return d;
    }

    /** A node's metadata files: zarr.json (Zarr v3), else .zgroup or .zarray with .zattrs. */
    private void copyNodeMetadata(OmeLocation loc, Path target) throws IOException {
        if (loc.zarrJson() != null) {
            copyMetadata(loc, target, frontier.zarr.Zarr.ZARR_JSON);
            return;
        }
        copyMetadata(loc, target, loc.zgroup() != null ? ".zgroup" : ".zarray");
        copyMetadata(loc, target, ".zattrs");
    }

    /** Copies a metadata file exactly as served (fetched once: the walk already has it). */
    private void copyMetadata(OmeLocation loc, Path target, String file) throws IOException {
        byte[] b = loc.fetcher().get(loc.prefix() + file);
        if (b == null) return;
        Path p = dir(target, loc.prefix()).resolve(file);
        if (Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), b)) {
            filesPresent.incrementAndGet();
            return;
        }
        write(p, b);
    }

    private void copyArray(OmeLocation arr, ArrayInfo info, String version, Path target, Copy copy, String name) throws IOException {
        Path dir = dir(target, arr.prefix());
        Files.createDirectories(dir);
        Map<String, Long> present = completeFiles(dir); // one walk instead of a stat per chunk
        copyNodeMetadata(arr, target);
        // Zarr v3 names its keys itself (chunk_key_encoding); a shard is one key, copied and resumed whole.
        String sep = info.v3() != null ? null : separator(arr, info, version, copy.source, dir);
        Iterable<String> keys = info.v3() != null ? info.v3Keys() : info.chunkKeys(sep);
        String label = name + "/" + arr.prefix().substring(0, arr.prefix().length() - 1);
        Path madeParent = null; // keys come in C order: siblings share their folder, so the last one made is enough
        String unit = info.v3() != null && info.v3().shards() != null ? "shards" : "chunks";
        CopyGraph.Bar bar = copy.bars.add(label, info.chunkCount(), unit, arr.path());
        for (String key : keys) {
            Path file = dir.resolve(key).normalize();
            if (!file.startsWith(dir)) throw new OmeException("refusing chunk key " + key + ": outside " + dir);
            Long localSize = present.get(key);
            if (localSize == null && key.indexOf('/') > 0) {
                Path parent = file.getParent();
                if (!parent.equals(madeParent)) Files.createDirectories(parent);
                madeParent = parent;
            }
            copy.add(new CopyGraph.Chunk(arr.prefix() + key, file, localSize == null ? -1 : localSize, bar));
        }
        copy.bars.allGiven();
    }

    /**
     * The files to copy, gathered over arrays and copied by one graph when {@link #GRAPH_FILES}
     * are gathered (a huge array is so copied in parts, in bounded memory) or when flushed.
     */
    private final class Copy implements AutoCloseable {
        final CopyGraph.Source source;
        final Scheduler scheduler;
        final CopyGraph.Bars bars;
        private final List<CopyGraph.Chunk> part = new ArrayList<>();

        Copy(CopyGraph.Source source, Scheduler scheduler, ProgressSink sink) {
            this.source = source;
            this.scheduler = scheduler;
            this.bars = new CopyGraph.Bars(sink);
        }

        void add(CopyGraph.Chunk c) throws IOException {
            part.add(c);
            bars.given();
            if (part.size() == GRAPH_FILES) flush();
        }

        /** Runs the copy of the files gathered as one graph, and adds up what it did. */
        void flush() throws IOException {
            if (part.isEmpty()) return;
            CopyGraph.Outcome o;
            try {
                o = (CopyGraph.Outcome) scheduler.run(CopyGraph.of(source, part, verify, !staged));
            } catch (ComputeException e) {
                String at = bars.current();
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("download interrupted at " + at);
                }
                Throwable t = e.getCause() != null ? e.getCause() : e;
                while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException
                        || t instanceof ComputeException)) t = t.getCause();
                if (t instanceof IOException io) throw io;
                throw new IOException("download of " + at + " failed: " + t, t);
            }
            part.clear();
            filesWritten.addAndGet(o.written());
            bytesWritten.addAndGet(o.bytes());
            filesPresent.addAndGet(o.present());
            filesRepaired.addAndGet(o.repaired());
            filesVerified.addAndGet(o.verified());
            chunksMissing.addAndGet(o.missing());
            chunksFetched.addAndGet(o.fetched());
        }

        /** Ends the bar still running (when a copy failed). */
        @Override
        public void close() {
            bars.close();
        }
    }

    /**
     * The scheduler of this session, without a bar of its own (each array shows its bar); threads
     * here when the session computes on a cluster, since the files go to this machine's disk.
     */
    private static Scheduler scheduler() {
        SchedulerContext context = SchedulerContext.current();
        Scheduler s = context.scheduler();
        if (s instanceof ThreadPoolScheduler threads) return threads.withoutProgressBars();
        return context.cluster() != null ? ThreadPoolScheduler.quiet() : s;
    }

    /**
     * The chunk key separator: .zarray's dimension_separator, else the one NGFF implies ('.' for
     * 0.1, '/' after) if the first chunk is there under it, else the other one if that is.
     */
    private static String separator(OmeLocation arr, ArrayInfo info, String version, CopyGraph.Source source, Path dir) throws IOException {
        if (info.dimensionSeparator() != null) return info.dimensionSeparator();
        String first = impliedSeparator(version);
        if (info.shape().length <= 1 || info.chunkCount() == 0) return first;
        String settled = separatorOnDisk(info, first, dir); // a previous run settled it already: ask the disk, not the server
        if (settled != null) return settled;
        if (source.probe(arr.prefix() + info.firstChunkKey(first)) != null) return first; // prefetched: probeKey
        String other = otherSeparator(first);
        return source.probe(arr.prefix() + info.firstChunkKey(other)) != null ? other : first;
    }

    /** The key {@link #separator} will probe first (a Zarr v2 array's first chunk), or null when it will not probe. */
    private static String probeKey(ArrayInfo info, String version, Path dir) {
        if (info.v3() != null || info.dimensionSeparator() != null || info.shape().length <= 1 || info.chunkCount() == 0) return null;
        String first = impliedSeparator(version);
        return separatorOnDisk(info, first, dir) == null ? info.firstChunkKey(first) : null;
    }

    /** The separator NGFF implies: '.' for 0.1 (and no version), '/' after. */
    private static String impliedSeparator(String version) {
        return version == null || version.equals("0.1") ? "." : "/";
    }

    private static String otherSeparator(String sep) {
        return sep.equals(".") ? "/" : ".";
    }

    /** The separator under which a previous run left the first chunk (first's, else the other's), or null. */
    private static String separatorOnDisk(ArrayInfo info, String first, Path dir) {
        if (Files.isRegularFile(dir.resolve(info.firstChunkKey(first)))) return first;
        String other = otherSeparator(first);
        return Files.isRegularFile(dir.resolve(info.firstChunkKey(other))) ? other : null;
    }

    /** Whether a node has arrays to copy (a multiscale's levels with their paths). */
    private static boolean hasArrays(OmeNode n) {
        return !n.levels().isEmpty() && n.levels().get(0).path() != null;
    }

    /** The NGFF version of a node's multiscale, or null. */
    private static String version(OmeNode n) {
        return n.metadata().multiscale() != null ? n.metadata().multiscale().version() : null;
    }

    /** Removes temporary files a previous, interrupted run left in a folder. */
    private static void cleanParts(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + PART)) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    /**
     * The files already complete under an array's folder (paths relative to it, '/'-separated) and
     * their sizes, after removing the temporary files an interrupted run left there.
     */
    private static Map<String, Long> completeFiles(Path dir) throws IOException {
        Map<String, Long> complete = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(PART)) {
                    Files.deleteIfExists(p);
                } else if (Files.isRegularFile(p)) {
                    complete.put(dir.relativize(p).toString().replace(java.io.File.separatorChar, '/'), Files.size(p));
                }
            }
        }
        return complete;
    }

    /** Writes a metadata file (atomically into an existing copy, {@link CopyGraph#write}), counted. */
    private void write(Path file, byte[] bytes) throws IOException {
        CopyGraph.write(file, bytes, !staged);
        filesWritten.incrementAndGet();
        bytesWritten.addAndGet(bytes.length);
    }
}
