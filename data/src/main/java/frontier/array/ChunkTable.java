package frontier.array;

import frontier.text.PythonText;
import frontier.array.graph.FusedOp;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * "What is stored in each file?": one row per stored chunk that an array reads (all of them
 * for an array straight from a store, only the touched ones for a slice): key, chunk index,
 * shape inside the array, stored bytes and compression ratio (when the source is
 * {@link StoredChunks}), and the chunk's CID when a CID lookup is known. A sharded array has a
 * row per shard (its key, shard index, size and CID), each followed by the rows of its inner
 * chunks (key "shard#position", their bytes inside the shard).
 */
final class ChunkTable {
    private ChunkTable() {
    }

    /** One row of the table. */
    private record Row(String key, String index, String shape, long stored, double ratio, String cid) {
    }

    static Table of(ChunkedArray a, Function<String, String> cidOf) {
        List<ReadChunk> reads = new ArrayList<>();
        for (Task t : a.graph().tasks().values()) collect(t.op(), reads);
        String name = null;
        boolean anyStored = false;
        List<Row> rows = new ArrayList<>();
        // a sharded array: each shard's row, then the rows of its inner chunks
        java.util.Map<String, List<Row>> byShard = new java.util.LinkedHashMap<>();
        for (ReadChunk r : reads) {
            ChunkSource src;
            try {
                src = r.source().open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (name == null) name = "chunks of " + (src.location() == null ? "an in-memory array" : src.location());
            int[] idx = new int[r.chunkIndex().length];
            for (int i = 0; i < idx.length; i++) idx[i] = (int) r.chunkIndex()[i];
            Function<String, String> cids = cidOf;
            long n = Long.MIN_VALUE;
            double ratio = Double.NaN;
            StoredChunks.Shard shard = null;
            if (src instanceof StoredChunks stored) {
                anyStored = true;
                try {
                    n = stored.storedBytes(r.chunkIndex());
                    shard = stored.shardOf(r.chunkIndex());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stat chunk '" + r.chunkKey() + "' of " + r.location() + ": " + e.getMessage(), e);
                }
                ratio = ratio(src, src.chunks(), n);
                if (cids == null) cids = stored.cidOf();
            }
            String cid = shard != null || cids == null ? null : cids.apply(r.chunkKey());
            Row row = new Row(r.chunkKey(), PythonText.tuple(idx), PythonText.tuple(r.validShape()), n, ratio, cid);
            if (shard == null) {
                rows.add(row);
                continue;
            }
            List<Row> inner = byShard.get(shard.key());
            if (inner == null) {
                inner = new ArrayList<>();
                byShard.put(shard.key(), inner);
                int[] sIdx = new int[shard.index().length];
                for (int i = 0; i < sIdx.length; i++) sIdx[i] = (int) shard.index()[i];
                rows.add(new Row(shard.key(), PythonText.tuple(sIdx), PythonText.tuple(shard.shape()), shard.storedBytes(),
                        ratio(src, shard.fullShape(), shard.storedBytes()), cids == null ? null : cids.apply(shard.key())));
                rows.add(null); // placeholder: the shard's inner rows go here
            }
            inner.add(row);
        }
        StringColumn key = StringColumn.create("key");
        StringColumn index = StringColumn.create("index");
        StringColumn shape = StringColumn.create("shape");
        LongColumn stored = LongColumn.create("stored bytes");
        DoubleColumn ratio = DoubleColumn.create("ratio");
        StringColumn cid = StringColumn.create("cid");
        java.util.Iterator<List<Row>> shards = byShard.values().iterator();
        for (Row row : rows) {
            for (Row x : row == null ? shards.next() : List.of(row)) {
                key.append(x.key());
                index.append(x.index());
                shape.append(x.shape());
                if (x.stored() < 0) stored.appendMissing();
                else stored.append(x.stored());
                if (Double.isNaN(x.ratio())) ratio.appendMissing();
                else ratio.append(x.ratio());
                cid.append(x.cid());
            }
        }
        Table t = Table.create(name == null ? "chunks" : name, key, index, shape);
        if (anyStored) t.addColumns(stored, ratio);
        if (cid.countMissing() < cid.size()) t.addColumns(cid);
        return t;
    }

    /** Decoded bytes over stored bytes, for n stored bytes of a block of this shape; NaN when not known. */
    private static double ratio(ChunkSource src, int[] shape, long n) {
        if (n <= 0) return Double.NaN;
        long raw = (long) src.dtype().itemSize();
        for (int c : shape) raw *= c;
        return Math.round(100.0 * raw / n) / 100.0;
    }

    private static void collect(Op op, List<ReadChunk> out) {
        if (op instanceof ReadChunk) out.add((ReadChunk) op);
        else if (op instanceof FusedOp) for (Op o : ((FusedOp) op).chain()) collect(o, out);
    }
}
