package frontier.display.array;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.display.PythonTools;
import frontier.store.MemoryStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static frontier.array.ChunkedArray.ALL;
import static frontier.array.ChunkedArray.ELLIPSIS;
import static frontier.array.ChunkedArray.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dask's table and chunk-grid SVG of an array against dask 2022.12's own ({@code _repr_html_}
 * and {@code to_svg}) for arrays with the same dtype and chunks: edge chunks, irregular chunks
 * after steps and rechunks, 1-d to 5-d, a zero-length axis, a 0-d reduction, sizes up to GiB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrayHtmlDaskTest {
    final Map<String, ChunkedArray> arrays = new LinkedHashMap<>();
    JsonNode dask;

    static ChunkedArray stored(DType t, long[] shape, int... chunks) throws Exception {
        return ChunkedArray.fromZarr(Zarr.createArray(new MemoryStore(), "a", ArrayMetadata.builder(t, shape, chunks).build()));
    }

    static ChunkedArray inMemory(DType t, int[] shape, int... chunks) {
        return ChunkedArray.fromArray(NdArray.zeros(t, shape), chunks);
    }

    @BeforeAll
    void askDask() throws Exception {
        ChunkedArray tutorial = stored(DType.UINT16, new long[]{1, 2, 236, 275, 271}, 1, 1, 1, 275, 271);
        arrays.put("tutorial", tutorial);
        arrays.put("tutorial_c1", tutorial.get(0, 1, ALL, ALL, ALL));
        arrays.put("tutorial_steps", tutorial.get(0, 1, range(null, null, -3), range(5, -7, 2)));
        arrays.put("tutorial_mip", tutorial.get(0, 1).maxProjection(0));
        arrays.put("small3d", stored(DType.UINT16, new long[]{32, 96, 80}, 1, 96, 80));
        arrays.put("cube_gib", stored(DType.FLOAT32, new long[]{4096, 4096, 4096}, 256, 256, 256));
        arrays.put("wide_2d", stored(DType.UINT8, new long[]{3, 1_000_000}, 1, 1000));
        ChunkedArray u16 = inMemory(DType.UINT16, new int[]{3, 7, 10, 9}, 2, 3, 4, 5);
        arrays.put("u16", u16);
        arrays.put("u16_mixed", u16.get(0, range(1, 6, 2), ELLIPSIS, range(null, null, -2)));
        arrays.put("u16_rechunk", u16.rechunk(3, 1, -1, 2));
        arrays.put("u16_empty", u16.get(range(2, 2, 1)));
        arrays.put("u16_sum", u16.sum());
        arrays.put("u16_sum_1", u16.sum(1));
        ChunkedArray f32 = inMemory(DType.FLOAT32, new int[]{5, 11, 6}, 2, 4, 4);
        arrays.put("f32", f32);
        arrays.put("f32_slice_rechunk", f32.get(range(null, null, -1), range(1, 10, 2)).rechunk(3, 2, 5));
        arrays.put("f32_mean_1", f32.mean(1));
        arrays.put("i8", inMemory(DType.INT8, new int[]{13, 7}, 5, 3));
        arrays.put("f64_rev", inMemory(DType.FLOAT64, new int[]{17}, 4).get(range(null, null, -3)));
        arrays.put("u64", inMemory(DType.UINT64, new int[]{6, 5}, 4, 2));
        arrays.put("b1_astype", inMemory(DType.BOOL, new int[]{9, 4}, 4, 3).astype(DType.UINT8));

        PythonTools.assumeModules("dask.array");
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        ArrayNode cases = spec.putArray("dask");
        arrays.forEach((name, a) -> {
            ObjectNode c = cases.addObject().put("name", name).put("dtype", a.dtype().numpyName());
            ArrayNode axes = c.putArray("chunks");
            for (int[] axis : a.chunks()) {
                ArrayNode n = axes.addArray();
                for (int v : axis) n.add(v);
            }
        });
        dask = PythonTools.reprs(spec).get("dask");
    }

    @TestFactory
    List<DynamicTest> tableAndSvgAsDaskDrawsThem() {
        List<DynamicTest> tests = new ArrayList<>();
        arrays.forEach((name, a) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            JsonNode theirs = dask.get(name);
            String html = theirs.get("html").asText();
            String[][] rows = ArrayHtml.rows(a);
            assertEquals(List.of(theirs.get("nbytes").asText(), theirs.get("cbytes").asText()), List.of(rows[0][1], rows[0][2]), name + " Bytes");
            assertEquals(cells(html, "Bytes"), List.of(rows[0][1], rows[0][2]), name + " Bytes in dask's table");
            assertEquals(cells(html, "Shape"), List.of(rows[1][1], rows[1][2]), name + " Shape in dask's table");
            Matcher type = Pattern.compile("<th> Data type </th>\\s*<td colspan=\"2\"> (\\S+) numpy\\.ndarray </td>").matcher(html);
            assertTrue(type.find(), html);
            assertEquals(type.group(1), rows[3][1], name + " dtype");
            String svg = ChunkGridSvg.svg(a.chunks(), 120);
            assertEquals(theirs.get("svg").asText(), svg, name + " svg");
            assertTrue(html.contains(svg), name + ": dask's table holds the same drawing");
            assertTrue(ArrayHtml.html(a).contains(svg), name + ": ours holds it too");
        })));
        return tests;
    }

    /** The Array and Chunk cells of a row of dask's table. */
    static List<String> cells(String html, String row) {
        Matcher m = Pattern.compile("<th> " + row + " </th>\\s*<td> (.*?) </td>\\s*<td> (.*?) </td>").matcher(html);
        assertTrue(m.find(), row + " row in\n" + html);
        return List.of(m.group(1), m.group(2));
    }
}
