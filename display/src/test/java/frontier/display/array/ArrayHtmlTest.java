package frontier.display.array;

import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.store.MemoryStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayHtmlTest {
    @Test
    void theTutorialsTable() throws Exception {
        ChunkedArray a = ChunkedArray.fromZarr(Zarr.createArray(new MemoryStore(), "0",
                ArrayMetadata.builder(DType.UINT16, new long[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271}).build()));
        Map<String, Object> bundle = new LinkedHashMap<>();
        ArrayHtml.render(a, bundle);
        assertEquals("frontier.array<shape=(1, 2, 236, 275, 271), dtype=uint16, chunksize=(1, 1, 1, 275, 271)>", bundle.get("text/plain"));
        String html = (String) bundle.get("text/html");
        for (String cell : new String[]{"67.09 MiB", "145.56 kiB", "(1, 2, 236, 275, 271)", "(1, 1, 1, 275, 271)", "473 Tasks", "472 Chunks",
                "uint16", "frontier.array.NdArray", "<svg width=\"418\" height=\"230\""}) {
            assertTrue(html.contains(cell), cell + " missing from\n" + html);
        }
        assertTrue(html.startsWith("<table>\n<tr>\n<td>\n<table>\n  <thead>\n    <tr><td> </td><th> Array </th><th> Chunk </th></tr>"), html);
        ChunkedArray c1 = a.get(0, 1, ChunkedArray.ALL, ChunkedArray.ALL, ChunkedArray.ALL);
        assertTrue(ArrayHtml.html(c1).contains("709 Tasks"));
    }

    @Test
    void aOneDimensionalShapeIsAPythonOneTuple() {
        ChunkedArray a = ChunkedArray.fromArray(frontier.array.NdArray.zeros(DType.INT8, 4), 2);
        assertTrue(ArrayHtml.html(a).contains("<td> (4,) </td><td> (2,) </td>"), ArrayHtml.html(a));
    }
}
