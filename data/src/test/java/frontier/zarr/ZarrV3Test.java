package frontier.zarr;

import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.store.MemoryStore;
import frontier.zarr.v3.ChunkKeyEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zarr v3 in our own hands: metadata, codecs, sharding, fill values, key encodings, groups (the oracle checks are in ZarritaCrossCheckTest). */
class ZarrV3Test {
    @TempDir
    Path dir;

    static NdArray randomArray(DType dt, int[] shape, long seed) {
        int n = 1;
        for (int s : shape) n *= s;
        byte[] raw = new byte[n * dt.itemSize()];
        new Random(seed).nextBytes(raw);
        if (dt == DType.BOOL) for (int i = 0; i < raw.length; i++) raw[i] &= 1;
        if (dt.isFloat() || dt.isComplex()) {
            // no NaN payloads: equality below compares bytes, and numbers are what matter
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            Random r = new Random(seed);
            int k = dt.isComplex() ? 2 : 1;
            for (int i = 0; i < n * k; i++) {
                double v = (r.nextDouble() - 0.5) * 1000;
                switch (dt.itemSize() / k) {
                    case 2 -> b.putShort(2 * i, frontier.array.Half.fromFloat((float) v));
                    case 4 -> b.putFloat(4 * i, (float) v);
                    default -> b.putDouble(8 * i, v);
                }
            }
        }
        return NdArray.fromBytes(dt, ByteOrder.LITTLE_ENDIAN, raw, shape);
    }

    static void assertSameValues(NdArray expected, NdArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(expected.toBytes(ByteOrder.LITTLE_ENDIAN), actual.toBytes(ByteOrder.LITTLE_ENDIAN), what);
    }

    @Test
    void everyDtypeRoundTripsThroughEveryCodecChain() throws IOException {
        int[] shape = {7, 9, 5};
        List<List<Map<String, Object>>> compressors = List.of(List.of(), List.of(ArrayMetadataV3.gzip(5)), List.of(ArrayMetadataV3.zstd(3)),
                List.of(ArrayMetadataV3.crc32c()), List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", 0), ArrayMetadataV3.crc32c()),
                List.of(ArrayMetadataV3.blosc("zstd", 3, "bitshuffle", 0)));
        long seed = 1;
        for (DType dt : DType.values()) {
            NdArray values = randomArray(dt, shape, seed++);
            for (List<Map<String, Object>> comp : compressors) {
                for (String endian : List.of("little", "big")) {
                    for (boolean transpose : List.of(false, true)) {
                        List<Map<String, Object>> c = new ArrayList<>();
                        for (Map<String, Object> m : comp) {
                            Map<String, Object> copy = new LinkedHashMap<>(m);
                            if ("blosc".equals(m.get("name"))) {
                                Map<String, Object> conf = new LinkedHashMap<>((Map<String, Object>) m.get("configuration"));
                                conf.put("typesize", dt.itemSize());
                                copy.put("configuration", conf);
                            }
                            c.add(copy);
                        }
                        String what = dt + " " + endian + " transpose=" + transpose + " " + comp;
                        MemoryStore s = new MemoryStore();
                        ArrayMetadataV3.Builder b = ArrayMetadataV3.builder(dt, new long[]{7, 9, 5}, new int[]{3, 4, 5})
                                .endian(endian).compressors(c);
                        if (transpose) b.transpose(2, 0, 1);
                        ZarrArray a = Zarr.createArray(s, "a", b.build());
                        a.write(values);
                        ZarrArray back = Zarr.openArray(s, "a");
                        assertSameValues(values, back.read(), what);
                        assertSameValues(values, ChunkedArray.fromZarr(back).compute(), what + " (chunked)");
                        // a region across chunk edges
                        NdArray part = back.read(new long[]{2, 3, 1}, new int[]{4, 5, 3});
                        assertEquals(values.getDouble(values.flatIndex(2, 3, 1)), part.getDouble(0), what);
                    }
                }
            }
        }
    }

