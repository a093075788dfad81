package frontier.ome;

import java.nio.file.Path;

/**
 * What a download did: where, how many files and bytes, how long; its text is the closing summary line.
 * filesRepaired: chunk files a previous run left that differed from the source (a truncated file, say) and
 * were fetched again; filesVerified: with --verify, files found byte-for-byte equal to the source's (-1 without).
 * Its table and JSON forms are the display module's.
 */
public record DownloadReport(Path target, long filesWritten, long bytesWritten, long filesAlreadyPresent, long filesRepaired,
                             long filesVerified, long chunksMissing, long chunksFetched, double seconds, long requests) {

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
}
