package frontier.zarr;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and broken Zarr v3 data: each gets an error that names the file at fault, and nothing is written outside the target. */
class ZarrV3BadInputTest {
    @TempDir
    Path dir;

    static void expect(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable run, String... parts) {
        Throwable e = assertThrows(type, run);
        for (String p : parts) assertTrue(e.getMessage() != null && e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
    }

    /** A (4, 6) int32 array in one shard (4, 6) of (2, 3) chunks, index at the end with crc32c. */
    Path sharded() throws IOException {
        Path root = Files.createTempDirectory(dir, "s");
        ZarrArray a = Zarr.createArray(new FileStore(root), "a", ArrayMetadataV3.builder(DType.INT32, new long[]{4, 6}, new int[]{2, 3})
                .shards(new int[]{4, 6}).compressors(List.of()).build());
        int[] v = new int[24];
        for (int i = 0; i < v.length; i++) v[i] = i + 1;
        a.write(NdArray.wrap(DType.INT32, v, 4, 6));
        return root;
    }

    /** Rewrites the shard's index entry i (offset, nbytes) and its crc32c, as a writer would. */
    static void setEntry(Path shard, int i, long offset, long nbytes) throws IOException {
        byte[] b = Files.readAllBytes(shard);
        int n = 4, at = b.length - (16 * n + 4);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(at + 16 * i, offset);
        bb.putLong(at + 16 * i + 8, nbytes);
        CRC32C c = new CRC32C();
        c.update(b, at, 16 * n);
        bb.putInt(at + 16 * n, (int) c.getValue());
        Files.write(shard, b);
    }

    @Test
    void truncatedShardIndex() throws IOException {
        Path root = sharded();
        Path shard = root.resolve("a/c/0/0");
        Files.write(shard, java.util.Arrays.copyOf(Files.readAllBytes(shard), 40));
        ZarrArray a = Zarr.openArray(new FileStore(root), "a");
        expect(ZarrFormatException.class, () -> a.readChunk(new long[]{0, 0}), shard.toString(), "truncated");
        expect(ZarrFormatException.class, a::read, shard.toString(), "truncated");
        // cut in the middle instead: the last 68 bytes are no index, its checksum says so
        Path root2 = sharded();
        Path shard2 = root2.resolve("a/c/0/0");
        byte[] b = Files.readAllBytes(shard2);
        Files.write(shard2, java.util.Arrays.copyOf(b, b.length - 10));
        expect(ZarrFormatException.class, () -> Zarr.openArray(new FileStore(root2), "a").read(), shard2.toString(), "crc32c");
        // a partial write into that shard reads it whole first: the same named error, and the shard is left as it was
        byte[] before = Files.readAllBytes(shard2);
        expect(ZarrFormatException.class, () -> Zarr.openArray(new FileStore(root2), "a").writeChunk(new long[]{0, 0},
                NdArray.zeros(DType.INT32, 2, 3)), shard2.toString());
        assertEquals(java.util.HexFormat.of().formatHex(before), java.util.HexFormat.of().formatHex(Files.readAllBytes(shard2)));
    }

    @Test
    void indexPointingPastTheEndOfTheShard() throws IOException {
        Path root = sharded();
        Path shard = root.resolve("a/c/0/0");
        long size = Files.size(shard);
        setEntry(shard, 3, size - 20, 24);
        ZarrArray a = Zarr.openArray(new FileStore(root), "a");
        expect(ZarrFormatException.class, () -> a.readChunk(new long[]{1, 1}), shard.toString(), "points past the end");
        expect(ZarrFormatException.class, a::read, shard.toString(), "points past the end");
        // an offset beyond 2^63 (negative as a Java long), and a half-empty entry
        setEntry(shard, 3, -5L, 24);
        expect(ZarrFormatException.class, () -> Zarr.openArray(new FileStore(root), "a").read(), shard.toString(), "points past the end");
        setEntry(shard, 3, -1L, 24);
        expect(ZarrFormatException.class, () -> Zarr.openArray(new FileStore(root), "a").readChunk(new long[]{1, 1}), shard.toString(), "half empty");
        // inner chunks still readable
        assertEquals(1, Zarr.openArray(new FileStore(root), "a").readChunk(new long[]{0, 0}).getLong(0));
    }

    @Test
    void crc32cMismatch() throws IOException {
        FileStore s = new FileStore(dir);
        ZarrArray a = Zarr.createArray(s, "c", ArrayMetadataV3.builder(DType.UINT8, new long[]{8}, new int[]{8})
                .compressors(List.of(ArrayMetadataV3.crc32c())).build());
        a.write(NdArray.wrap(DType.UINT8, new byte[]{1, 2, 3, 4, 5, 6, 7, 8}, 8));
        Path chunk = dir.resolve("c/c/0");
        byte[] b = Files.readAllBytes(chunk);
        assertEquals(12, b.length);
        // RFC 3720's check value: the CRC32C of "123456789" is e3069283
        CRC32C c = new CRC32C();
        c.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xe3069283L, c.getValue());
        b[3] ^= 1;
        Files.write(chunk, b);
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "c").read(), chunk.toString(), "crc32c checksum mismatch");
        // a shard index with a bad checksum
        Path root = sharded();
        Path shard = root.resolve("a/c/0/0");
        byte[] sb = Files.readAllBytes(shard);
        sb[sb.length - 1] ^= 0x40;
        Files.write(shard, sb);
        expect(ZarrFormatException.class, () -> Zarr.openArray(new FileStore(root), "a").readChunk(new long[]{0, 0}), shard.toString(),
                "crc32c checksum mismatch");
    }

    @Test
    void aChunkThatDecodesToMoreThanItsShapeHolds() throws IOException {
        FileStore s = new FileStore(dir);
        Zarr.createArray(s, "g", ArrayMetadataV3.builder(DType.UINT8, new long[]{4}, new int[]{4})
                .compressors(List.of(ArrayMetadataV3.gzip(1), ArrayMetadataV3.crc32c())).build());
        byte[] big = new frontier.zarr.codec.GzipCodec(1).encode(new byte[100_000], 1);
        Files.createDirectories(dir.resolve("g/c"));
        Files.write(dir.resolve("g/c/0"), new Crc32cBytes().append(big));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "g").read(), dir.resolve("g/c/0").toString(), "gzip", "more than the expected 4");
    }

    /** Appends a valid crc32c, as the codec writes it. */
    static final class Crc32cBytes {
        byte[] append(byte[] b) {
            CRC32C c = new CRC32C();
            c.update(b);
            byte[] out = java.util.Arrays.copyOf(b, b.length + 4);
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length, (int) c.getValue());
            return out;
        }
    }

    static String zarrJson(String codecs, String extra) {
        return "{\"zarr_format\": 3, \"node_type\": \"array\", \"shape\": [4], \"data_type\": \"uint8\", "
                + "\"chunk_grid\": {\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2]}}, "
                + "\"chunk_key_encoding\": {\"name\": \"default\", \"configuration\": {\"separator\": \"/\"}}, "
                + "\"fill_value\": 0, \"codecs\": " + codecs + extra + "}";
    }

    void put(String key, String text) throws IOException {
        Path p = dir.resolve(key);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void unknownCodecsAndExtensions() throws IOException {
        FileStore s = new FileStore(dir);
        put("u/zarr.json", zarrJson("[{\"name\": \"bytes\"}, {\"name\": \"lzfse\", \"configuration\": {}}]", ""));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "u"), "unsupported codec 'lzfse'", dir.resolve("u/zarr.json").toString());
        // the same codec marked must_understand: false is left out
        put("m/zarr.json", zarrJson("[{\"name\": \"bytes\"}, {\"name\": \"lzfse\", \"must_understand\": false}]", ""));
        assertEquals(4, Zarr.openArray(s, "m").read().size());
        put("d/zarr.json", zarrJson("[{\"name\": \"bytes\"}]", "").replace("\"uint8\"", "\"int128\""));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "d"), "unsupported data_type 'int128'", "d/zarr.json");
        put("f/zarr.json", zarrJson("[{\"name\": \"bytes\"}]", ", \"rotation\": {\"name\": \"rot90\"}"));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "f"), "unsupported field 'rotation'", "f/zarr.json");
        put("g/zarr.json", zarrJson("[{\"name\": \"bytes\"}]", ", \"rotation\": {\"name\": \"rot90\", \"must_understand\": false}"));
        assertEquals(Map.of("name", "rot90", "must_understand", false), Zarr.openArray(s, "g").metadata().toJson().get("rotation"));
        put("t/zarr.json", zarrJson("[{\"name\": \"bytes\"}]", ", \"storage_transformers\": [{\"name\": \"cache\"}]"));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "t"), "unsupported storage transformer 'cache'", "t/zarr.json");
        put("r/zarr.json", zarrJson("[{\"name\": \"bytes\"}]", "").replace("\"regular\"", "\"rectilinear\""));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "r"), "unsupported chunk_grid 'rectilinear'", "r/zarr.json");
        put("o/zarr.json", zarrJson("[{\"name\": \"gzip\"}, {\"name\": \"bytes\"}]", ""));
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "o"), "gzip", "comes before", "o/zarr.json");
        put("x/zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\", \"attributes\": {}, \"fancy\": 1}");
        expect(ZarrFormatException.class, () -> Zarr.open(s, "x"), "unsupported field 'fancy'", "x/zarr.json");
    }

    @Test
    void zarrJsonThatIsNotJson() throws IOException {
        FileStore s = new FileStore(dir);
        put("n/zarr.json", "{\"zarr_format\": 3, \"node_type\": \"arr");
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "n"), "invalid JSON", dir.resolve("n/zarr.json").toString());
        expect(ZarrFormatException.class, () -> Zarr.open(s, "n"), "invalid JSON", dir.resolve("n/zarr.json").toString());
        put("z/zarr.json", "[1, 2]");
        expect(ZarrFormatException.class, () -> Zarr.open(s, "z"), "expected an object", "z/zarr.json");
        put("w/zarr.json", "{\"zarr_format\": 4, \"node_type\": \"group\"}");
        expect(ZarrFormatException.class, () -> Zarr.open(s, "w"), "unsupported zarr_format 4", "w/zarr.json");
    }

    /** Every file under root. */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> w = Files.walk(root)) {
            return new java.util.ArrayList<>(w.filter(Files::isRegularFile).sorted().toList());
        }
    }

    @Test
    void keysWithDotDotNeverReachTheFileSystem() throws IOException {
        Path target = dir.resolve("target");
        Files.createDirectories(target);
        FileStore s = new FileStore(target);
        // a separator that would make chunk (and shard) keys climb out of the array
        String evil = zarrJson("[{\"name\": \"bytes\"}]", "").replace("\"separator\": \"/\"", "\"separator\": \"/../../\"");
        Files.createDirectories(target.resolve("e"));
        Files.writeString(target.resolve("e/zarr.json"), evil);
        List<Path> before = files(dir);
        expect(ZarrFormatException.class, () -> Zarr.openArray(s, "e"), "separator", "e/zarr.json");
        // consolidated metadata naming a node outside the group
        Files.writeString(target.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"group\", \"consolidated_metadata\": "
                + "{\"kind\": \"inline\", \"must_understand\": false, \"metadata\": {\"../outside\": " + zarrJson("[{\"name\": \"bytes\"}]", "") + "}}}");
        expect(ZarrFormatException.class, () -> Zarr.open(s), "'../outside'", target.resolve("zarr.json").toString());
        // child names from the caller
        Files.writeString(target.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"group\"}");
        ZarrGroup g = Zarr.open(s);
        expect(IllegalArgumentException.class, () -> g.createArray("../x", ArrayMetadataV3.builder(DType.UINT8, new long[]{1}, new int[]{1}).build()), "..");
        expect(IllegalArgumentException.class, () -> g.get("a/../../x"), "..");
        // multiscales paths (NGFF 0.5 keeps them under "ome") that leave the group are no children of a store that cannot list
        g.updateAttrs(Map.of("ome", Map.of("multiscales", List.of(Map.of("datasets", List.of(Map.of("path", "../../etc"), Map.of("path", "e")))))));
        frontier.store.Store unlisted = new frontier.store.Store() {
            @Override
            public byte[] get(String key) throws IOException {
                return s.get(key);
            }

            @Override
            public String locate(String key) {
                return s.locate(key);
            }

            final frontier.store.StoreStats stats = new frontier.store.StoreStats();

            @Override
            public frontier.store.StoreStats stats() {
                return stats;
            }
        };
        assertEquals(List.of("e"), Zarr.open(unlisted).arrayKeys());
        assertEquals(List.of("e"), g.arrayKeys(), "listed: e is an array node (opening it is refused, above)");
        List<Path> after = files(dir);
        after.removeIf(p -> p.equals(target.resolve("zarr.json")));
        List<Path> expected = new java.util.ArrayList<>(before);
        expected.removeIf(p -> p.equals(target.resolve("zarr.json")));
        assertEquals(expected, after, "nothing written but the group's own zarr.json");
    }
}
