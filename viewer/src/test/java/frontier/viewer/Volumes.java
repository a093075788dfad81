package frontier.viewer;

import frontier.array.DType;
import frontier.array.NdArray;

/** Synthetic test volumes, made here (no fixtures needed). */
final class Volumes {
    private Volumes() {
    }

    /** A (c, z, y, x) uint16 volume, zero except one bright ball per channel centred at centres[c] = {z, y, x}. */
    static NdArray balls(int nz, int ny, int nx, int radius, int value, int[]... centres) {
        NdArray a = NdArray.zeros(DType.UINT16, centres.length, nz, ny, nx);
        for (int c = 0; c < centres.length; c++) {
            int[] k = centres[c];
            for (int z = 0; z < nz; z++)
                for (int y = 0; y < ny; y++)
                    for (int x = 0; x < nx; x++) {
                        int dz = z - k[0], dy = y - k[1], dx = x - k[2];
                        if (dz * dz + dy * dy + dx * dx <= radius * radius) a.setDouble(a.flatIndex(c, z, y, x), value);
                    }
        }
        return a;
    }
}
