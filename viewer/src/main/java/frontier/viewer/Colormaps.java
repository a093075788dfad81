package frontier.viewer;

/** The colormaps the view offers, as 256-entry RGB tables (the same stops as the script's). */
final class Colormaps {
    private Colormaps() {
    }

    private static double[][] stops(String name) {
        switch (name) {
            case "hot": return new double[][]{{0, 0, 0, 0}, {0.4, 230, 0, 0}, {0.8, 255, 210, 0}, {1, 255, 255, 255}};
            case "viridis": return new double[][]{{0, 68, 1, 84}, {0.25, 59, 82, 139}, {0.5, 33, 145, 140}, {0.75, 94, 201, 98}, {1, 253, 231, 37}};
            case "inferno": return new double[][]{{0, 0, 0, 4}, {0.25, 87, 16, 110}, {0.5, 188, 55, 84}, {0.75, 249, 142, 9}, {1, 252, 255, 164}};
            default: return new double[][]{{0, 0, 0, 0}, {1, 255, 255, 255}};
        }
    }

    /** lut[i] = 0xRRGGBB for intensity i/255. */
    static int[] lut(String name) {
        double[][] st = stops(name);
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int k = 0;
            while (k < st.length - 2 && t > st[k + 1][0]) k++;
            double[] a = st[k], b = st[k + 1];
            double f = Math.min(1, Math.max(0, (t - a[0]) / (b[0] - a[0])));
            int rgb = 0;
            for (int c = 0; c < 3; c++) rgb = (rgb << 8) | (int) Math.round(a[c + 1] + f * (b[c + 1] - a[c + 1]));
            lut[i] = rgb;
        }
        return lut;
    }
}
