package frontier.http;

import java.util.Locale;

/** The Content-Type the servers send for a file name (browsers need it for HTML, images, JSON). */
public final class ContentTypes {
    private ContentTypes() {
    }

    /** By extension; Zarr's metadata files (.zarray, .zattrs, .zgroup, .zmetadata, zarr.json) are JSON. */
    public static String of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "txt", "md" -> "text/plain; charset=utf-8";
            case "json", "zattrs", "zarray", "zgroup", "zmetadata" -> "application/json";
            case "js", "mjs" -> "text/javascript";
            case "css" -> "text/css";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "tif", "tiff" -> "image/tiff";
            case "wasm" -> "application/wasm";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            default -> "application/octet-stream";
        };
    }
}
