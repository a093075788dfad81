package frontier.magics.zarr;

import frontier.array.ChunkedArray;
import frontier.http.StaticFileServer;
import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import frontier.sample.SampleImage;
import frontier.store.FileStore;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code zarr stat} on Zarr v3 (sharded or not, local and over HTTP) prints what it prints for the v2 original. */
class ZarrStatV3Test {
    static final MagicRegistry REGISTRY = MagicRegistry.load();

    @TempDir
    Path dir;

    @Test
    void v3CopiesStatLikeTheirV2Originals() throws Exception {
        Path v2 = dir.resolve("img.zarr");
        ZarrGroup src = SampleImage.write(new FileStore(v2), new int[]{1, 2, 5, 24, 20});
        Path v3 = dir.resolve("img3.zarr");
        ZarrGroup dst = Zarr.createGroup(new FileStore(v3), "", 3);
        dst.updateAttrs(Map.of("ome", Map.of("version", "0.5", "multiscales", src.attrs().get("multiscales"))));
        for (String level : List.of("0", "1")) {
            ZarrArray a = src.get(level);
            ArrayMetadataV3.Builder b = ArrayMetadataV3.builder(a.dtype(), a.shape(), a.chunks());
            if (level.equals("0")) b.shards(new int[]{1, 1, 5, a.chunks()[3], a.chunks()[4]});
            frontier.zarr.Zarr.write(ChunkedArray.fromZarr(a), new FileStore(v3), level, b.build());
        }
        RecordingContext ctx = new RecordingContext(dir, false);
        String original = REGISTRY.run("zarr", List.of("stat", "img.zarr"), null, ctx).toString();
        String copy = REGISTRY.run("zarr", List.of("stat", "img3.zarr"), null, ctx).toString();
        List<String> lines = original.lines().filter(l -> l.startsWith("{\"path\":\"0\"") || l.startsWith("{\"path\":\"1\"")).toList();
        assertEquals(String.join("\n", lines), copy);
        assertEquals(lines.get(0), REGISTRY.run("zarr", List.of("stat", "img3.zarr", "--path", "0"), null, ctx).toString());
        try (StaticFileServer s = StaticFileServer.start(dir, 0)) {
            // HTTP cannot list: the arrays are found from the NGFF 0.5 metadata under "ome"
            assertEquals(copy, REGISTRY.run("zarr", List.of("stat", s.url("img3.zarr")), null, ctx).toString());
        }
    }

    @Test
    void aHostileZarrJsonIsANamedError() throws Exception {
        Path a = Files.createDirectories(dir.resolve("evil.zarr"));
        Files.writeString(a.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"array\", \"shape\": [4], \"data_type\": \"uint8\", "
                + "\"chunk_grid\": {\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2]}}, "
                + "\"chunk_key_encoding\": {\"name\": \"default\", \"configuration\": {\"separator\": \"/../\"}}, "
                + "\"fill_value\": 0, \"codecs\": [{\"name\": \"bytes\"}]}");
        RecordingContext ctx = new RecordingContext(dir, false);
        MagicException e = assertThrows(MagicException.class, () -> REGISTRY.run("zarr", List.of("stat", "evil.zarr"), null, ctx));
        assertTrue(e.getMessage().contains(a.resolve("zarr.json").toString()) && e.getMessage().contains("separator"), e.getMessage());
        Files.writeString(a.resolve("zarr.json"), "{ not json");
        e = assertThrows(MagicException.class, () -> REGISTRY.run("zarr", List.of("stat", "evil.zarr"), null, ctx));
        assertTrue(e.getMessage().contains("invalid JSON in " + a.resolve("zarr.json")), e.getMessage());
    }
}