    @Test
    void bytesCodecStoresTheConfiguredEndianAndTransposeTheConfiguredOrder() throws IOException {
        MemoryStore s = new MemoryStore();
        ZarrArray a = Zarr.createArray(s, "a", ArrayMetadataV3.builder(DType.UINT16, new long[]{2, 3}, new int[]{2, 3})
                .endian("big").transpose(1, 0).compressors(null).build());
        a.write(NdArray.wrap(DType.UINT16, new short[]{1, 2, 3, 4, 5, 6}, 2, 3));
        // stored: the transposed (3, 2) array, big-endian: 1 4 2 5 3 6
        assertArrayEquals(new byte[]{0, 1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6}, s.get("a/c/0/0"));
        Map<String, Object> json = ZarrJson.parseObject(s.get("a/zarr.json"), "zarr.json");
        assertEquals(3, json.get("zarr_format"));
        assertEquals("array", json.get("node_type"));
        assertEquals("uint16", json.get("data_type"));
        assertEquals(List.of(Map.of("name", "transpose", "configuration", Map.of("order", List.of(1, 0))),
                Map.of("name", "bytes", "configuration", Map.of("endian", "big"))), json.get("codecs"));
    }

    @Test
    void oneByteTypesIgnoreEndian() throws IOException {
        for (DType dt : List.of(DType.BOOL, DType.INT8, DType.UINT8)) {
            MemoryStore s = new MemoryStore();
            ZarrArray a = Zarr.createArray(s, "a", ArrayMetadataV3.builder(dt, new long[]{4}, new int[]{4}).endian("big").compressors(null).build());
            a.write(NdArray.wrap(dt, new byte[]{1, 0, 1, 1}, 4));
            assertArrayEquals(new byte[]{1, 0, 1, 1}, s.get("a/c/0"), dt.toString());
        }
    }

