package frontier.ome;

import frontier.array.graph.Fold;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.Stores;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The copy of chunk files (or shards), of one array or of several, as a task graph, run by a
 * scheduler like every other chunk loop: per file a {@link Fetch} task (I/O: the scheduler lets more of them wait on
 * the network than there are cores) and a {@link Write} task taking its bytes, and a {@link Tally}
 * adding up what the writes did. Tasks are plain serializable values; the open store and the
 * progress bar they use here are transient (a task run elsewhere reopens the source by location).
 * The target paths were checked to lie inside the target folder when the graph was made.
 */
final class CopyGraph {
    private CopyGraph() {
    }

    /** A file to copy: its store key, its path, and the size of the file a previous run left (-1: none), and its array's bar. */
    record Chunk(String key, Path file, long localSize, Bar bar) {
    }

    /**
     * The graph copying the chunks (in their order: the scheduler runs them depth first, each write
     * soon after its fetch); atomic: each file under a temporary name first (into a copy that looks complete).
     */
    static TaskGraph of(Source source, List<Chunk> chunks, boolean verify, boolean atomic) {
        TaskGraph.Builder g = new TaskGraph.Builder();
        List<TaskKey> writes = new java.util.ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            TaskKey fetch = g.put(new Task(new TaskKey("fetch", i), new Fetch(source, c.key(), c.localSize(), verify), List.of()));
            writes.add(g.put(new Task(new TaskKey("write", i),
                    new Write(source, c.key(), c.file().toString(), c.localSize(), verify, atomic, c.bar()), List.of(fetch))));
        }
        return g.build(g.put(new Task(new TaskKey("tally"), new Tally(), writes)));
    }

    /**
     * Where chunks come from: the source's location and, in the process that made the graph, its
     * open store and the chunks a probe already fetched (given out once, so no request is wasted).
     */
    static final class Source implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String location;
        private transient volatile Store store;
        private transient Map<String, byte[]> probed;
        private transient Map<String, java.util.concurrent.CompletableFuture<byte[]>> probing;

        Source(Store store, String location) {
            this.store = store;
            this.location = location;
            this.probed = new ConcurrentHashMap<>();
            this.probing = new ConcurrentHashMap<>();
        }

        private Store store() throws IOException {
            Store s = store;
            if (s == null) {
                synchronized (this) {
                    s = store;
                    if (s == null) store = s = Stores.open(location);
                }
            }
            return s;
        }

        /** Some or all bytes of a key (null: missing); a remote read lets another task run meanwhile. */
        byte[] get(String key, ByteRequest bytes) throws IOException {
            if (bytes == null && probed != null) {
                byte[] p = probed.remove(key);
                if (p != null) return p;
            }
            Store s = store();
            ThreadPoolScheduler.IOSupplier<byte[]> read = () -> bytes == null ? s.get(key) : s.get(key, bytes);
            return s.isRemote() ? ThreadPoolScheduler.blocking(read) : read.get();
        }

        /** Starts fetching a chunk that {@link #probe} will ask for, so that the probes of several arrays overlap. */
        void prefetchProbe(String key) throws IOException {
            Store s = store();
            probing.computeIfAbsent(key, k -> s.getAsync(k));
        }

        /** Fetches a chunk (or takes its prefetch) to see whether it exists, keeping it for its fetch task. */
        byte[] probe(String key) throws IOException {
            java.util.concurrent.CompletableFuture<byte[]> started = probing == null ? null : probing.remove(key);
            byte[] b = started != null ? Store.await(started) : store().get(key);
            if (b != null && probed != null) probed.put(key, b);
            return b;
        }

        @Override
        public String toString() {
            return location;
        }
    }

    /** The progress bar of the array a file belongs to (here; none where the graph was sent elsewhere). */
    static final class Bar implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Bars bars;
        private final int array;

        Bar(Bars bars, int array) {
            this.bars = bars;
            this.array = array;
        }

        void advance() {
            if (bars != null) bars.advance(array);
        }
    }

    /**
     * The arrays' progress bars, one after another although one graph copies files of several
     * arrays: an array's bar starts when the bars before it have ended (its files copied early
     * are counted in when it starts) and ends when its last file is copied.
     */
    static final class Bars implements AutoCloseable {
        private final ProgressSink sink;
        private final List<Array> arrays = new java.util.ArrayList<>();
        private int current; // the first array whose bar has not ended
        private Progress open = Progress.NONE; // its bar, once started

        /** An array's bar: its label, total and unit, where the array is, the files given to graphs so far and copied so far. */
        private static final class Array {
            final String label;
            final long total;
            final String unit;
            final String where;
            long files;
            long copied;
            boolean allGiven;

            Array(String label, long total, String unit, String where) {
                this.label = label;
                this.total = total;
                this.unit = unit;
                this.where = where;
            }
        }

        Bars(ProgressSink sink) {
            this.sink = sink;
        }

        /** A new array (at where), whose files follow: its bar starts now if no bar before it is still running. */
        synchronized Bar add(String label, long total, String unit, String where) {
            arrays.add(new Array(label, total, unit, where));
            if (arrays.size() - 1 == current) open = sink.start(label, total, unit);
            return new Bar(this, arrays.size() - 1);
        }

        /** A file of the array last added goes into a graph. */
        synchronized void given() {
            arrays.get(arrays.size() - 1).files++;
        }

        /** Every file of the array last added was given to a graph: its bar may end when they are copied. */
        synchronized void allGiven() {
            arrays.get(arrays.size() - 1).allGiven = true;
            next();
        }

        synchronized void advance(int array) {
            arrays.get(array).copied++;
            if (array == current) open.advance(1);
            next();
        }

        /** Where the array being copied is (the first whose bar has not ended). */
        synchronized String current() {
            return current < arrays.size() ? arrays.get(current).where : "the end";
        }

        /** Ends the bars of the arrays done, and starts the next one's. */
        private void next() {
            while (current < arrays.size()) {
                Array a = arrays.get(current);
                if (!a.allGiven || a.copied < a.files) return;
                open.close();
                open = Progress.NONE;
                if (++current < arrays.size()) {
                    Array n = arrays.get(current);
                    open = sink.start(n.label, n.total, n.unit);
                    if (n.copied > 0) open.advance(n.copied);
                }
            }
        }

        /** Ends the running bar (a failed copy: the bars after it never start). */
        @Override
        public synchronized void close() {
            open.close();
            open = Progress.NONE;
            current = arrays.size();
        }
    }

    /** A fetch's answer: the bytes (null: the key is missing), boxed since a task's result is never null. */
    record Fetched(byte[] bytes) implements Serializable {
    }

    /**
     * Fetches a chunk file: whole when there is no local file (or with --verify), else the two
     * bytes around the local file's end, which tell whether the source's file has the same size
     * and last byte.
     */
    record Fetch(Source source, String key, long localSize, boolean verify) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            boolean whole = localSize < 0 || verify;
            return new Fetched(source.get(key, whole ? null : ByteRequest.range(Math.max(0, localSize - 1), 2)));
        }

        @Override
        public boolean mayShareInput() {
            return false;
        }

        @Override
        public String name() {
            return "fetch " + key;
        }
    }

    /** What writing one file did, in numbers a {@link Tally} adds up. */
    record Outcome(long written, long bytes, long present, long repaired, long verified, long missing, long fetched) implements Serializable {
        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(written + o.written, bytes + o.bytes, present + o.present, repaired + o.repaired,
                    verified + o.verified, missing + o.missing, fetched + o.fetched);
        }
    }

    /**
     * Writes what its fetch got: a missing file stays absent in the copy (the fill value); a file a
     * previous run left is kept when the source's bytes agree, else fetched again and rewritten (a
     * truncated chunk is so repaired); with --verify it is compared whole.
     */
    record Write(Source source, String key, String file, long localSize, boolean verify, boolean atomic, Bar bar) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            byte[] got = ((Fetched) inputs.get(0)).bytes();
            Path path = Path.of(file);
            Outcome o;
            if (localSize < 0) {
                o = got == null ? new Outcome(0, 0, 0, 0, 0, 1, 1) : written(path, got, 0, atomic);
            } else if (verify) {
                if (got == null) {
                    o = new Outcome(0, 0, 1, 0, 0, 1, 1); // gone from the source: the local file is left alone
                } else if (Arrays.equals(Files.readAllBytes(path), got)) {
                    o = new Outcome(0, 0, 1, 0, 1, 0, 1);
                } else {
                    o = written(path, got, 1, atomic);
                }
            } else if (sameEnd(path, got)) {
                o = new Outcome(0, 0, 1, 0, 0, 0, 0);
            } else {
                byte[] whole = source.get(key, null);
                o = whole == null ? new Outcome(0, 0, 0, 1, 0, 1, 1) : written(path, whole, 1, atomic);
            }
            bar.advance();
            return o;
        }

        /**
         * Given the source's bytes at localSize-1 and localSize: exactly one byte comes back when
         * the sizes agree (two when the source is longer, none when it is shorter), and it must
         * equal the file's last. A file gone from the source is left alone.
         */
        private boolean sameEnd(Path path, byte[] end) throws IOException {
            if (end == null) return true;
            if (localSize == 0) return end.length == 0;
            if (end.length != 1) return false;
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(path.toFile(), "r")) {
                f.seek(localSize - 1);
                return f.read() == (end[0] & 0xFF);
            }
        }

        private static Outcome written(Path path, byte[] bytes, long repaired, boolean atomic) throws IOException {
            write(path, bytes, atomic);
            return new Outcome(1, bytes.length, 0, repaired, 0, 0, 1);
        }

        @Override
        public boolean mayShareInput() {
            return false;
        }

        @Override
        public String name() {
            return "write " + key;
        }
    }

    /** Adds up the writes' outcomes as they come, in any order. */
    record Tally() implements Fold {
        @Override
        public Order order() {
            return Order.ANY_ORDER;
        }

        @Override
        public Object begin(int n) {
            return Outcome.NONE;
        }

        @Override
        public Object add(Object acc, int i, Object input) {
            return ((Outcome) acc).plus((Outcome) input);
        }

        @Override
        public Object end(Object acc) {
            return acc;
        }
    }

    /**
     * Writes a file: atomically ({@link #writeAtomically}), or in place in a folder that does not
     * look complete (one a killed run cut short is smaller than the source's, which the next run's
     * size check finds).
     */
    static void write(Path file, byte[] bytes, boolean atomic) throws IOException {
        if (atomic) writeAtomically(file, bytes);
        else writeInPlace(file, bytes);
    }

    /** Writes a file in place; a failed write leaves no file behind. */
    private static void writeInPlace(Path file, byte[] bytes) throws IOException {
        boolean written = false;
        try {
            try (java.io.FileOutputStream o = new java.io.FileOutputStream(file.toFile())) {
                o.write(bytes);
            }
            written = true;
        } finally {
            if (!written) Files.deleteIfExists(file);
        }
    }

    /** Writes under a temporary name and renames, so that a file with the final name is always complete. */
    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + OmeDownload.PART);
        writeInPlace(tmp, bytes);
        boolean moved = false;
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp); // a failed rename leaves no part file behind
        }
    }
}
