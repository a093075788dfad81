package frontier.zarr;

import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.zarr.codec.Codecs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * We write a matrix of arrays (every dtype in both byte orders, order C/F, both separators,
 * fill values, missing and edge chunks, partial overwrites, chunks larger than the array, every
 * compressor our Codecs has); one zarr-python run reads each, compares its values with the raw
 * bytes we expect, and checks our .zarray is byte-identical to what zarr-python would write.
 */
class ZarrPythonWriteTest {
    @TempDir
    static Path dir;
    static final List<Map<String, Object>> cases = new ArrayList<>();
    static final Map<String, Map<String, Object>> results = new LinkedHashMap<>();

    static Map<String, Object> cfg(String id, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Deterministic values, with NaN, infinities and -0.0 among floats. */
    static NdArray values(DType dt, int[] shape, long seed) {
        NdArray a = NdArray.zeros(dt, shape);
        Random r = new Random(seed);
        for (int i = 0; i < a.size(); i++) {
            if (dt.isFloat() || dt.isComplex()) a.setDouble(i, r.nextGaussian() * 1000);
            else a.setLong(i, r.nextLong());
        }
        if (dt.isComplex()) {
            Object d = a.data();
            for (int i = 0; i < a.size(); i++) {
                if (dt == DType.COMPLEX64) ((float[]) d)[2 * i + 1] = (float) r.nextGaussian();
                else ((double[]) d)[2 * i + 1] = r.nextGaussian();
            }
        }
        if (dt.isFloat() && a.size() > 3) {
            a.setDouble(1, Double.NaN);
            a.setDouble(2, Double.NEGATIVE_INFINITY);
            a.setDouble(3, -0.0);
        }
        return a;
    }

    static void add(FileStore store, String name, ArrayMetadata md, Object expectFill, boolean partial, long seed) throws IOException {
        ZarrArray z = Zarr.createArray(store, name, md);
        long[] shape = md.shape();
        int[] full = new int[shape.length];
        for (int i = 0; i < shape.length; i++) full[i] = (int) shape[i];
        NdArray expect = NdArray.zeros(md.dtype(), full);
        md.fillValue().fill(expect.data(), 0, expect.size());
        NdArray v = values(md.dtype(), full, seed);
        if (partial && shape.length > 0 && shape[0] > md.chunks()[0]) {
            // skip the first chunk row (missing chunks read as fill), then overwrite an odd box twice
            int c0 = md.chunks()[0];
            int[] sub = full.clone();
            sub[0] = full[0] - c0;
            long[] off = new long[shape.length];
            off[0] = c0;
            int[] start = new int[shape.length];
            start[0] = c0;
            NdArray part = NdArray.zeros(md.dtype(), sub);
            ChunkCopy.copy(v.data(), full, start, part.data(), sub, new int[sub.length], sub, md.dtype());
            z.write(off, part);
            ChunkCopy.copy(part.data(), sub, new int[sub.length], expect.data(), full, start, sub, md.dtype());
            // a box not aligned with chunks, inside the written part: read-modify-write
            int[] box = new int[shape.length];
            long[] boxOff = new long[shape.length];
            int[] boxStart = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                box[i] = Math.max(1, (int) (shape[i] - (i == 0 ? c0 : 0)) / 2);
                boxOff[i] = (i == 0 ? c0 : 0) + 1 > shape[i] - box[i] ? shape[i] - box[i] : (i == 0 ? c0 : 0) + (box[i] > 1 ? 1 : 0);
                boxStart[i] = (int) boxOff[i];
            }
            NdArray patch = values(md.dtype(), box, seed + 7);
            z.write(boxOff, patch);
            ChunkCopy.copy(patch.data(), box, new int[box.length], expect.data(), full, boxStart, box, md.dtype());
        } else {
            z.write(new long[shape.length], v);
            expect = v;
        }
        Files.createDirectories(dir.resolve("raw"));
        Files.write(dir.resolve("raw").resolve(name + ".bin"), expect.toBytes(ByteOrder.LITTLE_ENDIAN));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("expect_fill", expectFill);
        cases.add(c);
    }

