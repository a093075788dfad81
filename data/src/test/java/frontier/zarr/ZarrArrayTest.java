package frontier.zarr;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.store.MemoryStore;
import frontier.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZarrArrayTest {
    @TempDir
    Path dir;

    @Test
    void orderFChunksAreColumnMajor() throws IOException {
        MemoryStore s = new MemoryStore();
        ZarrArray a = Zarr.createArray(s, "f", ArrayMetadata.builder(DType.UINT8, new long[]{2, 3}, new int[]{2, 3})
                .order('F').compressor(null).build());
        a.write(new long[2], NdArray.wrap(DType.UINT8, new byte[]{0, 1, 2, 3, 4, 5}, 2, 3));
        assertArrayEquals(new byte[]{0, 3, 1, 4, 2, 5}, s.get("f/0.0"));
        assertArrayEquals(new byte[]{0, 1, 2, 3, 4, 5}, (byte[]) a.read().data());
    }

    /** Reads go through blosc's byte-swapping unshuffle for the non-native order; every dtype must come back bit for bit. */
    @Test
    void everyDtypeAndByteOrderReadsBackThroughBlosc() throws IOException {
        java.util.Random rnd = new java.util.Random(17);
        int[] shape = {5, 37, 21};
        long[] off = {1, 3, 2};
        int[] sub = {3, 30, 17};
        for (DType dt : DType.values()) {
            for (ByteOrder bo : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                for (int shuffle = 0; shuffle <= 2; shuffle++) {
                    String what = dt + " " + bo + " shuffle=" + shuffle;
                    MemoryStore s = new MemoryStore();
                    ZarrArray a = Zarr.createArray(s, "a", ArrayMetadata.builder(dt, new long[]{5, 37, 21}, new int[]{2, 16, 21})
                            .byteOrder(bo).compressor(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", shuffle)).build());
                    int item = dt.itemSize();
                    byte[] raw = new byte[5 * 37 * 21 * item];
                    rnd.nextBytes(raw);
                    if (dt == DType.BOOL) for (int i = 0; i < raw.length; i++) raw[i] &= 1;
                    a.write(NdArray.fromBytes(dt, bo, raw, shape));
                    assertArrayEquals(raw, a.read().toBytes(bo), what);
                    byte[] expected = new byte[3 * 30 * 17 * item];
                    int k = 0;
                    for (int i = 0; i < sub[0]; i++) {
                        for (int j = 0; j < sub[1]; j++) {
                            int from = (((i + 1) * 37 + j + 3) * 21 + 2) * item;
                            System.arraycopy(raw, from, expected, k, sub[2] * item);
                            k += sub[2] * item;
                        }
                    }
                    assertArrayEquals(expected, a.read(off, sub).toBytes(bo), what + " region");
                }
            }
        }
    }

    @Test
    void arraysBeyondTwoToThe31ElementsOpenAndReadByRegion() throws IOException {
        MemoryStore s = new MemoryStore();
        ZarrArray a = Zarr.createArray(s, "big", ArrayMetadata.builder(DType.UINT16, new long[]{100_000, 100_000}, new int[]{1000, 1000})
                .fillValue(7).compressor(Map.of("id", "zlib", "level", 1)).build());
        assertArrayEquals(new long[]{100, 100}, a.chunkGrid());
        assertEquals(20_000_000_000L, a.nbytes());
        NdArray patch = NdArray.zeros(DType.UINT16, 3, 4);
        for (int i = 0; i < 12; i++) patch.setLong(i, 1000 + i);
        a.write(new long[]{99_997, 99_996}, patch);
        assertEquals(List.of("big/99.99"), s.list("big/").stream().filter(k -> !k.startsWith(".")).map(k -> "big/" + k).toList());
        NdArray r = a.read(new long[]{99_996, 99_995}, new int[]{4, 5});
        assertEquals(7, r.getLongAt(0, 0));
        assertEquals(1000, r.getLongAt(1, 1));
        assertEquals(1011, r.getLongAt(3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, a::read);
        assertTrue(e.getMessage().contains("by region"), e.getMessage());
        ZarrArray again = Zarr.openArray(s, "big");
        assertEquals(1011, again.read(new long[]{99_999, 99_999}, new int[]{1, 1}).getLong(0));
        assertEquals("big/99.99", again.chunkKey(new long[]{99, 99}));
        assertEquals(1, again.nchunksInitialized());
    }

    @Test
    void metadataIsWrittenAsZarrPythonWritesIt() throws IOException {
        FileStore s = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(s, "");
        assertEquals("{\n    \"zarr_format\": 2\n}", Files.readString(dir.resolve(".zgroup")));
        root.createArray("a", ArrayMetadata.builder(DType.FLOAT32, new long[]{3}, new int[]{2}).fillValue("NaN")
                .compressor(null).byteOrder(ByteOrder.BIG_ENDIAN).build());
        assertEquals("{\n    \"chunks\": [\n        2\n    ],\n    \"compressor\": null,\n    \"dtype\": \">f4\",\n"
                + "    \"fill_value\": \"NaN\",\n    \"filters\": null,\n    \"order\": \"C\",\n    \"shape\": [\n        3\n    ],\n"
                + "    \"zarr_format\": 2\n}", Files.readString(dir.resolve("a/.zarray")));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("z", 1.0e-5);
        attrs.put("a", List.of("é", 3, 2.5, true));
        root.updateAttrs(attrs);
        assertEquals("{\n    \"a\": [\n        \"\\u00e9\",\n        3,\n        2.5,\n        true\n    ],\n    \"z\": 1e-05\n}",
                Files.readString(dir.resolve(".zattrs")));
        assertEquals("[a, z]", Zarr.open(dir).attrs().keySet().toString());
        // nested creation makes the parent groups
        Zarr.createArray(s, "g/h/arr", ArrayMetadata.builder(DType.INT8, new long[]{1}, new int[]{1}).build());
        assertTrue(Files.exists(dir.resolve("g/.zgroup")));
        assertTrue(Files.exists(dir.resolve("g/h/.zgroup")));
        assertThrows(IOException.class, () -> root.createArray("a", ArrayMetadata.builder(DType.INT8, new long[]{1}, new int[]{1}).build()));
    }

    @Test
    void textForms() throws IOException {
        FileStore s = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(s, "");
        ZarrArray a = root.createArray("0", ArrayMetadata.builder(DType.UINT16, new long[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271})
                .byteOrder(ByteOrder.BIG_ENDIAN).compressor(Map.of("id", "zlib", "level", 1)).build());
        assertEquals("<zarr Array '/0' (1, 2, 236, 275, 271) uint16>", a.toString());
        a.write(new long[5], NdArray.zeros(DType.UINT16, 1, 1, 1, 275, 271));
        String info = a.info().toString();
        assertTrue(info.contains("Data type          : >u2"), info);
        assertTrue(info.contains("No. bytes          : 70351600 (67.1M)"), info);
        assertTrue(info.contains("Chunks initialized : 1/472"), info);
        assertTrue(info.contains("Compressor         : Zlib(level=1)"), info);
        assertEquals("1/472", a.info().get("Chunks initialized"));
        root.createGroup("labels").createArray("cells", ArrayMetadata.builder(DType.UINT8, new long[]{4}, new int[]{2}).build());
        assertEquals("<zarr Group '/labels'>", root.group("labels").toString());
        assertEquals("/\n ├── 0 (1, 2, 236, 275, 271) uint16\n └── labels\n      └── cells (4,) uint8\n", root.tree());
        assertEquals(dir.resolve("0").toString(), a.location());
        assertEquals(a.metadata().toJson(), Zarr.openArray(a.location()).metadata().toJson());
        // a store that cannot list: "unknown"
        Store unlisted = new ZarrPythonReadTest.CountingStore(s, new AtomicInteger(), false);
        String info2 = Zarr.openArray(unlisted, "0").info().toString();
        assertTrue(info2.contains("Chunks initialized : unknown/472"), info2);
        assertNull(Zarr.createArray(new MemoryStore(), "m", ArrayMetadata.builder(DType.INT8, new long[]{1}, new int[]{1}).build()).location());
    }

    @Test
    void unlistableStoresFindChildrenFromMetadata() throws IOException {
        FileStore s = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(s, "");
        for (String k : List.of("0", "1")) root.createArray(k, ArrayMetadata.builder(DType.UINT8, new long[]{2}, new int[]{2}).build());
        root.createGroup("labels").updateAttrs(Map.of("labels", List.of("cells")));
        root.group("labels").createGroup("cells");
        root.updateAttrs(Map.of("multiscales", List.of(Map.of("datasets", List.of(Map.of("path", "0"), Map.of("path", "1"))))));
        Store unlisted = new ZarrPythonReadTest.CountingStore(s, new AtomicInteger(), false);
        ZarrGroup g = Zarr.open(unlisted);
        assertEquals(List.of("0", "1"), g.keys());
        g.group("labels");
        assertEquals(List.of("0", "1", "labels"), g.keys());
        assertEquals(List.of("cells"), g.group("labels").groupKeys());
        assertEquals(List.of("0", "1", "labels"), Zarr.open(s).keys());
    }

    /** A slow remote-like store: reads overlap beyond the core count and the values are right. */
    @Test
    void remoteStoreReadsOverlap() throws IOException {
        MemoryStore mem = new MemoryStore();
        ZarrArray w = Zarr.createArray(mem, "a", ArrayMetadata.builder(DType.INT32, new long[]{40, 40}, new int[]{5, 5}).build());
        NdArray v = NdArray.zeros(DType.INT32, 40, 40);
        for (int i = 0; i < v.size(); i++) v.setLong(i, i);
        w.write(new long[2], v);
        AtomicInteger inFlight = new AtomicInteger(), maxInFlight = new AtomicInteger();
        Store slow = new Store() {
            @Override
            public byte[] get(String key) throws IOException {
                int n = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(n, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                } finally {
                    inFlight.decrementAndGet();
                }
                return mem.get(key);
            }

            @Override
            public String locate(String key) {
                return "slow:/" + key;
            }

            final frontier.store.StoreStats stats = new frontier.store.StoreStats();

            @Override
            public frontier.store.StoreStats stats() {
                return stats;
            }
        };
        assertEquals(v, Zarr.openArray(slow, "a").read());
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(maxInFlight.get() > cores, "at most " + maxInFlight.get() + " concurrent reads on " + cores + " cores");
    }

    @Test
    void fillValuesRoundTrip() throws IOException {
        MemoryStore s = new MemoryStore();
        Object[][] cases = {{DType.FLOAT64, "NaN", "NaN"}, {DType.FLOAT32, Double.POSITIVE_INFINITY, "Infinity"},
                {DType.FLOAT16, "-Infinity", "-Infinity"}, {DType.BOOL, true, true}, {DType.INT8, -3, -3L},
                {DType.UINT64, -1L, new java.math.BigInteger("18446744073709551615")}, {DType.COMPLEX64, new double[]{1, -2}, List.of(1.0, -2.0)},
                {DType.INT16, null, null}, {DType.FLOAT64, 0.25, 0.25}};
        int i = 0;
        for (Object[] c : cases) {
            ZarrArray a = Zarr.createArray(s, "a" + i++, ArrayMetadata.builder((DType) c[0], new long[]{3}, new int[]{2}).fillValue(c[1]).build());
            ZarrArray b = Zarr.openArray(s, a.path());
            assertEquals(c[2], b.metadata().fillValue().toJson(), String.valueOf(c[0]));
            NdArray r = b.read();
            NdArray expect = b.metadata().fillValue().scalar();
            assertEquals(expect.getDouble(0), r.getDouble(2), 0.0, String.valueOf(c[0]));
        }
        String json = new String(s.get("a0/.zarray"), StandardCharsets.US_ASCII);
        assertTrue(json.contains("\"fill_value\": \"NaN\""), json);
    }

    /**
     * Chunks that span an array's trailing dimensions are whole runs of a region read's output, and
     * 2-byte chunks are decoded straight into them (ChunkSource.readChunkInto): every codec layout,
     * byte order and store, missing chunks (fill value), edge chunks and partly covered chunks
     * (copied the plain way) must read back the values written.
     */
    @Test
    void chunksSpanningTheTrailingDimensionsReadStraightIntoTheRegion() throws IOException {
        java.util.Random rnd = new java.util.Random(23);
        long[] shape = {3, 5, 5, 6};
        int[] ishape = {3, 5, 5, 6};
        int[] chunks = {1, 2, 5, 6};
        int n = 3 * 5 * 5 * 6;
        List<Map<String, Object>> compressors = new java.util.ArrayList<>();
        compressors.add(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 1));
        compressors.add(Map.of("id", "blosc", "cname", "zstd", "clevel", 3, "shuffle", 1, "blocksize", 32));
        compressors.add(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 0));
        compressors.add(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 2));
        compressors.add(Map.of("id", "zlib", "level", 1));
        compressors.add(null);
        int k = 0;
        for (DType dt : List.of(DType.UINT16, DType.INT16)) {
            for (ByteOrder bo : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                for (Map<String, Object> comp : compressors) {
                    for (boolean onDisk : new boolean[]{false, true}) {
                        String what = dt + " " + bo + " " + comp + (onDisk ? " file" : " memory");
                        Store s = onDisk ? new FileStore(dir.resolve("s" + k++)) : new MemoryStore();
                        ZarrArray a = Zarr.createArray(s, "a", ArrayMetadata.builder(dt, shape, chunks).byteOrder(bo)
                                .fillValue(-7).compressor(comp).build());
                        short[] want = new short[n];
                        for (int i = 0; i < n; i++) want[i] = (short) rnd.nextInt();
                        // chunk (1, 1, 0, 0) is never written: fill value
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                if (i == 1 && j == 1) continue;
                                int rows = Math.min(2, 5 - 2 * j);
                                short[] part = new short[rows * 30];
                                System.arraycopy(want, (i * 5 + 2 * j) * 30, part, 0, part.length);
                                a.write(new long[]{i, 2 * j, 0, 0}, NdArray.wrap(dt, part, 1, rows, 5, 6));
                            }
                        }
                        java.util.Arrays.fill(want, (5 + 2) * 30, (5 + 4) * 30, (short) -7);
                        assertArrayEquals(want, (short[]) a.read().data(), what);
                        // rows 1..4 of planes 1..2: chunks partly covered (rows 1, 4) and whole (rows 2-3)
                        short[] sub = new short[2 * 4 * 30];
                        for (int i = 0; i < 2; i++) System.arraycopy(want, ((1 + i) * 5 + 1) * 30, sub, i * 120, 120);
                        assertArrayEquals(sub, (short[]) a.read(new long[]{1, 1, 0, 0}, new int[]{2, 4, 5, 6}).data(), what + " region");
                        // one plane: its chunks are whole runs of a smaller output
                        short[] plane = java.util.Arrays.copyOfRange(want, 2 * 150, 3 * 150);
                        assertArrayEquals(plane, (short[]) a.read(new long[]{2, 0, 0, 0}, new int[]{1, 5, 5, 6}).data(), what + " plane");
                        assertEquals(ishape.length, a.read().shape().length);
                    }
                }
            }
        }
    }

    /** A chunk that does not decode fails the region read with an error that names its key, on the direct path too. */
    @Test
    void aCorruptChunkReadStraightIntoTheRegionIsNamed() throws IOException {
        MemoryStore s = new MemoryStore();
        ZarrArray a = Zarr.createArray(s, "a", ArrayMetadata.builder(DType.UINT16, new long[]{4, 8, 8}, new int[]{1, 8, 8})
                .compressor(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 1)).build());
        short[] v = new short[4 * 64];
        for (int i = 0; i < v.length; i++) v[i] = (short) (i * 37);
        a.write(NdArray.wrap(DType.UINT16, v, 4, 8, 8));
        byte[] frame = s.get("a/2.0.0");
        s.put("a/2.0.0", java.util.Arrays.copyOf(frame, frame.length - 9)); // cut short
        IOException e = assertThrows(IOException.class, () -> a.read());
        assertTrue(e.getMessage().contains("2.0.0"), e.getMessage());
    }
}