    @Test
    void chunkKeyEncodings() throws IOException {
        Object[][] cases = {
                {new ChunkKeyEncoding("default", "/"), "c/1/0"},
                {new ChunkKeyEncoding("default", "."), "c.1.0"},
                {new ChunkKeyEncoding("v2", "."), "1.0"},
                {new ChunkKeyEncoding("v2", "/"), "1/0"},
        };
        for (Object[] c : cases) {
            ChunkKeyEncoding e = (ChunkKeyEncoding) c[0];
            Path d = Files.createTempDirectory(dir, "keys");
            ZarrArray a = Zarr.createArray(new FileStore(d), "a", ArrayMetadataV3.builder(DType.INT32, new long[]{4, 2}, new int[]{2, 2})
                    .chunkKeyEncoding(e).build());
            NdArray v = NdArray.wrap(DType.INT32, new int[]{1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
            a.write(v);
            assertTrue(Files.isRegularFile(d.resolve("a").resolve(c[1].toString())), e + ": " + c[1]);
            assertEquals("a/" + c[1], a.chunkKey(new long[]{1, 0}));
            ZarrArray back = Zarr.openArray(new FileStore(d), "a");
            assertSameValues(v, back.read(), e.toString());
            assertEquals(2, back.nchunksInitialized(), e.toString());
        }
        // a 0-d array: "c" and "0"
        MemoryStore s = new MemoryStore();
        Zarr.createArray(s, "d", ArrayMetadataV3.builder(DType.FLOAT64, new long[0], new int[0]).build()).write(NdArray.wrap(DType.FLOAT64, new double[]{2.5}));
        assertTrue(s.get("d/c") != null);
        assertEquals(2.5, Zarr.openArray(s, "d").read().getDouble(0));
    }

    @Test
    void fillValuesFollowTheSpecsRules() throws IOException {
        Object[][] ok = {
                {DType.BOOL, true, "true"},
                {DType.INT8, -128, "-128"},
                {DType.UINT8, 255, "255"},
                {DType.UINT64, new java.math.BigInteger("18446744073709551615"), "18446744073709551615"},
                {DType.INT64, Long.MIN_VALUE, Long.toString(Long.MIN_VALUE)},
                {DType.FLOAT32, "NaN", "NaN"},
                {DType.FLOAT64, "Infinity", "Infinity"},
                {DType.FLOAT16, "-Infinity", "-Infinity"},
                {DType.FLOAT32, "0x7fc00000", "NaN"},
                {DType.FLOAT32, "0x3f800000", "1.0"},
                {DType.FLOAT64, "0x4000000000000000", "2.0"},
                {DType.FLOAT16, "0x3c00", "1.0"},
                {DType.FLOAT64, 0.1, "0.1"},
                {DType.COMPLEX64, List.of(1, "NaN"), "[1.0, NaN]"},
                {DType.COMPLEX128, List.of("-Infinity", 2.5), "[-Infinity, 2.5]"},
        };
        for (Object[] c : ok) {
            DType dt = (DType) c[0];
            MemoryStore s = new MemoryStore();
            int[] chunks = {2};
            ZarrArray a = Zarr.createArray(s, "a", ArrayMetadataV3.builder(dt, new long[]{3}, chunks).fillValue(c[1]).build());
            ZarrArray back = Zarr.openArray(s, "a");
            assertEquals(c[2], back.metadata().fillValue().toString(), dt + " " + c[1]);
            // never written: reads as the fill value
            NdArray v = back.read();
            assertArrayEquals(back.metadata().fillValue().scalar().toBytes(ByteOrder.LITTLE_ENDIAN),
                    java.util.Arrays.copyOf(v.toBytes(ByteOrder.LITTLE_ENDIAN), dt.itemSize()), dt + " " + c[1]);
        }
        // a NaN with a payload keeps its bits, written back as hex
        MemoryStore s = new MemoryStore();
        Zarr.createArray(s, "p", ArrayMetadataV3.builder(DType.FLOAT32, new long[]{1}, new int[]{1}).fillValue("0x7fc00001").build());
        assertEquals("0x7fc00001", ZarrJson.parseObject(s.get("p/zarr.json"), "p").get("fill_value"));
        assertEquals(0x7fc00001, Float.floatToRawIntBits(((float[]) Zarr.openArray(s, "p").read().data())[0]));

        Object[][] bad = {
                {DType.BOOL, 1}, {DType.INT8, 128}, {DType.UINT8, -1}, {DType.INT32, 1.5}, {DType.INT32, "NaN"},
                {DType.FLOAT32, "nan"}, {DType.FLOAT32, "0x1ffffffff"}, {DType.FLOAT32, "0xzz"}, {DType.COMPLEX64, 1}, {DType.UINT16, true},
        };
        for (Object[] c : bad) {
            ZarrFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ZarrFormatException.class, () -> {
                try {
                    ArrayMetadataV3.builder((DType) c[0], new long[]{3}, new int[]{2}).fillValue(c[1]).build();
                } catch (IllegalArgumentException x) {
                    throw x.getCause();
                }
            }, c[0] + " " + c[1]);
            assertTrue(e.getMessage().contains("invalid fill_value") && e.getMessage().contains(String.valueOf(c[0])), e.getMessage());
        }
    }

    @Test
    void dimensionNamesAndAttributesLiveInZarrJson() throws IOException {
        MemoryStore s = new MemoryStore();
        ZarrGroup root = Zarr.createGroup(s, "", 3);
        ZarrArray a = root.createArray("img", ArrayMetadataV3.builder(DType.UINT8, new long[]{2, 3}, new int[]{2, 3})
                .dimensionNames(java.util.Arrays.asList("y", null)).build());
        a.updateAttrs(Map.of("units", "nm"));
        root.updateAttrs(Map.of("ome", Map.of("version", "0.5")));
        ZarrGroup g = Zarr.open(s);
        assertEquals(3, g.zarrFormat());
        assertEquals(List.of("img"), g.arrayKeys());
        assertEquals(Map.of("version", "0.5"), g.attrs().get("ome"));
        ZarrArray back = g.get("img");
        assertEquals(java.util.Arrays.asList("y", null), back.dimensionNames());
        assertEquals("nm", back.attrs().get("units"));
        assertEquals("<zarr Array '/img' (2, 3) uint8>", back.toString());
        assertNull(s.get("img/.zattrs"));
        assertNull(s.get(".zgroup"));
        String text = new String(s.get("img/zarr.json"), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("{\n  \"zarr_format\": 3,\n  \"node_type\": \"array\""), text);
    }

    // ---- sharding ----

    /** The index of a shard file, parsed here by the spec's layout (not by our codec): offset, nbytes per inner chunk. */
    static long[] rawIndex(byte[] shard, int inner, boolean atEnd) {
        int size = 16 * inner + 4;
        int at = atEnd ? shard.length - size : 0;
        CRC32C crc = new CRC32C();
        crc.update(shard, at, 16 * inner);
        ByteBuffer b = ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((int) crc.getValue(), b.getInt(at + 16 * inner), "crc32c of the index");
        long[] out = new long[2 * inner];
        for (int i = 0; i < out.length; i++) out[i] = b.getLong(at + 8 * i);
        return out;
    }

    @Test
    void shardsHoldInnerChunksWithAnIndexAtEitherEnd() throws IOException {
        for (boolean atEnd : List.of(true, false)) {
            MemoryStore s = new MemoryStore();
            ZarrArray a = Zarr.createArray(s, "a", ArrayMetadataV3.builder(DType.INT16, new long[]{6, 10}, new int[]{2, 5})
                    .shards(new int[]{4, 10}).indexAtEnd(atEnd).compressors(List.of(ArrayMetadataV3.gzip(1))).fillValue(-1).build());
            assertArrayEquals(new int[]{2, 5}, a.chunks());
            assertArrayEquals(new int[]{4, 10}, a.shards());
            // rows 0-1 hold data, rows 2-3 only the fill value: their inner chunks are empty
            short[] v = new short[60];
            java.util.Arrays.fill(v, (short) -1);
            for (int i = 0; i < 20; i++) v[i] = (short) (i * 3);
            for (int i = 40; i < 60; i++) v[i] = (short) i;
            NdArray values = NdArray.wrap(DType.INT16, v, 6, 10);
            a.write(values);
            byte[] shard0 = s.get("a/c/0/0");
            long[] ix = rawIndex(shard0, 4, atEnd);
            assertEquals(atEnd ? 0 : 16 * 4 + 4, ix[0], "first inner chunk right after a leading index");
            for (int i = 4; i < 8; i++) assertEquals(-1L, ix[i], "inner chunks (1, x) are empty: 2^64-1");
            // the inner chunk's bytes are a gzip stream of its 10 little-endian int16
            byte[] first = java.util.Arrays.copyOfRange(shard0, (int) ix[0], (int) (ix[0] + ix[1]));
            byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(first)).readAllBytes();
            assertEquals(20, raw.length);
            assertEquals(30, ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getShort(2 * 5), "element (1, 0) = 10 * 3");
            ZarrArray back = Zarr.openArray(s, "a");
            assertSameValues(values, back.read(), "index at end " + atEnd);
            assertSameValues(values, ChunkedArray.fromZarr(back).compute(), "chunked, index at end " + atEnd);
            assertEquals("a/c/0/0#1.0", back.chunkKey(new long[]{1, 0}));
            // one inner chunk rewritten in place of the old shard
            NdArray chunk = NdArray.wrap(DType.INT16, new short[]{9, 9, 9, 9, 9, 8, 8, 8, 8, 8}, 2, 5);
            back.writeChunk(new long[]{2, 1}, chunk);
            assertSameValues(chunk, Zarr.openArray(s, "a").readChunk(new long[]{2, 1}), "rewritten inner chunk");
            assertArrayEquals(java.util.Arrays.copyOf(v, 40), (short[]) Zarr.openArray(s, "a").read(new long[]{0, 0}, new int[]{4, 10}).data(),
                    "the other shard is untouched");
            short[] shard1 = (short[]) Zarr.openArray(s, "a").read(new long[]{4, 0}, new int[]{2, 10}).data();
            assertArrayEquals(new short[]{40, 41, 42, 43, 44, 9, 9, 9, 9, 9, 50, 51, 52, 53, 54, 8, 8, 8, 8, 8}, shard1, "the updated shard");
        }
    }

