package frontier.zarr;

import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.store.Store;
import frontier.zarr.codec.Codecs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * zarr-python 2.13 writes a matrix of arrays (every dtype and byte order, every compressor and
 * filter numcodecs has, order C/F, both separators, fill values, edge/missing chunks, chunks
 * larger than the array) plus the values it reads back; we read each and compare byte for byte.
 * The Python script runs once for the class.
 */
class ZarrPythonReadTest {
    @TempDir
    static Path dir;
    static List<Map<String, Object>> cases;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void writeWithZarrPython() throws IOException {
        if (!PythonZarr.available()) return;
        PythonZarr.run("write", dir.toString());
        cases = (List<Map<String, Object>>) new ObjectMapper().readValue(dir.resolve("manifest.json").toFile(), Map.class).get("cases");
    }

    static byte[] raw(String name) throws IOException {
        return Files.readAllBytes(dir.resolve("raw").resolve(name + ".bin"));
    }

    @SuppressWarnings("unchecked")
    static void assumeCodecs(Map<String, Object> c) {
        List<Map<String, Object>> configs = new ArrayList<>();
        if (c.get("compressor") != null) configs.add((Map<String, Object>) c.get("compressor"));
        if (c.get("filters") != null) configs.addAll((List<Map<String, Object>>) c.get("filters"));
        for (Map<String, Object> cfg : configs) {
            try {
                Codecs.fromConfig(cfg);
            } catch (Exception e) {
                System.err.println("!!! SKIPPING " + c.get("name") + ": codec " + cfg.get("id") + " is not in Codecs yet");
                Assumptions.assumeTrue(false, "codec " + cfg + " not available yet: " + e.getMessage());
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyCaseReadsAsZarrPythonReadsIt() {
        PythonZarr.assumeAvailable();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String name = (String) c.get("name");
            tests.add(DynamicTest.dynamicTest(name + " (" + c.get("dtype") + ", " + c.get("note") + ")", () -> {
                assumeCodecs(c);
                ZarrArray a = Zarr.open(dir.resolve("data.zarr")).get(name);
                assertEquals(c.get("dtype"), a.metadata().zarrDType().toString());
                List<?> shape = (List<?>) c.get("shape");
                assertEquals(shape.size(), a.shape().length);
                for (int i = 0; i < shape.size(); i++) assertEquals(((Number) shape.get(i)).longValue(), a.shape()[i]);
                NdArray v = a.read();
                assertArrayEquals(raw(name), v.toBytes(ByteOrder.LITTLE_ENDIAN), name + ": values differ from zarr-python's");
            }));
        }
        return tests;
    }

    /** Random regions (crossing chunk edges) against the same region cut from zarr-python's values. */
    @TestFactory
    List<DynamicTest> regionsMatchTheWholeArray() {
        PythonZarr.assumeAvailable();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("order_f_3d", "sep_slash", "four_d", "dtype_be_c16", "dtype_le_f2", "one_d", "fill_nan", "big_chunks")) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ZarrArray a = Zarr.openArray(dir.resolve("data.zarr"), name);
                NdArray all = a.read();
                Random rnd = new Random(name.hashCode());
                long[] shape = a.shape();
                for (int t = 0; t < 20; t++) {
                    long[] off = new long[shape.length];
                    int[] sz = new int[shape.length];
                    for (int i = 0; i < shape.length; i++) {
                        off[i] = rnd.nextInt((int) shape[i]);
                        sz[i] = 1 + rnd.nextInt((int) (shape[i] - off[i]));
                    }
                    NdArray r = a.read(off, sz);
                    NdArray expect = NdArray.zeros(a.dtype(), sz);
                    int[] start = new int[off.length];
                    for (int i = 0; i < off.length; i++) start[i] = (int) off[i];
                    ChunkCopy.copy(all.data(), all.shape(), start, expect.data(), sz, new int[sz.length], sz, a.dtype());
                    assertEquals(expect, r, name + " region " + Arrays.toString(off) + " " + Arrays.toString(sz));
                }
            }));
        }
        return tests;
    }

    @Test
    void chunksReadOneByOneMatchTheArray() throws IOException {
        PythonZarr.assumeAvailable();
        ZarrArray a = Zarr.openArray(dir.resolve("data.zarr"), "dtype_be_u2");
        NdArray all = a.read();
        long[] grid = a.chunkGrid();
        assertArrayEquals(new long[]{3, 3}, grid);
        // first chunk row was never written: missing, reads as fill 5, and the stored bytes are null
        assertEquals(null, a.readChunkBytes(new long[]{0, 1}));
        NdArray missing = a.readChunk(new long[]{0, 1});
        for (int i = 0; i < missing.size(); i++) assertEquals(5, missing.getLong(i));
        // an edge chunk comes back full-size; its in-array part equals the array
        NdArray edge = a.readChunk(new long[]{2, 2});
        assertArrayEquals(new int[]{3, 2}, edge.shape());
        assertEquals(all.getLongAt(6, 4), edge.getLongAt(0, 0));
        assertEquals("dtype_be_u2/2.2", a.chunkKey(new long[]{2, 2}));
        assertEquals(6, a.nchunksInitialized());
        ZarrArray nested = Zarr.openArray(dir.resolve("data.zarr"), "sep_slash");
        assertEquals("sep_slash/1/2/0", nested.chunkKey(new long[]{1, 2, 0}));
        assertEquals(2 * 3 * 2 - 3 * 2, nested.nchunksInitialized());
    }

    @Test
    void groupAttrsKeysAndConsolidatedMetadata() throws IOException {
        PythonZarr.assumeAvailable();
        ZarrGroup g = Zarr.open(dir.resolve("data.zarr").toString());
        assertEquals("[_creator, multiscales, omero]", g.attrs().keySet().toString());
        assertEquals("<zarr Group '/'>", g.toString());
        List<String> keys = g.keys();
        for (Map<String, Object> c : cases) assertTrue(keys.contains((String) c.get("name")), (String) c.get("name"));
        assertTrue(g.groupKeys().contains("labels"));
        assertEquals(List.of("labels"), g.groupKeys());
        ZarrGroup cells = g.group("labels").group("cells");
        assertEquals(List.of("0"), cells.arrayKeys());
        assertEquals(9, g.get("labels/cells/0").read().getLong(0));
        ZarrFormatException e = assertThrows(ZarrFormatException.class, () -> g.get("labels"));
        assertTrue(e.getMessage().contains("group(\"labels\")"), e.getMessage());

        // with .zmetadata, the whole hierarchy costs one request, even on a store that cannot list
        AtomicInteger gets = new AtomicInteger();
        Store counting = new CountingStore(new FileStore(dir.resolve("data.zarr")), gets, false);
        ZarrGroup cg = Zarr.open(counting);
        assertEquals(keys, cg.keys());
        for (String k : cg.arrayKeys()) cg.get(k).metadata();
        cg.group("labels").group("cells").get("0");
        assertEquals(1, gets.get(), "only .zmetadata should be fetched");
    }

    /** A store wrapper counting gets, optionally unable to list (as HTTP). */
    static final class CountingStore implements Store {
        final Store inner;
        final AtomicInteger gets;
        final boolean listable;

        CountingStore(Store inner, AtomicInteger gets, boolean listable) {
            this.inner = inner;
            this.gets = gets;
            this.listable = listable;
        }

        @Override
        public byte[] get(String key) throws IOException {
            gets.incrementAndGet();
            return inner.get(key);
        }

        @Override
        public boolean isListable() {
            return listable;
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            if (!listable) throw new UnsupportedOperationException("cannot list");
            return inner.list(prefix);
        }

        @Override
        public String locate(String key) {
            return inner.locate(key);
        }

        @Override
        public frontier.store.StoreStats stats() {
            return inner.stats();
        }
    }
}
