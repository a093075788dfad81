package frontier.zarr;

import frontier.array.Count;
import frontier.array.NdArray;
import frontier.array.ReadChunk;
import frontier.array.SourceRef;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.graph.TaskGraph;
import frontier.array.graph.TaskKey;
import frontier.array.sched.ComputeException;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.zarr.v3.RawChunk;
import frontier.zarr.v3.ShardIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks that read inner chunks of a sharded v3 array for a region: the shards' indexes are read
 * first (in parallel, on threads here), then neighbouring inner chunks of a shard come in one ranged
 * read (a fetch task, I/O) that the decode task of each inner chunk takes apart (CPU). Empty inner
 * chunks are plain chunk reads (fill value, no request). Local shard files are read inner chunk by
 * inner chunk instead, each a positional read into a reused buffer decoded at once, as v2's chunk files are.
 */
final class ShardReads {
    /** Neighbouring inner chunks closer than this are fetched in one ranged read. */
    static final long MAX_GAP = 64 << 10;
    /** ...up to this many bytes per read. */
    static final long MAX_RUN = 4 << 20;

    private ShardReads() {
    }

    /** Adds tasks reading these chunks (in this order) to g; returns each chunk's task key. */
    static List<TaskKey> plan(ZarrArray a, V3Chunks v3, SourceRef ref, String prefix, List<long[]> chunks, List<int[]> rel, TaskGraph.Builder g) throws IOException {
        Map<String, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) byShard.computeIfAbsent(v3.storeKey(v3.shardOf(chunks.get(i))), k -> new ArrayList<>()).add(i);
        loadIndexes(ref, byShard.keySet());
        TaskKey[] keys = new TaskKey[chunks.size()];
        int[] chunkShape = a.chunks();
        int runs = 0;
        for (Map.Entry<String, List<Integer>> e : byShard.entrySet()) {
            String shardKey = e.getKey();
            ShardIndex ix = v3.index(shardKey);
            List<long[]> wanted = new ArrayList<>(); // {chunk position, offset, nbytes}
            for (int i : e.getValue()) {
                int k = ix == null ? -1 : ix.linear(v3.inShard(chunks.get(i)));
                if (k < 0 || ix.isEmpty(k)) {
                    keys[i] = g.put(new Task(new TaskKey(prefix + "chunk", rel.get(i)), new ReadChunk(ref, chunks.get(i), chunkShape), List.of()));
                    continue;
                }
                v3.checkEntry(ix, k, shardKey);
                wanted.add(new long[]{i, ix.offset(k), ix.nbytes(k)});
            }
            wanted.sort(Comparator.comparingLong(w -> w[1]));
            if (v3.localShards()) {
                // local shard files: one positional read per inner chunk into a thread's buffer, decoded at once
                for (long[] w : wanted) {
                    int i = (int) w[0];
                    keys[i] = g.put(new Task(new TaskKey(prefix + "chunk", rel.get(i)), new ReadInner(ref, chunks.get(i), shardKey, w[1], (int) w[2]), List.of()));
                }
                continue;
            }
            int from = 0;
            while (from < wanted.size()) {
                long start = wanted.get(from)[1], end = start + wanted.get(from)[2];
                int to = from + 1;
                while (to < wanted.size()) {
                    long[] w = wanted.get(to);
                    if (w[1] - end > MAX_GAP || w[1] + w[2] - start > MAX_RUN || w[1] < end) break;
                    end = Math.max(end, w[1] + w[2]);
                    to++;
                }
                TaskKey run = g.put(new Task(new TaskKey(prefix + "shard-run", runs++), new FetchRun(ref, shardKey, start, (int) (end - start)), List.of()));
                for (int j = from; j < to; j++) {
                    long[] w = wanted.get(j);
                    int i = (int) w[0];
                    keys[i] = g.put(new Task(new TaskKey(prefix + "chunk", rel.get(i)), new DecodeInner(ref, chunks.get(i), (int) (w[1] - start), (int) w[2]), List.of(run)));
                }
                from = to;
            }
        }
        return List.of(keys);
    }

    /** Reads the indexes of the shards that are not cached yet, in parallel. */
    private static void loadIndexes(SourceRef ref, Iterable<String> shardKeys) throws IOException {
        TaskGraph.Builder g = new TaskGraph.Builder();
        List<TaskKey> loads = new ArrayList<>();
        int n = 0;
        for (String k : shardKeys) loads.add(g.put(new Task(new TaskKey("index", n++), new LoadIndex(ref, k), List.of())));
        TaskKey done = g.put(new Task(new TaskKey("indexes"), new Count(), loads));
        try {
            ThreadPoolScheduler.quiet().run(g.build(done));
        } catch (ComputeException e) {
            throw ZarrArray.unwrap(e);
        }
    }

    private static V3Chunks v3(SourceRef ref) throws IOException {
        return ((ZarrArray) ref.open()).v3();
    }

    /** Reads (and caches) a shard's index. */
    record LoadIndex(SourceRef ref, String shardKey) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            v3(ref).index(shardKey);
            return 1L;
        }

        @Override
        public String name() {
            return "index of " + shardKey;
        }
    }

    /** One ranged read of neighbouring inner chunks of a shard. */
    record FetchRun(SourceRef ref, String shardKey, long from, int length) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            return v3(ref).readRange(shardKey, from, length);
        }

        @Override
        public String name() {
            return "read " + shardKey + " bytes " + from + "-" + (from + length - 1);
        }
    }

    /** A decoded inner chunk as an array of its own (a task result outlives the buffers it was decoded in). */
    private static NdArray ownArray(RawChunk r) {
        return NdArray.fromBytes(r.dtype(), r.order(), r.exactBytes(r.order()), r.shape());
    }

    /** Reads and decodes one inner chunk of a local shard file. */
    record ReadInner(SourceRef ref, long[] chunkIndex, String shardKey, long offset, int nbytes) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            V3Chunks v3 = v3(ref);
            byte[] b = v3.readInnerLocal(shardKey, offset, nbytes).exact(); // its own array: the result must outlive this thread's next read
            return ownArray(v3.decode(chunkIndex, b, 0, b.length, false));
        }

        @Override
        public Object applyTransient(List<Object> inputs) throws Exception {
            ZarrArray a = (ZarrArray) ref.open();
            return a.decodeTransient(chunkIndex, a.v3().readInnerLocal(shardKey, offset, nbytes));
        }

        @Override
        public String name() {
            return "read " + shardKey + " bytes " + offset + "-" + (offset + nbytes - 1);
        }
    }

    /** Decodes one inner chunk out of its run's bytes. */
    record DecodeInner(SourceRef ref, long[] chunkIndex, int offset, int nbytes) implements Op {
        @Override
        public Object apply(List<Object> inputs) throws Exception {
            V3Chunks v3 = v3(ref);
            return ownArray(v3.decode(chunkIndex, (byte[]) inputs.get(0), offset, nbytes, false));
        }

        @Override
        public Object applyTransient(List<Object> inputs) throws Exception {
            ZarrArray a = (ZarrArray) ref.open();
            RawChunk r = a.v3().decode(chunkIndex, (byte[]) inputs.get(0), offset, nbytes, true);
            return ChunkCopy.toThreadArray(r, a.dtype(), a.chunks());
        }

        @Override
        public String name() {
            return "decode " + java.util.Arrays.toString(chunkIndex);
        }
    }
}
