package frontier.array;

import frontier.array.graph.FusedOp;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.ops.ReadChunk;
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
 * {@link StoredChunks}), and the chunk's CID when a CID lookup is known.
 */
final class ChunkTable {
    private ChunkTable() {
    }

    static Table of(ChunkedArray a, Function<String, String> cidOf) {
        List<ReadChunk> reads = new ArrayList<>();
        for (Task t : a.graph().tasks().values()) collect(t.op(), reads);
        StringColumn key = StringColumn.create("key");
        StringColumn index = StringColumn.create("index");
        StringColumn shape = StringColumn.create("shape");
        LongColumn stored = LongColumn.create("stored bytes");
        DoubleColumn ratio = DoubleColumn.create("ratio");
        StringColumn cid = StringColumn.create("cid");
        String name = null;
        boolean anyStored = false;
        for (ReadChunk r : reads) {
            ChunkSource src;
            try {
                src = ChunkSources.open(r.location());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (name == null) name = "chunks of " + (src.location() == null ? "an in-memory array" : src.location());
            key.append(r.chunkKey());
            int[] idx = new int[r.chunkIndex().length];
            for (int i = 0; i < idx.length; i++) idx[i] = (int) r.chunkIndex()[i];
            index.append(ChunkedArray.tuple(idx));
            shape.append(ChunkedArray.tuple(r.validShape()));
            Function<String, String> cids = cidOf;
            if (src instanceof StoredChunks) {
                anyStored = true;
                long n;
                try {
                    n = ((StoredChunks) src).storedBytes(r.chunkIndex());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stat chunk '" + r.chunkKey() + "' of " + r.location() + ": " + e.getMessage(), e);
                }
                long raw = (long) src.dtype().itemSize();
                for (int c : src.chunks()) raw *= c;
                if (n < 0) {
                    stored.appendMissing();
                    ratio.appendMissing();
                } else {
                    stored.append(n);
                    if (n == 0) ratio.appendMissing();
                    else ratio.append(Math.round(100.0 * raw / n) / 100.0);
                }
                if (cids == null) cids = ((StoredChunks) src).cidOf();
            } else {
                stored.appendMissing();
                ratio.appendMissing();
            }
            cid.append(cids == null ? null : cids.apply(r.chunkKey()));
        }
        Table t = Table.create(name == null ? "chunks" : name, key, index, shape);
        if (anyStored) t.addColumns(stored, ratio);
        if (cid.countMissing() < cid.size()) t.addColumns(cid);
        return t;
    }

    private static void collect(Op op, List<ReadChunk> out) {
        if (op instanceof ReadChunk) out.add((ReadChunk) op);
        else if (op instanceof FusedOp) for (Op o : ((FusedOp) op).chain()) collect(o, out);
    }
}
