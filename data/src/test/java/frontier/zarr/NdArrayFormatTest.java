package frontier.zarr;

import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.NdArrayFormat;
import frontier.store.FileStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * numpy prints the arrays: we build arrays in Java, write them with our Zarr writer, and one
 * zarr-python/numpy run prints repr(zarr.open(...)[:]) for each; our text must be identical.
 */
class NdArrayFormatTest {
    @TempDir
    static Path dir;
    static final Map<String, NdArray> arrays = new LinkedHashMap<>();
    static Map<String, Object> numpy;

    static NdArray gen(DType dt, int[] shape, long seed, DoubleUnaryOperator f) {
        NdArray a = NdArray.zeros(dt, shape);
        Random r = new Random(seed);
        for (int i = 0; i < a.size(); i++) a.setDouble(i, f.applyAsDouble(r.nextDouble()));
        return a;
    }

    static NdArray ints(DType dt, int[] shape, long seed, long bound, long offset) {
        NdArray a = NdArray.zeros(dt, shape);
        Random r = new Random(seed);
        for (int i = 0; i < a.size(); i++) a.setLong(i, offset + (long) (r.nextDouble() * bound));
        return a;
    }

    @BeforeAll
    static void printWithNumpy() throws IOException {
        if (!PythonZarr.available()) return;
        arrays.put("uint16_5d_summary", ints(DType.UINT16, new int[]{1, 2, 8, 30, 40}, 1, 12, 5));
        arrays.put("uint16_small", ints(DType.UINT16, new int[]{3, 4}, 2, 70000, 0));
        arrays.put("int8_neg", ints(DType.INT8, new int[]{4, 5}, 3, 256, -128));
        arrays.put("int64_implied", ints(DType.INT64, new int[]{6}, 4, 1000000, -500000));
        arrays.put("int64_long_line", ints(DType.INT64, new int[]{60}, 5, 100000, 0));
        arrays.put("uint64_huge", ints(DType.UINT64, new int[]{2, 3}, 6, Long.MAX_VALUE, Long.MAX_VALUE));
        arrays.put("int32_1d_summary", ints(DType.INT32, new int[]{5000}, 7, 2000000, -1000000));
        arrays.put("bool_small", ints(DType.BOOL, new int[]{2, 5}, 8, 2, 0));
        arrays.put("bool_summary", ints(DType.BOOL, new int[]{40, 40}, 9, 2, 0));
        NdArray half = NdArray.zeros(DType.FLOAT64, 3);
        half.setDouble(1, 0.5);
        half.setDouble(2, 1);
        arrays.put("float64_0_half_1", half);
        arrays.put("float64_random", gen(DType.FLOAT64, new int[]{4, 5}, 10, x -> x * 200 - 100));
        arrays.put("float32_random", gen(DType.FLOAT32, new int[]{3, 7}, 11, x -> x));
        arrays.put("float16_random", gen(DType.FLOAT16, new int[]{3, 7}, 12, x -> x * 10));
        arrays.put("float64_exp", gen(DType.FLOAT64, new int[]{2, 4}, 13, x -> Math.pow(10, x * 14 - 7)));
        arrays.put("float32_exp_big", gen(DType.FLOAT32, new int[]{5}, 14, x -> x * 1e12));
        NdArray special = gen(DType.FLOAT64, new int[]{2, 3}, 15, x -> x);
        special.setDouble(0, Double.NaN);
        special.setDouble(1, Double.POSITIVE_INFINITY);
        special.setDouble(2, -0.0);
        special.setDouble(4, Double.NEGATIVE_INFINITY);
        arrays.put("float64_special", special);
        NdArray allNan = NdArray.zeros(DType.FLOAT32, 3);
        for (int i = 0; i < 3; i++) allNan.setDouble(i, Double.NaN);
        arrays.put("float32_all_nan", allNan);
        arrays.put("float64_summary", gen(DType.FLOAT64, new int[]{10, 200}, 16, x -> Math.round(x * 1000) / 100.0));
        arrays.put("float64_ints", gen(DType.FLOAT64, new int[]{7}, 17, x -> Math.floor(x * 100)));
        arrays.put("float64_long_fraction", gen(DType.FLOAT64, new int[]{3, 3}, 18, x -> x / 3));
        NdArray c64 = gen(DType.COMPLEX64, new int[]{2, 3}, 19, x -> x * 4 - 2);
        Random r = new Random(20);
        for (int i = 0; i < c64.size(); i++) ((float[]) c64.data())[2 * i + 1] = (float) (r.nextDouble() * 6 - 3);
        arrays.put("complex64", c64);
        NdArray c128 = gen(DType.COMPLEX128, new int[]{4}, 21, x -> x);
        for (int i = 0; i < c128.size(); i++) ((double[]) c128.data())[2 * i + 1] = -r.nextDouble() * 1e-3;
        ((double[]) c128.data())[3] = Double.NaN;
        arrays.put("complex128", c128);
        NdArray zeroD = NdArray.zeros(DType.UINT16);
        zeroD.setLong(0, 42);
        arrays.put("zero_d_uint16", zeroD);
        NdArray zeroDf = NdArray.zeros(DType.FLOAT64);
        zeroDf.setDouble(0, 2.5);
        arrays.put("zero_d_float64", zeroDf);
        arrays.put("empty_1d", NdArray.zeros(DType.FLOAT64, 0));
        arrays.put("empty_2d", NdArray.zeros(DType.UINT8, 0, 5));
        arrays.put("int16_3d", ints(DType.INT16, new int[]{2, 3, 4}, 22, 2000, -1000));
        arrays.put("uint8_wide", ints(DType.UINT8, new int[]{3, 40}, 23, 256, 0));

        FileStore store = new FileStore(dir.resolve("data.zarr"));
        Zarr.createGroup(store, "");
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            NdArray a = e.getValue();
            int[] s = a.shape();
            long[] shape = new long[s.length];
            int[] chunks = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                shape[i] = s[i];
                chunks[i] = Math.max(1, Math.min(s[i], 16));
            }
            ZarrArray z = Zarr.createArray(store, e.getKey(), ArrayMetadata.builder(a.dtype(), shape, chunks).compressor(null).build());
            z.write(new long[s.length], a);
            cases.add(Map.of("name", e.getKey()));
        }
        new ObjectMapper().writeValue(dir.resolve("manifest.json").toFile(), Map.of("cases", cases));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new ObjectMapper().readValue(PythonZarr.run("repr", dir.toString()), Map.class);
        numpy = m;
    }

    @TestFactory
    List<DynamicTest> reprMatchesNumpy() {
        PythonZarr.assumeAvailable();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () ->
                    assertEquals(numpy.get(e.getKey()), NdArrayFormat.repr(e.getValue()), e.getKey())));
        }
        return tests;
    }

    @Test
    void knownForms() {
        NdArray a = NdArray.zeros(DType.FLOAT64, 3);
        a.setDouble(1, 0.5);
        a.setDouble(2, 1);
        assertEquals("array([0. , 0.5, 1. ])", a.toString());
        assertEquals("array([0, 0, 0], dtype=uint16)", NdArray.zeros(DType.UINT16, 3).toString());
    }
}
