package frontier.display.array;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SVG drawing of a chunk grid as dask 2022.12 draws it (dask/array/svg.py): 1-d and 2-d
 * as a grid, 3-d as a skewed box, more dimensions as groups of up to three drawn side by side.
 * Written from a reading of dask's algorithm so that the pictures (and their sizes) agree.
 */
public final class ChunkGridSvg {
    private ChunkGridSvg() {
    }

    private static final String TEXT_STYLE = "font-size=\"1.0rem\" font-weight=\"100\" text-anchor=\"middle\"";

    /** The drawing, or "" where dask draws nothing (0-d arrays, zero-length axes). */
    public static String svg(int[][] chunks, int size) {
        if (chunks.length == 0) return "";
        for (int[] c : chunks) if (Arrays.stream(c).sum() == 0) return "";
        return draw(chunks, size, null, 0, 0);
    }

    private static String draw(int[][] chunks, int size, double[] sizes, double ox, double oy) {
        switch (chunks.length) {
            case 1: return svg2d(new int[][]{{1}, chunks[0]}, size, sizes, ox, oy, 0, 0);
            case 2: return svg2d(chunks, size, sizes, ox, oy, 0, 0);
            case 3: return svg3d(chunks, size, sizes, ox, oy);
            default: return svgNd(chunks, size);
        }
    }

    static int[] shape(int[][] chunks) {
        int[] s = new int[chunks.length];
        for (int i = 0; i < s.length; i++) s[i] = Arrays.stream(chunks[i]).sum();
        return s;
    }

    static double ratioResponse(double x) {
        if (x < Math.E) return x;
        if (x <= 100) return Math.log(x + 12.4);
        return Math.log(100 + 12.4);
    }

    static double[] drawSizes(int[] shape, int size) {
        double mx = Arrays.stream(shape).max().getAsInt();
        double[] out = new double[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = size / ratioResponse(mx / Math.max(0.1, shape[i]));
        return out;
    }

    static double[] gridPoints(int[] chunks, double size) {
        double[] p = new double[chunks.length + 1];
        long acc = 0;
        long total = Arrays.stream(chunks).asLongStream().sum();
        for (int i = 0; i < chunks.length; i++) {
            acc += chunks[i];
            p[i + 1] = acc * size / total;
        }
        return p;
    }

    private static double[] scaled(double[] a, double f) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = a[i] / f;
        return o;
    }

    /** Lines and a tinted polygon for one grid face; bounds = {minX, maxX, minY, maxY}. */
    static List<String> grid(double[] x, double[] y, double ox, double oy, double skewX, double skewY, int size, double[] bounds) {
        int nx = x.length, ny = y.length;
        double xmax = Arrays.stream(x).max().getAsDouble(), ymax = Arrays.stream(y).max().getAsDouble();
        double[] x1 = new double[ny], y1 = new double[ny], x2 = new double[ny], y2 = new double[ny];
        for (int i = 0; i < ny; i++) {
            x1[i] = ox;
            y1[i] = y[i] + oy;
            x2[i] = x[nx - 1] + ox;
            y2[i] = y[i] + oy;
            if (skewX != 0) y2[i] += xmax * skewX;
            if (skewY != 0) {
                x1[i] += skewY * y[i];
                x2[i] += skewY * y[i];
            }
        }
        bounds[0] = Math.min(min(x1), min(x2));
        bounds[2] = Math.min(min(y1), min(y2));
        bounds[1] = Math.max(max(x1), max(x2));
        bounds[3] = Math.max(max(y1), max(y2));
        int maxN = size / 6;
        List<String> out = new ArrayList<>(List.of("", "  <!-- Horizontal lines -->"));
        out.addAll(lines(x1, y1, x2, y2, maxN));
        double[] vx1 = new double[nx], vy1 = new double[nx], vx2 = new double[nx], vy2 = new double[nx];
        for (int i = 0; i < nx; i++) {
            vx1[i] = x[i] + ox;
            vy1[i] = oy;
            vx2[i] = x[i] + ox;
            vy2[i] = y[ny - 1] + oy;
            if (skewX != 0) {
                vy1[i] += skewX * x[i];
                vy2[i] += skewX * x[i];
            }
            if (skewY != 0) vx2[i] += skewY * ymax;
        }
        out.add("");
        out.add("  <!-- Vertical lines -->");
        out.addAll(lines(vx1, vy1, vx2, vy2, maxN));
        String color = nx < maxN && ny < maxN ? "ECB172" : "8B4903";
        String corners = num(vx1[0]) + "," + num(vy1[0]) + " " + num(vx1[nx - 1]) + "," + num(vy1[nx - 1]) + " "
                + num(vx2[nx - 1]) + "," + num(vy2[nx - 1]) + " " + num(vx2[0]) + "," + num(vy2[0]);
        out.add("");
        out.add("  <!-- Colored Rectangle -->");
        out.add("  <polygon points=\"" + corners + "\" style=\"fill:#" + color + "A0;stroke-width:0\"/>");
        return out;
    }

