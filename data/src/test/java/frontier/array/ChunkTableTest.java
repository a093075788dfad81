package frontier.array;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkTableTest {
    /** A source that knows stored sizes: chunk (i, j) takes 100 + i bytes, chunk (1, 1) is missing. */
    static class Sized extends ArraySource implements StoredChunks {
        Sized(NdArray a, int... chunks) {
            super(a, chunks);
        }

        @Override
        public long storedBytes(long[] idx) {
            return idx[0] == 1 && idx[1] == 1 ? -1 : 100 + idx[0];
        }
    }

    @Test
    void oneRowPerChunkWithSizesRatiosAndCids() {
        ChunkedArray a = ChunkedArray.fromZarr(new Sized(NdArray.zeros(DType.UINT16, 5, 4), 2, 3));
        Table t = a.chunkTable(key -> "bafy-" + key);
        assertEquals(6, t.rowCount());
        assertEquals(java.util.List.of("key", "index", "shape", "stored bytes", "ratio", "cid"), t.columnNames());
        assertEquals("0.1", t.stringColumn("key").get(1));
        assertEquals("(0, 1)", t.stringColumn("index").get(1));
        assertEquals("(2, 1)", t.stringColumn("shape").get(1));
        assertEquals("(1, 3)", t.stringColumn("shape").get(4));
        assertEquals(102L, t.longColumn("stored bytes").get(4));
        assertEquals(12.0 / 100, t.doubleColumn("ratio").get(0), 1e-9);
        assertTrue(t.longColumn("stored bytes").isMissing(3));
        assertEquals("bafy-2.1", t.stringColumn("cid").get(5));
        // a slice lists only the chunks it reads
        assertEquals(2, a.get(ChunkedArray.range(4, null), ChunkedArray.ALL).chunkTable().rowCount());
        assertFalse(a.chunkTable().columnNames().contains("cid"));
    }

    @Test
    void zarrArraysListTheirKeys() throws Exception {
        Path dir = Files.createTempDirectory("chunk-table");
        try {
            frontier.zarr.ZarrArray z = frontier.zarr.Zarr.createArray(new frontier.store.FileStore(dir), "0",
                    frontier.zarr.ArrayMetadata.builder(DType.UINT16, new long[]{3, 4}, new int[]{2, 4}).build());
            z.writeChunk(new long[]{0, 0}, NdArray.zeros(DType.UINT16, 2, 4));
            Table t = ChunkedArray.fromZarr(z).chunkTable();
            assertEquals(2, t.rowCount());
            assertEquals("0/1.0", t.stringColumn("key").get(1));
            long size = Files.size(dir.resolve("0/0.0"));
            assertEquals(size, t.longColumn("stored bytes").get(0));
            assertTrue(t.longColumn("stored bytes").isMissing(1), "chunk 1.0 was never written");
            assertEquals(Math.round(100.0 * 16 / size) / 100.0, t.doubleColumn("ratio").get(0), 1e-9);
        } finally {
            try (var f = Files.walk(dir)) {
                f.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A grid of 2^31-1 chunks is refused with a clear error, not an 8 GB array of chunk sizes (the table, the graph, any compute). */
    @Test
    void anArrayWithMoreChunksThanAGraphCanHoldIsRefusedUpFront() {
        ArraySource huge = ArraySource.metadata(DType.UINT16, new long[]{Integer.MAX_VALUE}, 1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ChunkedArray.fromZarr(huge));
        assertTrue(e.getMessage().contains("has 2,147,483,647 chunks; a lazy array handles at most 4,194,304"), e.getMessage());
        ArraySource wide = ArraySource.metadata(DType.UINT8, new long[]{65536, 65536, 65536}, 1, 1, 1);
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ChunkedArray.fromZarr(wide));
        assertTrue(e.getMessage().contains("has 281,474,976,710,656 chunks"), e.getMessage());
        ArraySource empty = ArraySource.metadata(DType.UINT8, new long[]{0, Integer.MAX_VALUE}, 1, 1); // no chunks, but a 2^31 grid axis
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ChunkedArray.fromZarr(empty));
        assertTrue(e.getMessage().contains("has 2,147,483,647 chunks along one axis"), e.getMessage());
    }
}
