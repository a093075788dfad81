package frontier.viewer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The static picture beside the interactive view: a maximum-intensity projection along z of
 * each channel (windowed), the channels added in their colors (or the max through a
 * colormap), y down and x right as in the data. Small images are enlarged (nearest neighbour)
 * to at least {@link #MIN_SIDE} pixels; large ones sampled down to at most {@link #MAX_SIDE}.
 */
final class MipRenderer {
    static final int MIN_SIDE = 256;
    static final int MAX_SIDE = 1024;

    private MipRenderer() {
    }

    /** Per channel, the projection in byte units: mip[c][y * nx + x]. */
    static int[][] project(ViewData d) {
        int plane = d.ny * d.nx;
        int[][] mip = new int[d.channels()][plane];
        for (int c = 0; c < d.channels(); c++) {
            byte[] v = d.voxels[c];
            int[] m = mip[c];
            for (int z = 0; z < d.nz; z++) {
                int base = z * plane;
                for (int i = 0; i < plane; i++) {
                    int b = v[base + i] & 0xff;
                    if (b > m[i]) m[i] = b;
                }
            }
        }
        return mip;
    }

    /** The projection as an image at data resolution (one pixel per (y, x)). */
    static BufferedImage image(ViewData d, String colormap) {
        int[][] mip = project(d);
        int[] lut = "channels".equals(colormap) ? null : Colormaps.lut(colormap);
        BufferedImage img = new BufferedImage(Math.max(1, d.nx), Math.max(1, d.ny), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < d.ny; y++) {
            for (int x = 0; x < d.nx; x++) {
                int i = y * d.nx + x;
                double r = 0, g = 0, b = 0, m = 0;
                for (int c = 0; c < d.channels(); c++) {
                    if (!d.visible[c]) continue;
                    double w = d.intensity(c, mip[c][i]);
                    float[] col = d.colors[c];
                    r += col[0] * w;
                    g += col[1] * w;
                    b += col[2] * w;
                    m = Math.max(m, w);
                }
                int rgb = lut != null ? lut[(int) Math.round(m * 255)]
                        : (clamp255(r) << 16) | (clamp255(g) << 8) | clamp255(b);
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static int clamp255(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** Integer scale for the PNG: enlarges small images, shrinks big ones (as 1/n). */
    static BufferedImage resized(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight(), side = Math.max(w, h);
        if (side >= MIN_SIDE && side <= MAX_SIDE) return src;
        int nw, nh;
        if (side < MIN_SIDE) {
            int k = Math.max(1, MIN_SIDE / side);
            nw = w * k;
            nh = h * k;
        } else {
            int k = (side + MAX_SIDE - 1) / MAX_SIDE;
            nw = Math.max(1, w / k);
            nh = Math.max(1, h / k);
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < nh; y++) {
            int sy = (int) ((long) y * h / nh);
            for (int x = 0; x < nw; x++) out.setRGB(x, y, src.getRGB((int) ((long) x * w / nw), sy));
        }
        return out;
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer in this JVM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