    private static List<String> lines(double[] x1, double[] y1, double[] x2, double[] y2, int maxN) {
        int n = x1.length;
        int[] idx;
        if (n > maxN) {
            idx = new int[maxN];
            for (int i = 0; i < maxN; i++) idx[i] = (int) (maxN == 1 ? 0 : (double) i * (n - 1) / (maxN - 1));
        } else {
            idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            String style = k == 0 || k == idx.length - 1 ? " style=\"stroke-width:2\"" : "";
            out.add("  <line x1=\"" + (long) x1[i] + "\" y1=\"" + (long) y1[i] + "\" x2=\"" + (long) x2[i] + "\" y2=\"" + (long) y2[i] + "\"" + style + " />");
        }
        return out;
    }

    static String svg2d(int[][] chunks, int size, double[] sizes, double ox, double oy, double skewX, double skewY) {
        int[] shape = shape(chunks);
        if (sizes == null) sizes = drawSizes(shape, size);
        double[] y = gridPoints(chunks[0], sizes[0]);
        double[] x = gridPoints(chunks[1], sizes[1]);
        double[] b = new double[4];
        List<String> body = grid(x, y, ox, oy, skewX, skewY, size, b);
        double maxX = b[1], maxY = b[3];
        String header = "<svg width=\"" + (long) (maxX + 50) + "\" height=\"" + (long) (maxY + 50) + "\" style=\"stroke:rgb(0,0,0);stroke-width:1\" >\n";
        int rotate = shape[0] >= 100 ? -90 : 0;
        body.add("");
        body.add("  <!-- Text -->");
        body.add("  <text x=\"" + f(maxX / 2) + "\" y=\"" + f(maxY + 20) + "\" " + TEXT_STYLE + " >" + shape[1] + "</text>");
        body.add("  <text x=\"" + f(maxX + 20) + "\" y=\"" + f(maxY / 2) + "\" " + TEXT_STYLE + " transform=\"rotate(" + rotate + ","
                + f(maxX + 20) + "," + f(maxY / 2) + ")\">" + shape[0] + "</text>");
        return header + String.join("\n", body) + "\n</svg>";
    }

