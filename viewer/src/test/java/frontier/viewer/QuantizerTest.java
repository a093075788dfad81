package frontier.viewer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class QuantizerTest {
    static Volume vol(float... values) {
        return new Volume(1, 1, values.length, new float[][]{values}, new int[]{1, 1, 1});
    }

    @Test
    void rangeMapsLinearlyOntoBytes() {
        ViewData d = Quantizer.quantize(vol(100, 150, 200, 355), null);
        assertArrayEquals(new double[]{100, 355}, d.range[0]);
        assertEquals(0, d.voxels[0][0] & 0xff);
        assertEquals(50, d.voxels[0][1] & 0xff);
        assertEquals(100, d.voxels[0][2] & 0xff);
        assertEquals(255, d.voxels[0][3] & 0xff);
        assertArrayEquals(new double[]{0, 255}, d.window[0]);
    }

    @Test
    void windowInDataUnitsBecomesByteUnits() {
        ChannelStyle s = new ChannelStyle("DAPI", new float[]{0, 0, 1}, 150.0, 200.0, true);
        ViewData d = Quantizer.quantize(vol(100, 150, 200, 355), new ChannelStyle[]{s});
        assertEquals(50, d.window[0][0], 1e-9);
        assertEquals(100, d.window[0][1], 1e-9);
        assertEquals("DAPI", d.names[0]);
        assertEquals(0.0, d.intensity(0, 50));
        assertEquals(0.5, d.intensity(0, 75), 1e-9);
        assertEquals(1.0, d.intensity(0, 255));
    }

    @Test
    void nanInfAndConstants() {
        ViewData d = Quantizer.quantize(vol(Float.NaN, 1, 3, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY), null);
        assertEquals(1, d.nanCount[0]);
        assertArrayEquals(new double[]{1, 3}, d.range[0]);
        assertArrayEquals(new byte[]{0, 0, (byte) 255, (byte) 255, 0}, d.voxels[0]);

        ViewData c = Quantizer.quantize(vol(7, 7, 7), null);
        assertTrue(c.constant[0]);
        assertEquals(255, c.voxels[0][1] & 0xff, "a nonzero constant shows as a solid block");
        ViewData zero = Quantizer.quantize(vol(0, 0), null);
        assertEquals(0, zero.voxels[0][0]);
        ViewData allNan = Quantizer.quantize(vol(Float.NaN, Float.NaN), null);
        assertEquals(2, allNan.nanCount[0]);
        assertArrayEquals(new double[]{0, 255}, allNan.window[0]);
    }
}
