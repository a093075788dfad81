package frontier.display.array;

import frontier.array.ChunkedArray;
import frontier.array.NdArray;

import java.util.Map;

import static frontier.text.Html.escape;

/** Dask's HTML form of an array: a table (Bytes, Shape, Count, Type by Array and Chunk) beside the chunk-grid SVG. */
public final class ArrayHtml {
    private ArrayHtml() {
    }

    /** The renderer of a lazy array: its text form and Dask's table. */
    public static void render(ChunkedArray a, Map<String, Object> bundle) {
        bundle.put("text/plain", a.toString());
        bundle.put("text/html", html(a));
    }

    /** dask.utils.format_bytes: binary prefixes from 0.9 of a unit, two decimals. */
    public static String formatBytes(long n) {
        String[] prefix = {"Pi", "Ti", "Gi", "Mi", "ki"};
        long[] k = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < k.length; i++) {
            if (n >= k[i] * 0.9) {
                // Python's "%.2f" rounds the exact binary value, ties to even (5.625 -> 5.62)
                java.math.BigDecimal v = new java.math.BigDecimal((double) n / k[i]).setScale(2, java.math.RoundingMode.HALF_EVEN);
                return v.toPlainString() + " " + prefix[i] + "B";
            }
        }
        return n + " B";
    }

    public static long chunkBytes(ChunkedArray a) {
        long n = a.dtype().itemSize();
        for (int c : a.chunksize()) n *= c;
        return n;
    }

    /** The table's cells, row by row: {label, array column, chunk column}. */
    public static String[][] rows(ChunkedArray a) {
        int[] shape = new int[a.ndim()];
        long[] s = a.shape();
        for (int i = 0; i < shape.length; i++) shape[i] = (int) s[i];
        return new String[][]{
                {"Bytes", formatBytes(a.nbytes()), formatBytes(chunkBytes(a))},
                {"Shape", ChunkedArray.tuple(shape), ChunkedArray.tuple(a.chunksize())},
                {"Count", a.taskCount() + " Tasks", a.numChunks() + " Chunks"},
                {"Type", a.dtype().numpyName(), NdArray.class.getName()},
        };
    }

    public static String html(ChunkedArray a) {
        StringBuilder b = new StringBuilder();
        b.append("<table>\n<tr>\n<td>\n<table>\n  <thead>\n    <tr><td> </td><th> Array </th><th> Chunk </th></tr>\n  </thead>\n  <tbody>\n");
        for (String[] r : rows(a)) {
            b.append("    <tr><th> ").append(r[0]).append(" </th><td> ").append(escape(r[1])).append(" </td><td> ").append(escape(r[2])).append(" </td></tr>\n");
        }
        b.append("  </tbody>\n</table>\n</td>\n<td>\n");
        b.append(ChunkGridSvg.svg(a.chunks(), 120));
        b.append("\n</td>\n</tr>\n</table>");
        return b.toString();
    }

}
