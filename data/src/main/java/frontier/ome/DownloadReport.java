package frontier.ome;

import frontier.display.Displayable;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a download did: where, how many files and bytes, how long; its text is the closing summary line.
 * filesRepaired: chunk files a previous run left that differed from the source (a truncated file, say) and
 * were fetched again; filesVerified: with --verify, files found byte-for-byte equal to the source's (-1 without).
 */
public record DownloadReport(Path target, long filesWritten, long bytesWritten, long filesAlreadyPresent, long filesRepaired,
                             long filesVerified, long chunksMissing, long chunksFetched, double seconds, long requests) implements Displayable {

    public double megabytesPerSecond() {
        return seconds > 0 ? bytesWritten / 1e6 / seconds : 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "downloaded %d files, %.1f MB in %.2f s (%.1f MB/s) to %s",
                filesWritten, bytesWritten / 1e6, seconds, megabytesPerSecond(), frontier.text.TerminalText.escape(target.toString())));
        if (filesAlreadyPresent > 0) sb.append("; ").append(filesAlreadyPresent).append(" files already present");
        if (filesVerified >= 0) sb.append(" (").append(filesVerified).append(" chunks verified byte for byte)");
        if (filesRepaired > 0) sb.append("; ").append(filesRepaired).append(" files repaired (they differed from the source)");
        if (chunksMissing > 0) sb.append("; ").append(chunksMissing).append(" chunks missing on the server (fill value)");
        return sb.toString();
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        String row = "<tr><th style=\"text-align:left;padding:1px 8px\">%s</th><td style=\"padding:1px 8px\">%s</td></tr>";
        StringBuilder h = new StringBuilder("<table class=\"frontier-download\">");
        h.append(String.format(row, "Target", frontier.display.Html.escape(target.toString())));
        h.append(String.format(row, "Files written", filesWritten));
        h.append(String.format(java.util.Locale.ROOT, row, "Bytes written", String.format(java.util.Locale.ROOT, "%,d (%.1f MB)", bytesWritten, bytesWritten / 1e6)));
        h.append(String.format(row, "Already present", filesAlreadyPresent));
        if (filesVerified >= 0) h.append(String.format(row, "Verified", filesVerified));
        h.append(String.format(row, "Repaired", filesRepaired));
        h.append(String.format(row, "Missing chunks", chunksMissing));
        h.append(String.format(java.util.Locale.ROOT, row, "Time", String.format(java.util.Locale.ROOT, "%.2f s (%.1f MB/s)", seconds, megabytesPerSecond())));
        h.append(String.format(row, "Requests", requests));
        m.put("text/html", h.append("</table>").toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target.toString());
        json.put("files_written", filesWritten);
        json.put("bytes_written", bytesWritten);
        json.put("files_already_present", filesAlreadyPresent);
        json.put("files_repaired", filesRepaired);
        if (filesVerified >= 0) json.put("files_verified", filesVerified);
        json.put("chunks_missing", chunksMissing);
        json.put("seconds", seconds);
        json.put("requests", requests);
        m.put("application/json", json);
        return m;
    }
}
