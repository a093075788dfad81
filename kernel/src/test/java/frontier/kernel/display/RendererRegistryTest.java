package frontier.kernel.display;

import frontier.display.Displayable;
import frontier.array.DType;
import frontier.array.NdArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendererRegistryTest {
    @Test
    void arraysPrintTheirElements() {
        RendererRegistry r = RendererRegistry.withBuiltins();
        assertEquals("[1, 2, 3]", r.render(new int[]{1, 2, 3}).get("text/plain"));
        assertEquals("[[1, 2], [3]]", r.render(new int[][]{{1, 2}, {3}}).get("text/plain"));
        assertEquals("[a, null]", r.render(new String[]{"a", null}).get("text/plain"));
        assertEquals("[[1], x]", r.render(List.of(new long[]{1}, "x")).get("text/plain"));
        assertEquals("{k=[1.5]}", r.render(Map.of("k", new double[]{1.5})).get("text/plain"));
    }

    @Test
    void mostSpecificRendererWins() {
        RendererRegistry r = new RendererRegistry();
        r.register(Collection.class, (v, b) -> b.put("text/html", "collection"));
        r.register(List.class, (v, b) -> b.put("text/html", "list"));
        r.register(ArrayList.class, (v, b) -> b.put("text/html", "arraylist"));
        assertEquals("arraylist", r.render(new ArrayList<>()).get("text/html"));
        assertEquals("list", r.render(List.of(1)).get("text/html"));
        assertEquals("collection", r.render(new java.util.HashSet<>()).get("text/html"));
    }

    @Test
    void displayableBringsItsOwnBundleAndTextPlainIsAlwaysThere() {
        Displayable d = () -> Map.of("text/html", "<i>x</i>");
        Map<String, Object> b = RendererRegistry.withBuiltins().render(d);
        assertEquals("<i>x</i>", b.get("text/html"));
        assertTrue(b.containsKey("text/plain"));
    }

    /** The data library's values have no rich forms of their own: the registry gives them the display module's. */
    @Test
    void dataValuesRenderThroughTheDisplayModule() throws Exception {
        RendererRegistry r = RendererRegistry.withBuiltins();
        frontier.zarr.ZarrGroup g = frontier.zarr.Zarr.createGroup(new frontier.store.MemoryStore(), "");
        frontier.zarr.ZarrArray z = g.createArray("0", frontier.zarr.ArrayMetadata.builder(DType.UINT16, new long[]{4, 6}, new int[]{2, 3}).build());
        Map<String, Object> array = r.render(z);
        assertEquals("<zarr Array '/0' (4, 6) uint16>", array.get("text/plain"));
        assertEquals(frontier.display.zarr.ZarrHtml.table(z.info()), array.get("text/html"));
        assertTrue(((String) r.render(g).get("text/html")).startsWith("<div class=\"zarr-tree\">"));
        assertEquals(z.info().toString(), r.render(z.info()).get("text/plain"));
        frontier.array.ChunkedArray lazy = frontier.array.ChunkedArray.fromZarr(z);
        Map<String, Object> table = r.render(lazy);
        assertEquals(lazy.toString(), table.get("text/plain"));
        assertEquals(frontier.display.array.ArrayHtml.html(lazy), table.get("text/html"));
        frontier.ome.DownloadReport report = new frontier.ome.DownloadReport(Path.of("images"), 1, 2, 0, 0, -1, 0, 1, 0.5, 3);
        Map<String, Object> downloaded = r.render(report);
        assertEquals(report.toString(), downloaded.get("text/plain"));
        assertTrue(downloaded.containsKey("text/html") && downloaded.containsKey("application/json"), downloaded.keySet().toString());
    }

    /** Magics return plain values: the registry gives them the display module's rich forms, and their text is the CLI's. */
    @Test
    void magicsResultsRenderThroughTheDisplayModule() {
        RendererRegistry r = RendererRegistry.withBuiltins();
        assertEquals(Map.of("text/plain", "usage: x"), r.render(new frontier.magics.TextResult("usage: x")), "text as-is, no quotes, no HTML");
        frontier.magics.core.FileText json = new frontier.magics.core.FileText(".zattrs", "{}", true);
        assertEquals(Map.of("text/plain", "{}", "text/html", frontier.display.magics.core.FileTextHtml.html(json)), r.render(json));
        frontier.magics.core.DirectoryListing ls = new frontier.magics.core.DirectoryListing(".", true, false, List.of());
        assertEquals(frontier.display.magics.core.DirectoryListingHtml.html(ls), r.render(ls).get("text/html"));
        frontier.magics.core.MagicListing lsmagic = new frontier.magics.core.MagicListing(List.of("ls"), List.of("bash"));
        assertEquals(Map.of("line", List.of("ls"), "cell", List.of("bash")), r.render(lsmagic).get("application/json"));
        frontier.magics.ipfs.IpfsResult pinned = new frontier.magics.ipfs.IpfsResult("pinned x recursively");
        assertEquals(Map.of("text/plain", "pinned x recursively", "text/html", "<pre style=\"margin:0\">pinned x recursively</pre>"), r.render(pinned));
        frontier.magics.ipfs.IpfsGatewayResult gateway = new frontier.magics.ipfs.IpfsGatewayResult("http://127.0.0.1:1", Path.of("/b"));
        assertEquals(frontier.display.magics.ipfs.IpfsHtml.gatewayHtml(gateway), r.render(gateway).get("text/html"));
    }

    /** Each session's registry carries the viewer's script with the first 3D view it renders, and only that one. */
    @Test
    void theViewerScriptGoesOncePerSession() {
        NdArray v = NdArray.zeros(DType.UINT8, 4, 4, 4);
        v.setDouble(21, 9);
        RendererRegistry one = RendererRegistry.withBuiltins(), two = RendererRegistry.withBuiltins();
        String script = "data-frontier-viewer-bundle";
        assertTrue(((String) one.render(frontier.viewer.View.view(v)).get("text/html")).contains(script));
        assertTrue(!((String) one.render(frontier.viewer.View.view(v)).get("text/html")).contains(script));
        assertTrue(((String) two.render(frontier.viewer.View.view(v)).get("text/html")).contains(script), "another session");
    }

    @Test
    void bufferedImageIsPng() {
        Map<String, Object> b = RendererRegistry.withBuiltins().render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode((String) b.get("image/png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
        assertEquals("BufferedImage 3x2", b.get("text/plain"));
    }

    @Test
    void tablesawTableIsAnHtmlTable() {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("t",
                tech.tablesaw.api.IntColumn.create("n", 1, 2), tech.tablesaw.api.StringColumn.create("s", "a<b", "c"));
        String html = (String) RendererRegistry.withBuiltins().render(t).get("text/html");
        assertTrue(html.contains("<th>n</th><th>s</th>"), html);
        assertTrue(html.contains("<td>a&lt;b</td>"), html);
    }

    @Test
    void aFailingRendererFallsBackToText() {
        RendererRegistry r = new RendererRegistry();
        r.register(String.class, (v, b) -> {
            throw new IllegalStateException("broken");
        });
        assertTrue(((String) r.render("v").get("text/plain")).startsWith("v"));
    }

    /** numpy (Debian python3-numpy) prints the scalars Dask's compute() returns: a 0-d result must read the same. */
    @Test
    void aZeroDimensionalResultShowsAsNumpysScalar() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "SKIPPED: /usr/bin/python3 missing (Debian python3-numpy)");
        String[][] cases = {
                {"float64", "22.993712255859375"}, {"uint64", "2456"}, {"float64", "1e20"}, {"float64", "1.0"},
                {"float64", "-0.0"}, {"float64", "nan"}, {"float64", "-inf"}, {"float64", "0.0001"}, {"float64", "0.00001"},
                {"float32", "0.1"}, {"float32", "1e16"}, {"float32", "16777216"}, {"float16", "65504"}, {"float16", "0.1"},
                {"int8", "-5"}, {"uint16", "65535"}, {"int64", "-9223372036854775808"}, {"uint64", "18446744073709551615"},
                {"bool", "True"}, {"bool", "False"}, {"complex128", "1+2j"}, {"complex64", "2j"}, {"complex128", "1.5-0.25j"}};
        StringBuilder script = new StringBuilder("import numpy as np\n");
        for (String[] c : cases) {
            String value = c[0].startsWith("complex") ? "complex('" + c[1] + "')" : c[0].equals("bool") ? c[1]
                    : c[0].startsWith("float") ? "float('" + c[1] + "')" : c[1];
            script.append("print(repr(np.array(").append(value).append(", dtype='").append(c[0]).append("')[()]))\n");
        }
        Process p = new ProcessBuilder(python.toString(), "-c", script.toString()).redirectErrorStream(true).start();
        List<String> numpy = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        boolean ok = p.waitFor() == 0;
        if (!ok && String.join("\n", numpy).contains("No module named 'numpy'")) {
            Assumptions.abort("SKIPPED: numpy missing: apt-get install python3-numpy");
        }
        assertTrue(ok, String.join("\n", numpy));
        RendererRegistry r = RendererRegistry.withBuiltins();
        for (int i = 0; i < cases.length; i++) {
            assertEquals(numpy.get(i), r.render(zeroD(cases[i][0], cases[i][1])).get("text/plain"), String.join(" ", cases[i]));
        }
        assertEquals("array([0, 0])", r.render(NdArray.zeros(DType.INT64, 2)).get("text/plain"), "n-d arrays keep numpy's array repr");
    }

    private static NdArray zeroD(String dtype, String text) {
        NdArray a = NdArray.zeros(DType.fromNumpyName(dtype));
        switch (dtype) {
            case "bool" -> a.setLong(0, text.equals("True") ? 1 : 0);
            case "uint64" -> a.setLong(0, Long.parseUnsignedLong(text));
            case "complex128", "complex64" -> {
                String t = text.substring(0, text.length() - 1); // 1+2j -> 1+2
                int split = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
                double re = split > 0 ? Double.parseDouble(t.substring(0, split)) : 0;
                double im = Double.parseDouble(split > 0 ? t.substring(split) : t);
                if (dtype.equals("complex64")) {
                    ((float[]) a.data())[0] = (float) re;
                    ((float[]) a.data())[1] = (float) im;
                } else {
                    ((double[]) a.data())[0] = re;
                    ((double[]) a.data())[1] = im;
                }
            }
            default -> {
                if (dtype.startsWith("float")) {
                    a.setDouble(0, Double.parseDouble(text.replace("inf", "Infinity").replace("nan", "NaN")));
                } else {
                    a.setLong(0, Long.parseLong(text));
                }
            }
        }
        return a;
    }
}
