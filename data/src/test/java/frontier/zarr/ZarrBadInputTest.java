package frontier.zarr;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad metadata and bad chunks give exceptions naming the key at fault, never AIOOBE or a hang. */
class ZarrBadInputTest {
    @TempDir
    Path dir;

    private void put(String key, String text) throws IOException {
        Path p = dir.resolve(key);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String zarray(String shape, String chunks, String dtype, String compressor, String fill) {
        return "{\"chunks\": " + chunks + ", \"compressor\": " + compressor + ", \"dtype\": \"" + dtype
                + "\", \"fill_value\": " + fill + ", \"filters\": null, \"order\": \"C\", \"shape\": " + shape + ", \"zarr_format\": 2}";
    }

    /** Runs the action, expecting an IOException whose message contains every fragment; never a hang. */
    private static IOException expectIO(Executable action, String... fragments) {
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IOException.class, action));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "message lacks '" + f + "': " + e.getMessage());
        return e;
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        put("a/.zarray", "{\"shape\": [1, 2");
        expectIO(() -> Zarr.openArray(dir, "a"), "invalid JSON", dir.resolve("a/.zarray").toString());
        put(".zgroup", "[1, 2]");
        expectIO(() -> Zarr.open(dir), "expected an object", dir.resolve(".zgroup").toString());
        put("b/.zarray", "not json at all");
        expectIO(() -> Zarr.openArray(dir.toString(), "b"), "invalid JSON", "b/.zarray");
    }

    @Test
    void invalidConsolidatedMetadata() throws IOException {
        put(".zmetadata", "{\"zarr_consolidated_format\": 1}");
        expectIO(() -> Zarr.open(dir), "consolidated", ".zmetadata");
    }

    @Test
    void unknownDtypes() throws IOException {
        for (String dt : List.of("<U5", "|O", "<f16", "|u2", "u1", "<m8[ns]", ">x4")) {
            put("a/.zarray", zarray("[4]", "[2]", dt, "null", "0"));
            expectIO(() -> Zarr.openArray(dir, "a"), "dtype '" + dt + "'", "a/.zarray");
        }
        put("s/.zarray", zarray("[4]", "[2]", "x", "null", "0").replace("\"x\"", "[[\"a\", \"<i4\"]]"));
        expectIO(() -> Zarr.openArray(dir, "s"), "dtype", "structured", "s/.zarray");
    }

    @Test
    void unknownCodecFailsAtReadNamingTheArrayAndCodec() throws IOException {
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "{\"id\": \"nosuchcodec\"}", "0"));
        put("a/0", "xxxx");
        ZarrArray a = Zarr.openArray(dir, "a"); // metadata stays readable
        assertEquals("nosuchcodec", ((ArrayMetadata) a.metadata()).compressor().get("id"));
        expectIO(a::read, "nosuchcodec", "a/.zarray");
        put("f/.zarray", zarray("[4]", "[2]", "<i4", "null", "0").replace("\"filters\": null", "\"filters\": [{\"id\": \"nosuchfilter\"}]"));
        put("f/0", "xxxxxxxx");
        expectIO(() -> Zarr.openArray(dir, "f").read(), "nosuchfilter", "f/.zarray");
        expectIO(() -> Zarr.createArray(new MemoryStore(), "x", ArrayMetadata.builder(DType.INT8, new long[]{2}, new int[]{2})
                .compressor(Map.of("id", "nosuchcodec")).build()), "nosuchcodec");
    }

    @Test
    void badShapesAndChunks() throws IOException {
        String[][] cases = {
                {"[-1, 4]", "[2, 2]", "negative"},
                {"[4611686018427387904, 4]", "[2, 2]", "overflows"},
                {"[99999999999999999999]", "[2]", "overflows"},
                {"[4, 4]", "[0, 2]", "positive"},
                {"[4, 4]", "[2]", "different lengths"},
                {"[4, 4]", "[-2, 2]", "positive"},
                {"[4, 4]", "[100000, 100000]", "2 GiB"},
                {"[4, 4]", "[4294967296, 1]", "too large"},
                {"[4, 1.5]", "[2, 2]", "not an integer"},
                {"\"abc\"", "[2]", "shape"},
        };
        for (String[] c : cases) {
            put("a/.zarray", zarray(c[0], c[1], "<i4", "null", "0"));
            expectIO(() -> Zarr.openArray(dir, "a"), c[2], "a/.zarray");
        }
        assertThrows(IllegalArgumentException.class, () -> ArrayMetadata.builder(DType.INT8, new long[]{-3}, new int[]{2}).build());
        assertThrows(IllegalArgumentException.class,
                () -> ArrayMetadata.builder(DType.INT64, new long[]{Long.MAX_VALUE, 4}, new int[]{2, 2}).build());
    }

    @Test
    void otherBadMetadata() throws IOException {
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "\"abc\""));
        expectIO(() -> Zarr.openArray(dir, "a"), "fill_value", "a/.zarray");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "1.5"));
        expectIO(() -> Zarr.openArray(dir, "a"), "fill_value", "a/.zarray");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "0").replace("\"zarr_format\": 2", "\"zarr_format\": 3"));
        expectIO(() -> Zarr.openArray(dir, "a"), "zarr_format 3", "a/.zarray");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "0").replace("\"C\"", "\"K\""));
        expectIO(() -> Zarr.openArray(dir, "a"), "order", "a/.zarray");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "0").replace("\"zarr_format\"", "\"dimension_separator\": \"-\", \"zarr_format\""));
        expectIO(() -> Zarr.openArray(dir, "a"), "dimension_separator", "a/.zarray");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "\"zlib\"", "0"));
        expectIO(() -> Zarr.openArray(dir, "a"), "compressor", "a/.zarray");
        // 0.0 for an integer dtype is accepted (old OME-Zarr files)
        put("a/.zarray", zarray("[4]", "[2]", "<u2", "null", "0.0"));
        assertEquals(0L, Zarr.openArray(dir, "a").metadata().fillValue().toJson());
    }

    @Test
    void notAZarrAndWrongKinds() throws IOException {
        expectIO(() -> Zarr.open(dir), "not a zarr", dir.toString());
        expectIO(() -> Zarr.open(dir.resolve("missing").toString()), "not a zarr");
        put("a/.zarray", zarray("[4]", "[2]", "<i4", "null", "0"));
        put(".zgroup", "{\"zarr_format\": 2}");
        expectIO(() -> Zarr.open(dir.resolve("a")), "is a Zarr array", "openArray");
        expectIO(() -> Zarr.openArray(dir), "is a Zarr group");
        ZarrGroup g = Zarr.open(dir);
        expectIO(() -> g.group("a"), "is an array", "get(\"a\")");
        expectIO(() -> g.get("nothing"), "no array 'nothing'");
        assertThrows(IllegalArgumentException.class, () -> g.get("../escape"));
    }

    private ZarrArray zlibArray() throws IOException {
        ZarrArray a = Zarr.createArray(new FileStore(dir), "z", ArrayMetadata.builder(DType.UINT16, new long[]{8, 8}, new int[]{4, 4})
                .compressor(Map.of("id", "zlib", "level", 1)).build());
        NdArray v = NdArray.zeros(DType.UINT16, 8, 8);
        for (int i = 0; i < 64; i++) v.setLong(i, i * 7);
        a.write(new long[2], v);
        return a;
    }

    @Test
    void truncatedCorruptAndWrongLengthChunks() throws IOException {
        ZarrArray a = zlibArray();
        Path chunk = dir.resolve("z/0.1");
        byte[] good = Files.readAllBytes(chunk);
        Files.write(chunk, Arrays.copyOf(good, good.length / 2));
        expectIO(a::read, dir.resolve("z/0.1").toString(), "truncated");
        expectIO(() -> a.readChunk(new long[]{0, 1}), "z/0.1");
        Random r = new Random(1);
        for (int t = 0; t < 50; t++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + r.nextInt(8); k++) bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
            Files.write(chunk, bad);
            // a mutated stream may still inflate to 32 bytes (zlib checks adler32, so rarely); otherwise the key is named
            String msg = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    a.read();
                    return null;
                } catch (IOException e) {
                    return e.getMessage();
                }
            });
            if (msg != null) assertTrue(msg.contains("z/0.1"), msg);
        }
        byte[] junk = new byte[100];
        r.nextBytes(junk);
        Files.write(chunk, junk);
        expectIO(a::read, "z/0.1");
        // valid zlib of the wrong length
        Files.write(chunk, new frontier.zarr.codec.ZlibCodec(1).encode(new byte[10], 2));
        expectIO(a::read, "z/0.1", "decodes to 10 bytes, expected 32");
        // uncompressed arrays: a chunk of the wrong size
        ZarrArray raw = Zarr.createArray(new FileStore(dir), "raw", ArrayMetadata.builder(DType.FLOAT64, new long[]{4}, new int[]{4})
                .compressor(null).build());
        Files.write(dir.resolve("raw/0"), new byte[31]);
        expectIO(raw::read, "raw/0", "decodes to 31 bytes, expected 32");
        Files.write(dir.resolve("raw/0"), new byte[0]);
        expectIO(() -> raw.readChunk(new long[]{0}), "raw/0");
    }

    /** Local blosc chunks are read into a reused buffer: what a previous chunk left there must never be decoded. */
    @Test
    void bloscChunkFilesReadThroughTheReusedBuffer() throws IOException {
        ZarrArray a = Zarr.createArray(new FileStore(dir), "b", ArrayMetadata.builder(DType.UINT16, new long[]{64, 64}, new int[]{32, 32})
                .byteOrder(java.nio.ByteOrder.BIG_ENDIAN).compressor(Map.of("id", "blosc", "cname", "lz4", "clevel", 5, "shuffle", 1)).build());
        NdArray v = NdArray.zeros(DType.UINT16, 64, 64);
        for (int i = 0; i < v.size(); i++) v.setLong(i, (i * 37) % 1000);
        a.write(v);
        assertEquals(v, a.read());
        Path chunk = dir.resolve("b/0.1");
        byte[] good = Files.readAllBytes(chunk);
        for (int cut : new int[]{good.length - 1, good.length / 2, 17, 3}) {
            assertEquals(v, a.read()); // refill the threads' buffers with whole chunks
            Files.write(chunk, Arrays.copyOf(good, cut));
            expectIO(a::read, chunk.toString());
            Files.write(chunk, good);
        }
        // a missing chunk, or a directory in its place, reads as the fill value (as FileStore.get has it)
        Files.delete(chunk);
        assertEquals(0, a.read(new long[]{0, 32}, new int[]{32, 32}).getLong(5));
        Files.createDirectory(chunk);
        assertEquals(0, a.read(new long[]{0, 32}, new int[]{32, 32}).getLong(5));
        assertEquals(v.getLong(3), a.read().getLong(3));
    }

    @Test
    void regionsOutsideTheArray() throws IOException {
        ZarrArray a = zlibArray();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.read(new long[]{6, 0}, new int[]{4, 2}));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.read(new long[]{0}, new int[]{2}));
        assertThrows(IndexOutOfBoundsException.class, () -> a.read(new long[]{-1, 0}, new int[]{1, 1}));
        assertThrows(IndexOutOfBoundsException.class, () -> a.readChunk(new long[]{2, 0}));
        assertThrows(IllegalArgumentException.class, () -> a.write(new long[2], NdArray.zeros(DType.INT32, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> a.writeChunk(new long[2], NdArray.zeros(DType.UINT16, 2, 2)));
    }
}
