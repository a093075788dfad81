package frontier.zarr;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zarr v3 against the oracle, zarrita 0.7 (npm): zarrita reads the arrays we write (every codec chain,
 * sharded ones included) with equal values, and we read the arrays zarrita writes. Values are compared
 * as the sha256 of their C-order little-endian bytes. zarrita under Node 20 has no float16 and no
 * complex types, cannot encode compressors and reads shard indexes only at the end; those cases are
 * covered by ZarrV3Test against the spec's byte layout.
 */
class ZarritaCrossCheckTest {
    static final List<DType> DTYPES = List.of(DType.BOOL, DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.UINT8,
            DType.UINT16, DType.UINT32, DType.UINT64, DType.FLOAT32, DType.FLOAT64);

    @TempDir
    Path dir;

    static String sha256(NdArray a) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(a.toBytes(ByteOrder.LITTLE_ENDIAN)));
    }

    static Map<String, Object> summary(NdArray a, int[] chunks) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> shape = new ArrayList<>();
        for (int s : a.shape()) shape.add(s);
        m.put("shape", shape);
        m.put("dtype", a.dtype().numpyName());
        List<Object> c = new ArrayList<>();
        for (int s : chunks) c.add(s);
        m.put("chunks", c);
        m.put("sha256", sha256(a));
        return m;
    }

    static Map<String, Object> parse(String line) throws IOException {
        return ZarrJson.parseObject(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), "zarrita output");
    }

    static Map<String, Object> bytes(String endian) {
        return ArrayMetadataV3.codec("bytes", new LinkedHashMap<>(Map.of("endian", endian)));
    }

    static Map<String, Object> transpose(int... order) {
        List<Object> o = new ArrayList<>();
        for (int x : order) o.add(x);
        return ArrayMetadataV3.codec("transpose", new LinkedHashMap<>(Map.of("order", o)));
    }

    /** Codec chains to write with (typesize filled in per dtype); "shard:" ones are the inner chains of shards (6, 8, 10). */
    static Map<String, List<Map<String, Object>>> chains(DType dt) {
        int item = dt.itemSize();
        Map<String, List<Map<String, Object>>> m = new LinkedHashMap<>();
        m.put("bytes", List.of(bytes("little")));
        m.put("big+crc32c", List.of(bytes("big"), ArrayMetadataV3.crc32c()));
        m.put("transpose+blosc", List.of(transpose(1, 2, 0), bytes("little"), ArrayMetadataV3.blosc("lz4", 5, "shuffle", item)));
        m.put("gzip", List.of(bytes("little"), ArrayMetadataV3.gzip(6)));
        m.put("zstd", List.of(bytes("little"), ArrayMetadataV3.zstd(3)));
        m.put("shard:bytes", List.of(bytes("little")));
        m.put("shard:blosc", List.of(bytes("little"), ArrayMetadataV3.blosc("zstd", 3, "bitshuffle", item)));
        m.put("shard:transpose+big+gzip", List.of(transpose(2, 1, 0), bytes("big"), ArrayMetadataV3.gzip(1)));
        return m;
    }

    @Test
    void zarritaReadsWhatWeWrite() throws Exception {
        Zarrita.assumeAvailable();
        FileStore store = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(store, "", 3);
        List<String> items = new ArrayList<>();
        List<Map<String, Object>> expected = new ArrayList<>();
        long[] shape = {7, 9, 10};
        int[] chunks = {3, 4, 5};
        long seed = 11;
        for (DType dt : DTYPES) {
            NdArray values = ZarrV3Test.randomArray(dt, new int[]{7, 9, 10}, seed++);
            for (Map.Entry<String, List<Map<String, Object>>> c : chains(dt).entrySet()) {
                // zarrita 0.7.5 byte-swaps bool as if it had two bytes when "endian" is "big" (its own round trip fails
                // too); the spec says one-byte types do not depend on endian, and ZarrV3Test checks our bytes for it
                if (dt == DType.BOOL && c.getKey().contains("big")) continue;
                String name = dt + "-" + c.getKey().replace(':', '-').replace('+', '-');
                List<Map<String, Object>> chain = c.getValue();
                // the builder makes bytes(little) + compressors; here the whole chain is given, so build the JSON directly
                Map<String, Object> json = ArrayMetadataV3.builder(dt, shape, chunks).compressors(List.of()).toJson();
                if (c.getKey().startsWith("shard:")) {
                    json.put("chunk_grid", ArrayMetadataV3.codec("regular", new LinkedHashMap<>(Map.of("chunk_shape", List.of(6, 8, 10)))));
                    json.put("codecs", List.of(frontier.zarr.v3.ShardingCodec.json(chunks, chain, true)));
                } else {
                    json.put("codecs", chain);
                }
                if (c.getKey().equals("gzip")) {
                    json.put("chunk_key_encoding", new frontier.zarr.v3.ChunkKeyEncoding("default", ".").toJson());
                } else if (c.getKey().equals("zstd")) {
                    json.put("chunk_key_encoding", new frontier.zarr.v3.ChunkKeyEncoding("v2", ".").toJson());
                }
                ZarrArray a = root.createArray(name, ArrayMetadataV3.fromJson(json, name));
                a.write(values);
                items.add(name);
                expected.add(summary(values, chunks));
                if (c.getKey().startsWith("shard:")) {
                    // a region across shard and chunk edges: zarrita fetches only the inner chunks it needs
                    items.add(name + "@2:7,5:9,3:8");
                    expected.add(summary(a.read(new long[]{2, 5, 3}, new int[]{5, 4, 5}), chunks));
                }
            }
        }
        List<String> lines = Zarrita.run(cmd("read", dir.toString(), items));
        assertEquals(items.size(), lines.size(), String.join("\n", lines));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!expected.get(i).equals(parse(lines.get(i)))) wrong.add(items.get(i) + ": " + lines.get(i));
        }
        assertEquals(List.of(), wrong, "arrays zarrita reads differently");
    }

    private static String[] cmd(String c, String root, List<String> rest) {
        List<String> l = new ArrayList<>(List.of(c, root));
        l.addAll(rest);
        return l.toArray(new String[0]);
    }

    /** The values zarrita-check.mjs writes: (i * 7 + 3) % 251, minus 125 for signed types, / 4 for floats, odd as true. */
    static NdArray formula(DType dt, int[] shape) {
        NdArray a = NdArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            long v = (i * 7L + 3) % 251;
            if (dt == DType.BOOL) a.setLong(i, v % 2);
            else if (dt.isFloat()) a.setDouble(i, v / 4.0);
            else a.setLong(i, dt.isUnsigned() ? v : v - 125);
        }
        return a;
    }

    @Test
    void weReadWhatZarritaWrites() throws Exception {
        Zarrita.assumeAvailable();
        List<Map<String, Object>> specs = new ArrayList<>();
        Map<String, List<Map<String, Object>>> chains = new LinkedHashMap<>();
        chains.put("little", List.of(bytes("little")));
        chains.put("big", List.of(bytes("big")));
        chains.put("transpose", List.of(transpose(2, 0, 1), bytes("little")));
        chains.put("transpose-big", List.of(transpose(1, 0, 2), bytes("big")));
        for (DType dt : DTYPES) {
            for (Map.Entry<String, List<Map<String, Object>>> c : chains.entrySet()) {
                if (dt == DType.BOOL && c.getKey().contains("big")) continue; // zarrita's bool + big endian bug, see above
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("path", "w/" + dt + "-" + c.getKey());
                s.put("dtype", dt.numpyName());
                s.put("shape", List.of(5, 6, 7));
                s.put("chunks", List.of(2, 4, 3));
                s.put("codecs", c.getValue());
                if (c.getKey().equals("transpose")) s.put("separator", ".");
                if (c.getKey().equals("big")) s.put("dimensionNames", List.of("z", "y", "x"));
                // zarrita writes fill_value null when given none, but cannot fill 64-bit integers with it
                if (dt.itemSize() == 8 && dt.isInteger()) s.put("fill", 7);
                specs.add(s);
            }
        }
        List<String> lines = Zarrita.run("write", dir.toString(), ZarrJson.writeString(specs));
        assertEquals(specs.size(), lines.size(), String.join("\n", lines));
        FileStore store = new FileStore(dir);
        for (int i = 0; i < specs.size(); i++) {
            String path = (String) specs.get(i).get("path");
            DType dt = DType.fromNumpyName((String) specs.get(i).get("dtype"));
            ZarrArray a = Zarr.openArray(store, path);
            NdArray ours = a.read();
            Map<String, Object> theirs = parse(lines.get(i));
            assertEquals(theirs, summary(ours, a.chunks()), path + ": our read of zarrita's array");
            assertEquals(sha256(formula(dt, new int[]{5, 6, 7})), theirs.get("sha256"), path + ": zarrita wrote the formula's values");
            if (path.endsWith(dt + "-big")) assertEquals(List.of("z", "y", "x"), a.dimensionNames());
            // zarrita wrote no fill value (null) unless given one
            assertEquals(dt.itemSize() == 8 && dt.isInteger() ? 7L : null, a.metadata().fillValue().toJson(), path);
        }
    }
}