    static String svg3d(int[][] chunks, int size, double[] sizes, double ox, double oy) {
        int[] shape = shape(chunks);
        if (sizes == null) sizes = drawSizes(shape, size);
        double[] x = gridPoints(chunks[0], sizes[0]);
        double[] y = gridPoints(chunks[1], sizes[1]);
        double[] z = gridPoints(chunks[2], sizes[2]);
        double[] b1 = new double[4], b2 = new double[4], b3 = new double[4];
        List<String> xy = grid(scaled(x, 1.7), y, ox + 10, oy, 1, 0, size, b1);
        List<String> zx = grid(z, scaled(x, 1.7), ox + 10, oy, 0, 1, size, b2);
        double maxXOfZx = b2[3];
        List<String> zy = grid(z, y, ox + maxXOfZx + 10, oy + maxXOfZx, 0, 0, size, b3);
        double minZ = b3[0], maxZ = b3[1], minY = b3[2], maxY = b3[3];
        double mnx = b1[0], mxx = b1[1], mxy = b1[3];
        String header = "<svg width=\"" + (long) (maxZ + 50) + "\" height=\"" + (long) (maxY + 50) + "\" style=\"stroke:rgb(0,0,0);stroke-width:1\" >\n";
        int rotate = shape[1] >= 100 ? -90 : 0;
        List<String> body = new ArrayList<>(xy);
        body.addAll(zx);
        body.addAll(zy);
        body.add("");
        body.add("  <!-- Text -->");
        body.add("  <text x=\"" + f((minZ + maxZ) / 2) + "\" y=\"" + f(maxY + 20) + "\" " + TEXT_STYLE + " >" + shape[2] + "</text>");
        body.add("  <text x=\"" + f(maxZ + 20) + "\" y=\"" + f((minY + maxY) / 2) + "\" " + TEXT_STYLE + " transform=\"rotate(" + rotate + ","
                + f(maxZ + 20) + "," + f((minY + maxY) / 2) + ")\">" + shape[1] + "</text>");
        double tx = (mnx + mxx) / 2 - 10, ty = mxy - (mxx - mnx) / 2 + 20;
        body.add("  <text x=\"" + f(tx) + "\" y=\"" + f(ty) + "\" " + TEXT_STYLE + " transform=\"rotate(45," + f(tx) + "," + f(ty) + ")\">" + shape[0] + "</text>");
        return header + String.join("\n", body) + "\n</svg>";
    }

    private static final Pattern WIDTH = Pattern.compile("width=\"(\\d*\\.?\\d*)\"");
    private static final Pattern HEIGHT = Pattern.compile("height=\"(\\d*\\.?\\d*)\"");

    static String svgNd(int[][] chunks, int size) {
        if (chunks.length % 3 == 1) {
            int[][] c = new int[chunks.length + 1][];
            c[0] = new int[]{1};
            System.arraycopy(chunks, 0, c, 1, chunks.length);
            chunks = c;
        }
        double[] sizes = drawSizes(shape(chunks), size);
        List<String> parts = new ArrayList<>();
        double left = 0, totalHeight = 0;
        int at = 0;
        while (at < chunks.length) {
            int remaining = chunks.length - at;
            int n = remaining % 3 == 0 ? 3 : remaining % 3;
            int[][] sub = Arrays.copyOfRange(chunks, at, at + n);
            double[] subSizes = Arrays.copyOfRange(sizes, at, at + n);
            // dask calls svg() here without a size, so the inner grids use its default of 200.
            String o = n == 3 ? svg3d(sub, 200, subSizes, left, 0) : svg2d(n == 1 ? new int[][]{{1}, sub[0]} : sub, 200, n == 1 ? null : subSizes, left, 0, 0, 0);
            at += n;
            String[] lines = o.split("\n", -1);
            Matcher h = HEIGHT.matcher(lines[0]);
            Matcher w = WIDTH.matcher(lines[0]);
            h.find();
            w.find();
            totalHeight = Math.max(totalHeight, Double.parseDouble(h.group(1)));
            left += Double.parseDouble(w.group(1)) + 10;
            parts.add(String.join("\n", Arrays.asList(lines).subList(1, lines.length - 1)));
        }
        return "<svg width=\"" + (long) left + "\" height=\"" + (long) totalHeight + "\" style=\"stroke:rgb(0,0,0);stroke-width:1\" >\n"
                + String.join("\n\n", parts) + "\n</svg>";
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().getAsDouble();
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().getAsDouble();
    }

    /** Python's "%f". */
    private static String f(double v) {
        return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's repr of a float (near enough: Java's shortest-ish form without exponent for these magnitudes). */
    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v + ".0";
        return Double.toString(v);
    }
}
