package frontier.array;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every ChunkedArray operation against dask 2022.12 / numpy on the same data (one Python run
 * for the class): values, shapes, dtypes, chunks, task counts (the table and chunk-grid SVG
 * are checked against dask's own in the display module).
 * Inputs are read through a ChunkSource (as from_zarr's are), with edge chunks, steps,
 * negative indices and reductions over each axis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChunkedArrayDaskTest {
    final DaskOracle oracle = new DaskOracle();
    final Map<String, int[]> inputChunks = new HashMap<>();
    final Map<String, ChunkedArray> arrays = new HashMap<>();
    final List<String> compareTasks = new ArrayList<>();

    static final String[] INPUTS = {"u16", "u16b", "f32", "i8", "f64", "u64", "b1"};

    void input(String name, String dtype, int[] shape, int[] chunks, int seed) {
        oracle.input(name, dtype, shape, chunks, seed);
        inputChunks.put(name, chunks);
    }

    ObjectNode c(String name, String input) {
        return oracle.kase(name, input);
    }

    static ObjectNode step(ObjectNode c, String op) {
        return ((ArrayNode) c.get("steps")).addObject().put("op", op);
    }

    static ObjectNode get(ObjectNode c, Object... items) {
        ArrayNode idx = step(c, "get").putArray("index");
        for (Object o : items) {
            if (o instanceof Integer) idx.add((Integer) o);
            else if (o instanceof String) idx.add((String) o);
            else {
                ArrayNode a = idx.addObject().putArray("s");
                for (Integer v : ((S) o).v) {
                    if (v == null) a.addNull();
                    else a.add(v);
                }
            }
        }
        return c;
    }

    record S(Integer... v) {
    }

    static S s(Integer start, Integer stop, Integer step) {
        return new S(start, stop, step);
    }

    static ObjectNode scalar(ObjectNode c, String op, Number v) {
        ObjectNode st = step(c, op);
        if (v instanceof Double) st.put("scalar", v.doubleValue());
        else st.put("scalar", v.longValue());
        return c;
    }

    static ObjectNode reduce(ObjectNode c, String op, int... axes) {
        ObjectNode st = step(c, op);
        if (axes != null) {
            ArrayNode a = st.putArray("axes");
            for (int x : axes) a.add(x);
        }
        return c;
    }

    @BeforeAll
    void runDask() throws Exception {
        input("u16", "uint16", new int[]{3, 7, 10, 9}, new int[]{2, 3, 4, 5}, 1);
        input("u16b", "uint16", new int[]{3, 7, 10, 9}, new int[]{3, 2, 5, 4}, 2);
        input("f32", "float32", new int[]{5, 11, 6}, new int[]{2, 4, 4}, 3);
        input("i8", "int8", new int[]{13, 7}, new int[]{5, 3}, 4);
        input("f64", "float64", new int[]{17}, new int[]{4}, 5);
        input("u64", "uint64", new int[]{6, 5}, new int[]{4, 2}, 6);
        input("b1", "bool", new int[]{9, 4}, new int[]{4, 3}, 7);
        ObjectNode fixture = oracle.input("fixture", ">u2", new int[]{1, 2, 236, 275, 271}, new int[]{1, 1, 1, 275, 271}, 0);
        fixture.put("metadataOnly", true);
        ObjectNode small = oracle.input("small3d", ">u2", new int[]{32, 96, 80}, new int[]{1, 96, 80}, 0);
        small.put("metadataOnly", true);

        ObjectNode tiny = oracle.inputs.addObject();
        tiny.put("name", "tiny").put("omeZarr", "tiny")
                .put("generator", java.nio.file.Path.of("../tools/make_ome_zarr.py").toAbsolutePath().normalize().toString());
        // the tutorial's steps on the repo's OME-Zarr fixture (blosc, big-endian), level 0
        step(get(c("tiny_mip", "tiny"), 0, 1), "maxProjection").put("axis", 0);
        reduce(c("tiny_mean", "tiny"), "mean", (int[]) null);
        reduce(get(c("tiny_std_z", "tiny"), 0, "..."), "std", 1);
        tasks(get(c("tiny_c1", "tiny"), 0, 1, s(null, null, null), s(null, null, null), s(null, null, null)));
        tasks(get(c("tiny_steps", "tiny"), 0, -1, s(null, null, -3), s(5, -7, 2), s(-1, 0, -5)));
        // indexing
        tasks(c("u16_all", "u16"));
        tasks(get(c("u16_int", "u16"), 1));
        tasks(get(c("u16_neg", "u16"), -1, -2));
        tasks(get(c("u16_mixed", "u16"), 0, s(1, 6, 2), "...", s(null, null, -2)));
        tasks(get(c("u16_ellipsis", "u16"), "...", 3));
        tasks(get(c("u16_negstep", "u16"), s(null, null, -1), s(5, 0, -3), s(-8, -1, 3)));
        tasks(get(c("u16_bigstep", "u16"), 2, s(null, null, 5), s(9, null, -4)));
        tasks(get(c("u16_beyond", "u16"), s(-100, 100, 1), s(5, 100, 2)));
        get(c("u16_empty", "u16"), s(2, 2, 1));
        get(c("u16_out_of_range", "u16"), 3);
        get(c("u16_negative_out_of_range", "u16"), 0, -8);
        get(c("u16_too_many", "u16"), 0, 0, 0, 0, 0);
        tasks(get(c("f64_rev", "f64"), s(null, null, -3)));
        tasks(get(c("f64_scalar", "f64"), -5));
        // arithmetic and casts
        for (Number v : new Number[]{5, 70000, -1, 1.5}) {
            String suffix = v.toString().replace('.', '_').replace('-', 'm');
            tasks(scalar(c("u16_add_" + suffix, "u16"), "add", v));
            scalar(c("i8_mul_" + suffix, "i8"), "mul", v);
            scalar(c("f32_sub_" + suffix, "f32"), "sub", v);
        }
        scalar(c("u16_div_7", "u16"), "div", 7);
        scalar(c("u16_rsub_100", "u16"), "rsub", 100);
        scalar(c("f32_rdiv_2_5", "f32"), "rdiv", 2.5);
        scalar(c("f32_div_3", "f32"), "div", 3);
        scalar(c("i8_add_200", "i8"), "add", 200);
        scalar(c("u64_add_1", "u64"), "add", 1);
        scalar(c("b1_add_1", "b1"), "add", 1);
        for (String op : new String[]{"add", "sub", "mul", "div"}) {
            step(c("u16_" + op + "_u16b", "u16"), op).put("other", "u16b");
        }
        step(c("u16_add_f32", "u16"), "add").put("other", "f32");
        // a 0-d reduction result broadcast over the array
        step(c("u16_sub_mean", "u16"), "sub").put("otherReduce", "mean");
        step(c("f32_div_max", "f32"), "div").put("otherReduce", "max");
        step(c("u16_rsub_max", "u16"), "rsub").put("otherReduce", "max");
        step(c("i8_mul_min", "i8"), "mul").put("otherReduce", "min");
        // dtype only: dask declares uint64 but numpy's value-based casting makes its blocks wrap at
        // uint32 (the sum is small enough), so dask's values are not the product; ours are
        step(c("u16_mul_sum", "u16").put("metadataOnly", true), "mul").put("otherReduce", "sum");
        step(c("i8_add_mean", "i8"), "add").put("otherReduce", "mean");
        for (String[] t : new String[][]{{"u16", "float32"}, {"u16", "int8"}, {"f32", "int16"}, {"i8", "uint16"}, {"f64", "float32"}, {"u64", "float64"}, {"b1", "uint8"}}) {
            step(c(t[0] + "_astype_" + t[1], t[0]), "astype").put("dtype", t[1]);
        }
        ArrayNode rc = step(c("u16_rechunk", "u16"), "rechunk").putArray("chunks");
        for (int v : new int[]{3, 1, -1, 2}) rc.add(v);
        ArrayNode rc2 = step(get(c("f32_slice_rechunk", "f32"), s(null, null, -1), s(1, 10, 2)), "rechunk").putArray("chunks");
        for (int v : new int[]{3, 2, 5}) rc2.add(v);
        // reductions over everything, each axis, axis pairs, negative axes
        for (String in : new String[]{"u16", "f32", "i8", "u64", "b1"}) {
            int nd = in.equals("u16") ? 4 : in.equals("f32") ? 3 : 2;
            for (String op : new String[]{"sum", "mean", "min", "max", "std"}) {
                reduce(c(in + "_" + op, in), op, (int[]) null);
                for (int ax = 0; ax < nd; ax++) reduce(c(in + "_" + op + "_" + ax, in), op, ax);
                reduce(c(in + "_" + op + "_0_last", in), op, 0, -1);
            }
        }
        reduce(get(c("u16_slice_mean", "u16"), 1, s(null, null, -2)), "mean", 1);
        reduce(scalar(c("u16_sub_1000_sum", "u16"), "sub", 1000), "sum", (int[]) null);
        step(get(c("u16_mip", "u16"), 0), "maxProjection").put("axis", 1);
        reduce(c("u16_axis_out_of_range", "u16"), "sum", 4);
        // display: the tutorial's array and slices of it (metadata only)
        ObjectNode f1 = c("fixture_all", "fixture");
        ObjectNode f2 = get(c("fixture_c1", "fixture"), 0, 1, s(null, null, null), s(null, null, null), s(null, null, null));
        ObjectNode f3 = get(c("fixture_steps", "fixture"), 0, 1, s(null, null, -3), s(5, -7, 2));
        ObjectNode f4 = c("small3d_all", "small3d");
        for (ObjectNode f : new ObjectNode[]{f1, f2, f3, f4}) {
            f.put("metadataOnly", true);
            tasks(f);
        }
        oracle.run();
        for (String name : INPUTS) {
            JsonNode spec = null;
            for (JsonNode n : oracle.inputs) if (n.get("name").asText().equals(name)) spec = n;
            DType t = DType.fromNumpyName(spec.get("dtype").asText());
            // Inputs are the arrays zarr-python wrote, read through frontier.zarr, as from_zarr reads them.
            frontier.zarr.ZarrArray z = frontier.zarr.Zarr.openArray(oracle.out(name + ".zarr"));
            assertEquals(oracle.readBin(name, t, DaskOracle.ints(spec.get("shape"))), z.read(), name + " as read by frontier.zarr");
            arrays.put(name, ChunkedArray.fromZarr(z));
        }
        arrays.put("tiny", ChunkedArray.fromZarr(frontier.zarr.Zarr.open(oracle.out("tiny.ome.zarr").toString()).get("0")));
        arrays.put("fixture", ChunkedArray.fromZarr(ArraySource.metadata(DType.UINT16, new long[]{1, 2, 236, 275, 271}, 1, 1, 1, 275, 271)));
        arrays.put("small3d", ChunkedArray.fromZarr(ArraySource.metadata(DType.UINT16, new long[]{32, 96, 80}, 1, 96, 80)));
    }

    void tasks(ObjectNode c) {
        compareTasks.add(c.get("name").asText());
    }

    ChunkedArray apply(ChunkedArray x, JsonNode st) {
        String op = st.get("op").asText();
        switch (op) {
            case "get": {
                List<Object> items = new ArrayList<>();
                for (JsonNode i : st.get("index")) {
                    if (i.isInt()) items.add(i.asInt());
                    else if (i.isTextual()) items.add(ChunkedArray.ELLIPSIS);
                    else {
                        JsonNode s = i.get("s");
                        Integer a = s.get(0).isNull() ? null : s.get(0).asInt();
                        Integer b = s.get(1).isNull() ? null : s.get(1).asInt();
                        int stp = s.get(2).isNull() ? 1 : s.get(2).asInt();
                        items.add(ChunkedArray.range(a, b, stp));
                    }
                }
                return x.get(items.toArray());
            }
            case "add": case "sub": case "mul": case "div": case "rsub": case "rdiv": {
                if (st.has("other") || st.has("otherReduce")) {
                    ChunkedArray o = st.has("other") ? arrays.get(st.get("other").asText()) : apply(x, DaskOracle.JSON.createObjectNode().put("op", st.get("otherReduce").asText()));
                    if (op.equals("rsub")) return o.sub(x);
                    switch (op) {
                        case "add": return x.add(o);
                        case "sub": return x.sub(o);
                        case "mul": return x.mul(o);
                        default: return x.div(o);
                    }
                }
                JsonNode v = st.get("scalar");
                Number n = v.isIntegralNumber() ? (Number) v.asLong() : (Number) v.asDouble();
                switch (op) {
                    case "add": return x.add(n);
                    case "sub": return x.sub(n);
                    case "mul": return x.mul(n);
                    case "div": return x.div(n);
                    case "rsub": return x.rsub(n);
                    default: return x.rdiv(n);
                }
            }
            case "astype":
                return x.astype(DType.fromNumpyName(st.get("dtype").asText()));
            case "rechunk":
                return x.rechunk(DaskOracle.ints(st.get("chunks")));
            case "maxProjection":
                return x.maxProjection(st.get("axis").asInt());
            default: {
                int[] axes = st.has("axes") ? DaskOracle.ints(st.get("axes")) : new int[0];
                switch (op) {
                    case "sum": return x.sum(axes);
                    case "mean": return x.mean(axes);
                    case "min": return x.min(axes);
                    case "max": return x.max(axes);
                    case "std": return x.std(axes);
                    default: throw new IllegalArgumentException(op);
                }
            }
        }
    }

    @org.junit.jupiter.api.AfterAll
    void cleanUp() throws java.io.IOException {
        if (oracle.dir == null) return;
        try (var files = java.nio.file.Files.walk(oracle.dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @TestFactory
    List<DynamicTest> againstDask() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : oracle.cases) {
            String name = c.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests;
    }

    void check(JsonNode c) throws Exception {
        String name = c.get("name").asText();
        JsonNode r = oracle.results.get(name);
        assertNotNull(r, name);
        if (r.has("error")) {
            String err = r.get("error").asText();
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                ChunkedArray x = arrays.get(c.get("input").asText());
                for (JsonNode st : c.get("steps")) x = apply(x, st);
            }, name + " should fail as dask does: " + err);
            if (err.equals("IndexError") || err.equals("AxisError")) assertTrue(e instanceof IndexOutOfBoundsException, e.toString());
            if (err.equals("ValueError")) assertTrue(e instanceof IllegalArgumentException, e.toString());
            assertNotNull(e.getMessage());
            return;
        }
        ChunkedArray x = arrays.get(c.get("input").asText());
        for (JsonNode st : c.get("steps")) x = apply(x, st);
        int[] shape = DaskOracle.ints(r.get("shape"));
        assertArrayEquals(java.util.Arrays.stream(shape).asLongStream().toArray(), x.shape(), name + " shape");
        assertEquals(r.get("dtype").asText(), x.dtype().numpyName(), name + " dtype");
        int[][] chunks = x.chunks();
        assertEquals(r.get("chunks").size(), chunks.length, name + " chunks");
        for (int i = 0; i < chunks.length; i++) assertArrayEquals(DaskOracle.ints(r.get("chunks").get(i)), chunks[i], name + " chunks axis " + i);
        assertEquals(r.get("npartitions").asLong(), x.numChunks(), name + " chunk count");
        if (compareTasks.contains(name)) {
            assertEquals(r.get("tasks").asLong(), x.taskCount(), name + " task count");
            assertEquals(r.get("layers").asInt(), x.layerCount(), name + " layer count");
        }
        if (c.has("metadataOnly")) return;
        NdArray got = x.compute();
        NdArray want = oracle.readBin(name, x.dtype(), shape);
        assertArrayEquals(shape, got.shape(), name + " computed shape");
        assertEquals(want.dtype(), got.dtype(), name + " computed dtype");
        for (int i = 0; i < want.size(); i++) {
            if (want.dtype().isFloat()) {
                double w = want.getDouble(i), g = got.getDouble(i);
                if (Double.isNaN(w) && Double.isNaN(g)) continue;
                double tol = (want.dtype() == DType.FLOAT64 ? 1e-9 : 2e-5) * Math.max(1, Math.abs(w));
                if (Math.abs(w - g) > tol) fail(name + " element " + i + ": expected " + w + ", got " + g);
            } else if (want.getLong(i) != got.getLong(i)) {
                fail(name + " element " + i + ": expected " + want.getLong(i) + ", got " + got.getLong(i));
            }
        }
    }
}
