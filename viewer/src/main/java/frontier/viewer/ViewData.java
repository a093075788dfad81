package frontier.viewer;

/**
 * What is embedded in a view: per channel one byte per voxel (z, y, x C order), the data range
 * the bytes span linearly (0 = min, 255 = max of the finite values), the display window in
 * byte units (may reach past 0..255), color, name and visibility.
 */
final class ViewData {
    final int nz, ny, nx;
    final byte[][] voxels;
    final double[][] range;
    final double[][] window;
    final float[][] colors;
    final String[] names;
    final boolean[] visible;
    /** Per channel: NaN voxels (shown as the minimum), and whether all finite values are equal. */
    final long[] nanCount;
    final boolean[] constant;

    ViewData(int nz, int ny, int nx, int channels) {
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
        this.voxels = new byte[channels][];
        this.range = new double[channels][];
        this.window = new double[channels][];
        this.colors = new float[channels][];
        this.names = new String[channels];
        this.visible = new boolean[channels];
        this.nanCount = new long[channels];
        this.constant = new boolean[channels];
    }

    int channels() {
        return voxels.length;
    }

    long bytes() {
        return (long) channels() * nz * ny * nx;
    }

    /** A window in byte units as 0..1 intensity for a byte value. */
    double intensity(int channel, int byteValue) {
        double lo = window[channel][0], hi = window[channel][1];
        double v = (byteValue - lo) / Math.max(1e-9, hi - lo);
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
