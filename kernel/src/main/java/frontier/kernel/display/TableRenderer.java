package frontier.kernel.display;

import frontier.text.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Map;

/** A tablesaw Table as an HTML table (first rows only for big tables) and its own text form. */
final class TableRenderer {
    static final int MAX_ROWS = 50;

    private TableRenderer() {
    }

    static void render(Table t, Map<String, Object> bundle) {
        StringBuilder h = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
        for (String name : t.columnNames()) {
            h.append("<th>").append(Html.escape(name)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int rows = Math.min(t.rowCount(), MAX_ROWS);
        for (int r = 0; r < rows; r++) {
            h.append("<tr>");
            for (Column<?> c : t.columns()) {
                h.append("<td>").append(Html.escape(c.getString(r))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>");
        if (t.rowCount() > MAX_ROWS) {
            h.append("\n<p>").append(t.rowCount()).append(" rows × ").append(t.columnCount()).append(" columns</p>");
        }
        bundle.put("text/html", h.toString());
        bundle.put("text/plain", t.printAll().length() < 20000 ? t.printAll() : t.print(MAX_ROWS));
    }
}
