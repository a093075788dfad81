package frontier.viewer;

/**
 * A volume ready to show: per-channel float voxels in (z, y, x) C order, and how it was made
 * from its source (the factors, the level) for the caption.
 */
final class Volume {
    final int channels, nz, ny, nx;
    final float[][] data;
    /** Reduction factors (z, y, x) applied by the reader (1 = none). */
    final int[] factors;

    Volume(int nz, int ny, int nx, float[][] data, int[] factors) {
        this.channels = data.length;
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
        this.data = data;
        this.factors = factors.clone();
    }

    int voxels() {
        return nz * ny * nx;
    }

    boolean downsampled() {
        return factors[0] > 1 || factors[1] > 1 || factors[2] > 1;
    }
}
