package frontier.display.ome;

import frontier.ome.DownloadReport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static frontier.text.Html.escape;

/** {@code ome_zarr download}'s report in a notebook: its summary line, a table and a JSON form. */
public final class DownloadReportHtml {
    private DownloadReportHtml() {
    }

    public static void render(DownloadReport r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", html(r));
        bundle.put("application/json", json(r));
    }

    public static String html(DownloadReport r) {
        String row = "<tr><th style=\"text-align:left;padding:1px 8px\">%s</th><td style=\"padding:1px 8px\">%s</td></tr>";
        StringBuilder h = new StringBuilder("<table class=\"frontier-download\">");
        h.append(String.format(row, "Target", escape(r.target().toString())));
        h.append(String.format(row, "Files written", r.filesWritten()));
        h.append(String.format(Locale.ROOT, row, "Bytes written", String.format(Locale.ROOT, "%,d (%.1f MB)", r.bytesWritten(), r.bytesWritten() / 1e6)));
        h.append(String.format(row, "Already present", r.filesAlreadyPresent()));
        if (r.filesVerified() >= 0) h.append(String.format(row, "Verified", r.filesVerified()));
        h.append(String.format(row, "Repaired", r.filesRepaired()));
        h.append(String.format(row, "Missing chunks", r.chunksMissing()));
        h.append(String.format(Locale.ROOT, row, "Time", String.format(Locale.ROOT, "%.2f s (%.1f MB/s)", r.seconds(), r.megabytesPerSecond())));
        h.append(String.format(row, "Requests", r.requests()));
        return h.append("</table>").toString();
    }

    /** The report's numbers under snake_case names. */
    public static Map<String, Object> json(DownloadReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", r.target().toString());
        json.put("files_written", r.filesWritten());
        json.put("bytes_written", r.bytesWritten());
        json.put("files_already_present", r.filesAlreadyPresent());
        json.put("files_repaired", r.filesRepaired());
        if (r.filesVerified() >= 0) json.put("files_verified", r.filesVerified());
        json.put("chunks_missing", r.chunksMissing());
        json.put("seconds", r.seconds());
        json.put("requests", r.requests());
        return json;
    }
}
