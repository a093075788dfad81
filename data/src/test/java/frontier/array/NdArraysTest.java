package frontier.array;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NdArraysTest {
    @Test
    void shortsRoundTripAsUint16() {
        short[][][] v = {{{1, 2, 3}, {4, 5, (short) 65535}}, {{7, 8, 9}, {10, 11, 12}}};
        NdArray a = NdArrays.fromJava(v, DType.UINT16);
        assertArrayEquals(new int[]{2, 2, 3}, a.shape());
        assertEquals(65535, a.getLongAt(0, 1, 2));
        assertEquals(10, a.getLongAt(1, 1, 0));
        short[][][] back = NdArrays.toJava(a, short[][][].class);
        assertEquals(v[1][1][2], back[1][1][2]);
        assertTrue(java.util.Arrays.deepEquals(v, back));
        assertEquals(DType.INT16, NdArrays.fromJava(v).dtype());
    }

    @Test
    void otherTypes() {
        assertEquals(DType.FLOAT64, NdArrays.fromJava(new double[][]{{1.5}, {2.5}}).dtype());
        assertEquals(2.5, NdArrays.fromJava(new double[][]{{1.5}, {2.5}}).getDoubleAt(1, 0));
        NdArray b = NdArrays.fromJava(new boolean[]{true, false, true});
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new boolean[]{true, false, true}, (boolean[]) NdArrays.toJava(b));
        int[][] empty = new int[3][0];
        assertArrayEquals(new int[]{3, 0}, NdArrays.fromJava(empty).shape());
        float[] f = {1f, 2f};
        assertArrayEquals(f, NdArrays.toJava(NdArrays.fromJava(f), float[].class));
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NdArrays.fromJava(new int[][]{{1, 2}, {3}})).getMessage().contains("ragged"));
        assertThrows(IllegalArgumentException.class, () -> NdArrays.fromJava(new int[]{1}, DType.UINT16));
        assertThrows(IllegalArgumentException.class, () -> NdArrays.fromJava("x"));
        assertThrows(IllegalArgumentException.class, () -> NdArrays.fromJava(new Integer[]{1}));
        assertThrows(IllegalArgumentException.class, () -> NdArrays.toJava(NdArray.zeros(DType.UINT16, 2), int[].class));
    }
}