    static boolean available(Map<String, Object> codec) {
        try {
            Codecs.fromConfig(codec);
            return true;
        } catch (Exception e) {
            System.err.println("!!! not writing codec case " + codec + ": not in Codecs yet");
            return false;
        }
    }

    @BeforeAll
    static void writeMatrixAndReadWithZarrPython() throws IOException {
        if (!PythonZarr.available()) return;
        FileStore store = new FileStore(dir.resolve("data.zarr"));
        Zarr.createGroup(store, "");
        Map<String, Object> zlib = cfg("zlib", "level", 1);
        long seed = 1;
        for (DType dt : DType.values()) {
            for (ByteOrder bo : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                if (dt.itemSize() == 1 && bo == ByteOrder.BIG_ENDIAN) continue;
                String name = "w_" + dt + (bo == ByteOrder.BIG_ENDIAN ? "_be" : "_le");
                Object fill = dt == DType.BOOL ? Boolean.TRUE : dt.isComplex() ? List.of(1.5, -2.0) : dt.isFloat() ? 7.5 : 5;
                ArrayMetadata md = ArrayMetadata.builder(dt, new long[]{7, 5}, new int[]{3, 2}).byteOrder(bo)
                        .compressor(zlib).fillValue(fill).build();
                add(store, name, md, fill, true, seed++);
                ArrayMetadata f = ArrayMetadata.builder(dt, new long[]{5, 6, 7}, new int[]{2, 3, 4}).byteOrder(bo)
                        .compressor(null).order('F').fillValue(fill).build();
                add(store, name + "_F", f, fill, true, seed++);
            }
        }
        add(store, "sep_slash", ArrayMetadata.builder(DType.INT32, new long[]{6, 7, 8}, new int[]{4, 3, 5})
                .compressor(zlib).dimensionSeparator("/").build(), 0, true, seed++);
        add(store, "sep_dot", ArrayMetadata.builder(DType.INT32, new long[]{6, 7}, new int[]{4, 3})
                .compressor(zlib).dimensionSeparator(".").build(), 0, true, seed++);
        add(store, "big_chunks", ArrayMetadata.builder(DType.UINT16, new long[]{3, 4}, new int[]{10, 10})
                .compressor(zlib).build(), 0, false, seed++);
        add(store, "fill_nan", ArrayMetadata.builder(DType.FLOAT32, new long[]{6, 4}, new int[]{2, 4})
                .compressor(zlib).fillValue("NaN").build(), "NaN", true, seed++);
        add(store, "fill_nan_double", ArrayMetadata.builder(DType.FLOAT64, new long[]{6, 4}, new int[]{2, 4})
                .compressor(zlib).fillValue(Double.NaN).build(), "NaN", true, seed++);
        add(store, "fill_inf", ArrayMetadata.builder(DType.FLOAT64, new long[]{6, 4}, new int[]{2, 4}).byteOrder(ByteOrder.BIG_ENDIAN)
                .compressor(zlib).fillValue("Infinity").build(), "Infinity", true, seed++);
        add(store, "fill_neginf", ArrayMetadata.builder(DType.FLOAT16, new long[]{6, 4}, new int[]{2, 4})
                .compressor(zlib).fillValue(Double.NEGATIVE_INFINITY).build(), "-Infinity", true, seed++);
        add(store, "fill_null", ArrayMetadata.builder(DType.INT16, new long[]{6, 4}, new int[]{2, 4})
                .compressor(zlib).fillValue(null).build(), null, false, seed++);
        add(store, "fill_u8_max", ArrayMetadata.builder(DType.UINT64, new long[]{6, 4}, new int[]{2, 4})
                .compressor(null).fillValue(-1L).build(), new java.math.BigInteger("18446744073709551615"), true, seed++);
        add(store, "one_d", ArrayMetadata.builder(DType.INT64, new long[]{100}, new int[]{7})
                .compressor(zlib).build(), 0, true, seed++);
        add(store, "four_d", ArrayMetadata.builder(DType.UINT16, new long[]{3, 4, 5, 6}, new int[]{2, 3, 2, 4})
                .byteOrder(ByteOrder.BIG_ENDIAN).compressor(zlib).build(), 0, true, seed++);
        add(store, "zero_d", ArrayMetadata.builder(DType.FLOAT64, new long[]{}, new int[]{})
                .compressor(null).build(), 0.0, false, seed++);
        add(store, "default_compressor", ArrayMetadata.builder(DType.UINT16, new long[]{40, 30}, new int[]{16, 16})
                .byteOrder(ByteOrder.BIG_ENDIAN).build(), 0, true, seed++);
        List<Map<String, Object>> codecs = List.of(
                cfg("gzip", "level", 5), cfg("bz2", "level", 9), cfg("zstd", "level", 3), cfg("lz4", "acceleration", 1),
                cfg("lzma", "check", -1, "filters", null, "format", 1, "preset", 1),
                cfg("blosc", "blocksize", 0, "clevel", 5, "cname", "lz4", "shuffle", 1),
                cfg("blosc", "blocksize", 0, "clevel", 5, "cname", "lz4hc", "shuffle", 2),
                cfg("blosc", "blocksize", 0, "clevel", 5, "cname", "blosclz", "shuffle", 0),
                cfg("blosc", "blocksize", 0, "clevel", 5, "cname", "zstd", "shuffle", 1),
                cfg("blosc", "blocksize", 0, "clevel", 5, "cname", "zlib", "shuffle", 1),
                cfg("blosc", "blocksize", 256, "clevel", 5, "cname", "lz4", "shuffle", 1));
        int k = 0;
        for (Map<String, Object> c : codecs) {
            if (!available(c)) continue;
            add(store, "codec_" + (k++) + "_" + c.get("id") + (c.containsKey("cname") ? "_" + c.get("cname") : ""),
                    ArrayMetadata.builder(DType.UINT16, new long[]{40, 30}, new int[]{16, 16}).byteOrder(ByteOrder.BIG_ENDIAN)
                            .compressor(c).build(), 0, true, seed++);
        }
        Map<String, Object> delta = cfg("delta", "dtype", "<i4");
        if (available(delta)) {
            add(store, "filter_delta", ArrayMetadata.builder(DType.INT32, new long[]{40, 30}, new int[]{16, 16})
                    .compressor(zlib).filters(List.of(delta)).build(), 0, true, seed++);
        }
        Zarr.open(store).updateAttrs(Map.of("omero", Map.of(), "_creator", "frontier"));
        Zarr.consolidateMetadata(store, "");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("cases", cases);
        new ObjectMapper().writeValue(dir.resolve("manifest.json").toFile(), manifest);
        ObjectMapper om = new ObjectMapper();
        for (String line : PythonZarr.run("read", dir.toString()).split("\n")) {
            if (line.isBlank()) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> r = om.readValue(line, Map.class);
            results.put((String) r.get("name"), r);
        }
    }

    @org.junit.jupiter.api.Test
    void zarrPythonOpensOurConsolidatedMetadata() throws IOException {
        PythonZarr.assumeAvailable();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = new ObjectMapper().readValue(PythonZarr.run("consolidated", dir.toString()), Map.class);
        List<String> ours = Zarr.open(dir.resolve("data.zarr")).keys();
        assertEquals(cases.size(), ours.size());
        assertEquals(ours, r.get("keys"));
        assertEquals(List.of("_creator", "omero"), r.get("attrs"));
    }

    @TestFactory
    List<DynamicTest> zarrPythonReadsWhatWeWrote() {
        PythonZarr.assumeAvailable();
        List<DynamicTest> tests = new ArrayList<>();
        assertTrue(cases.size() > 60, "matrix too small: " + cases.size());
        for (Map<String, Object> c : cases) {
            String name = (String) c.get("name");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Map<String, Object> r = results.get(name);
                assertNotNull(r, "zarr-python gave no result for " + name);
                assertEquals(Boolean.TRUE, r.get("ok"), name + ": " + r);
            }));
        }
        return tests;
    }
}