    /**
     * Local shard files are read inner chunk by inner chunk on files kept open (at most a few at a
     * time): more shards than that, both byte orders, the direct 2-byte blosc decode and a plain
     * chain, and a shard rewritten through the same array object reads back new, not stale, values.
     */
    @Test
    void localShardFilesReadInnerChunksAndSeeRewrites() throws IOException {
        record Case(DType dt, String endian, Map<String, Object> compressor) { }
        for (Case c : List.of(new Case(DType.UINT16, "big", ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2)),
                new Case(DType.INT16, "little", ArrayMetadataV3.blosc("zstd", 3, "shuffle", 2)),
                new Case(DType.INT32, "little", ArrayMetadataV3.gzip(1)))) {
            Path d = dir.resolve("local-" + c.dt() + "-" + c.endian());
            var store = frontier.store.Stores.directory(d);
            // 5 x 6 shards of 2 x 2 inner chunks (4, 3): more shards than files kept open
            ZarrArray a = Zarr.createArray(store, "a", ArrayMetadataV3.builder(c.dt(), new long[]{40, 36}, new int[]{4, 3})
                    .shards(new int[]{8, 6}).endian(c.endian()).compressors(List.of(c.compressor())).build());
            NdArray values = randomArray(c.dt(), new int[]{40, 36}, 7);
            a.write(values);
            ZarrArray back = Zarr.openArray(store, "a");
            String what = c.dt() + " " + c.endian() + " " + c.compressor().get("name");
            assertSameValues(values, back.read(), what);
            assertSameValues(values, ChunkedArray.fromZarr(back).compute(), what + ", chunked");
            assertSameValues(back.readChunk(new long[]{3, 5}), back.read(new long[]{12, 15}, new int[]{4, 3}), what + ", one inner chunk");
            NdArray patch = randomArray(c.dt(), new int[]{4, 3}, 8);
            back.write(new long[]{12, 15}, patch);
            assertSameValues(patch, back.read(new long[]{12, 15}, new int[]{4, 3}), what + ", rewritten inner chunk through the same array");
            assertSameValues(patch, Zarr.openArray(store, "a").readChunk(new long[]{3, 5}), what + ", rewritten inner chunk reopened");
        }
    }

    @Test
    void nestedShardsAndEdgeShards() throws IOException {
        MemoryStore s = new MemoryStore();
        Map<String, Object> innerShard = frontier.zarr.v3.ShardingCodec.json(new int[]{2, 2},
                List.of(ArrayMetadataV3.codec("bytes", new LinkedHashMap<>(Map.of("endian", "little"))), ArrayMetadataV3.zstd(1)), false);
        Map<String, Object> json = ArrayMetadataV3.builder(DType.FLOAT32, new long[]{9, 13}, new int[]{4, 4}).shards(new int[]{8, 8})
                .compressors(List.of()).toJson();
        // inner chunks (4, 4) are themselves shards of (2, 2) chunks
        Map<String, Object> outer = (Map<String, Object>) ((List<Object>) json.get("codecs")).get(0);
        ((Map<String, Object>) outer.get("configuration")).put("codecs", List.of(innerShard));
        ArrayMetadataV3 md = ArrayMetadataV3.fromJson(json, "test");
        ZarrArray a = Zarr.createArray(s, "n", md);
        NdArray values = randomArray(DType.FLOAT32, new int[]{9, 13}, 5);
        a.write(values);
        ZarrArray back = Zarr.openArray(s, "n");
        assertSameValues(values, back.read(), "nested shards");
        assertSameValues(values, ChunkedArray.fromZarr(back).compute(), "nested shards, chunked");
        NdArray part = back.read(new long[]{7, 6}, new int[]{2, 5});
        assertEquals(values.getDouble(values.flatIndex(8, 10)), part.getDouble(part.flatIndex(1, 4)));
        assertEquals(4, s.list("n/c/").size() + s.list("n/c/1/").size() - 2 + 2, "2 x 2 shards");
    }

    @Test
    void sampleImageLevelCopiedToShardedV3StatsEqualTheV2Original() throws Exception {
        Path v2 = dir.resolve("img.zarr");
        frontier.sample.SampleImage.write(new FileStore(v2), new int[]{1, 2, 6, 20, 18});
        ZarrArray level0 = Zarr.open(v2).get("0");
        Path v3 = dir.resolve("img3.zarr");
        ZarrGroup g = Zarr.createGroup(new FileStore(v3), "", 3);
        ArrayMetadataV3 md = ArrayMetadataV3.builder(level0.dtype(), level0.shape(), level0.chunks())
                .shards(new int[]{1, 1, 6, 20, 18}).compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2)))
                .dimensionNames(List.of("t", "c", "z", "y", "x")).build();
        ZarrArray copy = Zarr.write(ChunkedArray.fromZarr(level0), new FileStore(v3), "0", md);
        assertSameValues(level0.read(), copy.read(), "copy");
        List<frontier.ome.ArrayStats> a = frontier.ome.ZarrStat.stat(v2.toString(), "0");
        List<frontier.ome.ArrayStats> b = frontier.ome.ZarrStat.stat(v3.toString(), "0");
        assertEquals(a.get(0).toJsonLine(), b.get(0).toJsonLine());
        assertEquals(List.of("0"), g.arrayKeys());
        assertEquals(2, copy.nchunksInitialized(), "two shards");
        assertFalse(Files.exists(v3.resolve("0/.zarray")));
        // the bench's copy keeps the v2 chunks' blosc frames: inner chunks are the v2 chunk files, byte for byte
        Path frames = dir.resolve("frames.zarr");
        frontier.zarr.tools.ShardedCopy.main(new String[]{v2.toString(), "0", frames.toString(), "1,1,6,20,18"});
        ZarrArray f = Zarr.openArray(frames.toString(), "0");
        assertSameValues(level0.read(), f.read(), "copy of the frames");
        assertArrayEquals(Files.readAllBytes(v2.resolve("0/0.1.4.0.0")), f.readChunkBytes(new long[]{0, 1, 4, 0, 0}));
    }
    // ---- codec bytes against numcodecs, consolidated metadata, displays ----

    /** Our v3 blosc, gzip and zstd chunks decode with numcodecs 0.11 to the raw bytes, and chunks numcodecs encodes read back here. */
    @Test
    void codecBytesAgreeWithNumcodecs() throws Exception {
        PythonZarr.assumeAvailable();
        FileStore store = new FileStore(dir);
        NdArray values = randomArray(DType.UINT16, new int[]{40, 30}, 3);
        Map<String, Map<String, Object>> codecs = new LinkedHashMap<>();
        codecs.put("blosc", ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2));
        codecs.put("bloscbit", ArrayMetadataV3.blosc("zstd", 3, "bitshuffle", 2));
        codecs.put("gzip", ArrayMetadataV3.gzip(5));
        codecs.put("zstd", ArrayMetadataV3.zstd(3));
        for (Map.Entry<String, Map<String, Object>> c : codecs.entrySet()) {
            Zarr.createArray(store, c.getKey(), ArrayMetadataV3.builder(DType.UINT16, new long[]{40, 30}, new int[]{40, 30})
                    .compressors(List.of(c.getValue())).build()).write(values);
        }
        Files.write(dir.resolve("raw.bin"), values.toBytes(ByteOrder.LITTLE_ENDIAN));
        String py = String.join("\n",
                "import sys, numcodecs, os",
                "d = sys.argv[1]",
                "raw = open(os.path.join(d, 'raw.bin'), 'rb').read()",
                "codecs = {'blosc': numcodecs.Blosc(), 'bloscbit': numcodecs.Blosc(), 'gzip': numcodecs.GZip(), 'zstd': numcodecs.Zstd()}",
                "for name, c in codecs.items():",
                "    got = bytes(c.decode(open(os.path.join(d, name, 'c', '0', '0'), 'rb').read()))",
                "    assert got == raw, name",
                "    print(name, 'ok')",
                "enc = {'blosc': numcodecs.Blosc(cname='lz4', clevel=5, shuffle=numcodecs.Blosc.SHUFFLE),",
                "       'bloscbit': numcodecs.Blosc(cname='zstd', clevel=3, shuffle=numcodecs.Blosc.BITSHUFFLE),",
                "       'gzip': numcodecs.GZip(level=5), 'zstd': numcodecs.Zstd(level=3)}",
                "for name, c in enc.items():",
                "    open(os.path.join(d, name, 'c', '0', '0'), 'wb').write(c.encode(raw))");
        PythonZarr.Result r = PythonZarr.exec(120, PythonZarr.PYTHON, "-c", py, dir.toString());
        assertEquals(0, r.exitCode, r.stderr);
        assertEquals("blosc ok\nbloscbit ok\ngzip ok\nzstd ok\n", r.stdout);
        for (String name : codecs.keySet()) assertSameValues(values, Zarr.openArray(store, name).read(), name + " chunk from numcodecs");
    }

    /** Inline consolidated metadata: the tree is known from the root's zarr.json alone, on a store that cannot list. */
    @Test
    void inlineConsolidatedMetadataIsRead() throws Exception {
        MemoryStore mem = new MemoryStore();
        ZarrGroup root = Zarr.createGroup(mem, "", 3);
        root.createGroup("labels").createArray("cells", ArrayMetadataV3.builder(DType.UINT8, new long[]{4}, new int[]{2}).build())
                .write(NdArray.wrap(DType.UINT8, new byte[]{1, 2, 3, 4}, 4));
        root.createArray("0", ArrayMetadataV3.builder(DType.INT16, new long[]{3}, new int[]{3}).build());
        Map<String, Object> consolidated = new LinkedHashMap<>();
        for (String p : List.of("0", "labels", "labels/cells")) consolidated.put(p, ZarrJson.parseObject(mem.get(p + "/zarr.json"), p));
        Map<String, Object> rootJson = new LinkedHashMap<>(ZarrJson.parseObject(mem.get("zarr.json"), "root"));
        rootJson.put("consolidated_metadata", new LinkedHashMap<>(Map.of("kind", "inline", "must_understand", false, "metadata", consolidated)));
        mem.put("zarr.json", ZarrJson.writeV3(rootJson));
        List<String> asked = new ArrayList<>();
        frontier.store.Store counting = new frontier.store.Store() {
            @Override
            public byte[] get(String key) {
                asked.add(key);
                return mem.get(key);
            }

            @Override
            public String locate(String key) {
                return "mem:" + key;
            }

            final frontier.store.StoreStats stats = new frontier.store.StoreStats();

            @Override
            public frontier.store.StoreStats stats() {
                return stats;
            }
        };
        ZarrGroup g = Zarr.open(counting);
        assertEquals(List.of("0", "labels"), g.keys());
        assertEquals(List.of("cells"), g.group("labels").arrayKeys());
        assertEquals("<zarr Array '/labels/cells' (4,) uint8>", g.group("labels").get("cells").toString());
        assertEquals(List.of(".zmetadata", ".zgroup", "zarr.json"), asked, "only the root's metadata was read");
        assertEquals(4, g.group("labels").get("cells").read().getLong(3));
    }

    @Test
    void reprsInfoAndTree() throws Exception {
        FileStore s = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(s, "", 3);
        ZarrArray a = root.createArray("0", ArrayMetadataV3.builder(DType.UINT16, new long[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271})
                .shards(new int[]{1, 1, 236, 275, 271}).compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2))).build());
        assertEquals("<zarr Array '/0' (1, 2, 236, 275, 271) uint16>", a.toString());
        assertEquals("<zarr Group '/'>", Zarr.open(s).toString());
        assertEquals("/\n └── 0 (1, 2, 236, 275, 271) uint16\n", Zarr.open(s).tree());
        String info = a.info().toString();
        assertTrue(info.contains("Shard shape        : (1, 1, 236, 275, 271)"), info);
        assertTrue(info.contains("Chunk shape        : (1, 1, 1, 275, 271)"), info);
        assertTrue(info.contains("Codecs             : sharding_indexed(bytes, blosc)"), info);
        assertTrue(info.contains("Shards initialized : 0/2"), info);
        assertEquals(472, a.nchunks());
    }

    @Test
    void chunkTableHasARowPerShardFollowedByItsInnerChunks() throws Exception {
        FileStore s = new FileStore(dir);
        ZarrArray a = Zarr.createArray(s, "a", ArrayMetadataV3.builder(DType.UINT8, new long[]{4, 6}, new int[]{2, 2})
                .shards(new int[]{2, 4}).compressors(List.of()).build());
        a.write(NdArray.wrap(DType.UINT8, new byte[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 6));
        tech.tablesaw.api.Table t = ChunkedArray.fromZarr(Zarr.openArray(s, "a")).chunkTable();
        List<String> keys = new ArrayList<>(t.stringColumn("key").asList());
        // shards (0, 0) and (0, 1) hold data; (1, x) only the fill value: their inner chunks are empty, the shards absent
        assertEquals(List.of("a/c/0/0", "a/c/0/0#0.0", "a/c/0/0#0.1", "a/c/0/1", "a/c/0/1#0.0",
                "a/c/1/0", "a/c/1/0#0.0", "a/c/1/0#0.1", "a/c/1/1", "a/c/1/1#0.0"), keys);
        assertEquals(List.of("(0, 0)", "(0, 0)", "(0, 1)", "(0, 1)", "(0, 2)", "(1, 0)", "(1, 0)", "(1, 1)", "(1, 1)", "(1, 2)"),
                t.stringColumn("index").asList());
        assertEquals(Files.size(dir.resolve("a/c/0/0")), t.longColumn("stored bytes").get(0));
        assertEquals(16 * 2 + 4 + 8, Files.size(dir.resolve("a/c/0/0")));
        assertEquals(4L, t.longColumn("stored bytes").get(1));
        assertEquals("(2, 2)", t.stringColumn("shape").get(3), "the edge shard's part inside the array");
        assertTrue(t.longColumn("stored bytes").isMissing(5), "shard (1, 0) was never written");
        assertTrue(t.longColumn("stored bytes").isMissing(6));
        assertFalse(Files.exists(dir.resolve("a/c/1/0")));
    }
}
