package frontier.ome;

import frontier.store.FileStore;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OmeMetadata.of(group): the NGFF metadata of an opened Zarr group, v2 (.zattrs) or v3 (zarr.json, under "ome"). */
class OmeMetadataOfGroupTest {
    @TempDir
    Path dir;

    static final Map<String, Object> MULTISCALES = Map.of("multiscales", List.of(Map.of("version", "0.4", "name", "img",
            "axes", List.of(Map.of("name", "c", "type", "channel"), Map.of("name", "y", "type", "space"), Map.of("name", "x", "type", "space")),
            "datasets", List.of(Map.of("path", "0", "coordinateTransformations", List.of(Map.of("type", "scale", "scale", List.of(1, 0.5, 0.5))))))));

    @Test
    void v2AttributesAndV3UnderOme() throws Exception {
        ZarrGroup v2 = Zarr.createGroup(new FileStore(dir.resolve("v2.zarr")), "");
        v2.updateAttrs(MULTISCALES);
        OmeMetadata md = OmeMetadata.of(v2);
        assertEquals(List.of("c", "y", "x"), md.multiscale().axisNames());
        assertEquals(List.of(1.0, 0.5, 0.5), md.multiscale().datasets().get(0).coordinateTransformations().get(0).scale());

        ZarrGroup v3 = Zarr.createGroup(new FileStore(dir.resolve("v3.zarr")), "", 3);
        v3.updateAttrs(Map.of("ome", MULTISCALES));
        assertEquals("img", OmeMetadata.of(v3).multiscale().name());

        ZarrGroup plain = Zarr.createGroup(new FileStore(dir.resolve("plain.zarr")), "");
        assertNull(OmeMetadata.of(plain).multiscale(), "a plain group has no multiscales");
    }

    @Test
    void errorsNameTheGroupsFile() throws Exception {
        ZarrGroup g = Zarr.createGroup(new FileStore(dir.resolve("bad.zarr")), "");
        g.createGroup("sub").updateAttrs(Map.of("multiscales", List.of(Map.of("datasets", List.of(Map.of("path", "../../etc"))))));
        OmeException e = assertThrows(OmeException.class, () -> OmeMetadata.of(g.group("sub")));
        assertTrue(e.getMessage().contains(dir.resolve("bad.zarr/sub/.zattrs").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("refusing multiscales[0].datasets[0].path = '../../etc'"), e.getMessage());
    }
}
