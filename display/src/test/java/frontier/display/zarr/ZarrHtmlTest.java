package frontier.display.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.display.PythonTools;
import frontier.store.FileStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZarrHtmlTest {
    @TempDir
    Path dir;

    /** Rows whose values zarr-python and we share (not Type, Name or Store type, which name each side's classes). */
    static final List<String> SHARED = List.of("Data type", "Shape", "Chunk shape", "Order", "Read-only", "Compressor", "No. bytes",
            "No. bytes stored", "Storage ratio", "Chunks initialized");

    @Test
    void infoTableRowsAreZarrPythons() throws Exception {
        PythonTools.assumeModules("zarr", "numcodecs");
        Path image = PythonTools.makeOmeZarr(dir.resolve("tiny.zarr"), "--size", "tiny");
        ObjectNode spec = new ObjectMapper().createObjectNode();
        spec.putArray("zarr").addObject().put("name", "0").put("path", image.resolve("0").toString());
        JsonNode theirs = PythonTools.reprs(spec).get("zarr");
        String zarrPython = theirs.get("0").asText();

        ZarrArray a = Zarr.open(image.toString()).get("0");
        Map<String, Object> bundle = new LinkedHashMap<>();
        ZarrHtml.array(a, bundle);
        assertEquals(a.toString(), bundle.get("text/plain"));
        String ours = (String) bundle.get("text/html");
        assertTrue(zarrPython.startsWith("<table class=\"zarr-info\"><tbody>") && ours.startsWith("<table class=\"zarr-info\"><tbody>"), ours);
        assertTrue(zarrPython.endsWith("</tbody></table>") && ours.endsWith("</tbody></table>"), ours);
        // the same markup row by row; zarr-python puts values in unescaped (">u2"), we escape them
        Map<String, String> theirRows = rows(zarrPython, false), ourRows = rows(ours, true);
        int compared = 0;
        for (String name : SHARED) {
            assertEquals(theirRows.get(name), ourRows.get(name), name);
            compared += theirRows.containsKey(name) ? 1 : 0;
        }
        assertEquals(SHARED.size(), compared, "rows compared with zarr-python's\n" + zarrPython);
    }

    /** The (name, value) rows of an info table, values unescaped when the table escapes them. */
    static Map<String, String> rows(String table, boolean escaped) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr><th style=\"text-align: left\">(.*?)</th><td style=\"text-align: left\">(.*?)</td></tr>").matcher(table);
        while (row.find()) {
            String v = row.group(2);
            if (escaped) v = v.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            out.put(row.group(1), v);
        }
        return out;
    }

    @Test
    void anArraysTableAndAGroupsTree() throws Exception {
        ZarrGroup root = Zarr.createGroup(new FileStore(dir), "");
        ZarrArray a = root.createArray("0", ArrayMetadata.builder(DType.UINT16, new long[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271})
                .byteOrder(ByteOrder.BIG_ENDIAN).compressor(Map.of("id", "zlib", "level", 1)).build());
        a.write(new long[5], NdArray.zeros(DType.UINT16, 1, 1, 1, 275, 271));
        Map<String, Object> bundle = new LinkedHashMap<>();
        ZarrHtml.array(a, bundle);
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<th style=\"text-align: left\">Chunks initialized</th><td style=\"text-align: left\">1/472</td>"), html);
        assertTrue(html.contains("Storage ratio"), html);
        root.createGroup("labels").createArray("cells&<b>", ArrayMetadata.builder(DType.UINT8, new long[]{4}, new int[]{2}).build());
        bundle.clear();
        ZarrHtml.group(root, bundle);
        assertEquals("<zarr Group '/'>", bundle.get("text/plain"));
        String tree = (String) bundle.get("text/html");
        assertTrue(tree.contains("<li>&#x25A6; <b>0</b> (1, 2, 236, 275, 271) &gt;u2 <span style=\"color: #777\">chunks (1, 1, 1, 275, 271), Zlib(level=1)</span></li>"), tree);
        assertTrue(tree.contains("&#x1F4C1; <b>labels</b>"), tree);
        assertTrue(tree.contains("<b>cells&amp;&lt;b&gt;</b> (4,) uint8"), "names from the store are escaped: " + tree);
        bundle.clear();
        ZarrHtml.info(a.info(), bundle);
        assertEquals(a.info().toString(), bundle.get("text/plain"));
        assertEquals(ZarrHtml.table(a.info()), bundle.get("text/html"));
    }

    @Test
    void shardedV3ArraysShowTheirCodecs() throws Exception {
        FileStore s = new FileStore(dir);
        ZarrGroup root = Zarr.createGroup(s, "", 3);
        ZarrArray a = root.createArray("0", ArrayMetadataV3.builder(DType.UINT16, new long[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271})
                .shards(new int[]{1, 1, 236, 275, 271}).compressors(List.of(ArrayMetadataV3.blosc("lz4", 5, "shuffle", 2))).build());
        Map<String, Object> bundle = new LinkedHashMap<>();
        ZarrHtml.array(a, bundle);
        assertTrue(((String) bundle.get("text/html")).contains("<td style=\"text-align: left\">sharding_indexed(bytes, blosc)</td>"));
        bundle.clear();
        ZarrHtml.group(Zarr.open(s), bundle);
        assertTrue(((String) bundle.get("text/html")).contains("chunks (1, 1, 1, 275, 271), sharding_indexed(bytes, blosc)"));
    }
}
