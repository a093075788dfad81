package frontier.ipfs.rpc;

import java.io.FileNotFoundException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A multipart/form-data body as Kubo's add expects it: one part per file and directory, named by
 * its URL-escaped relative path, directories as {@code application/x-directory}, symlinks as
 * {@code application/symlink}. File contents are streamed from disk, not buffered.
 */
final class Multipart {
    private final String boundary = "frontier" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private void header(String field, String filename, String type) {
        String h = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + escape(filename) + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
        parts.add(HttpRequest.BodyPublishers.ofString(h, StandardCharsets.UTF_8));
    }

    private static String escape(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    void directory(String rel) {
        header("file", rel, "application/x-directory");
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
    }

    void symlink(String rel, String target) {
        header("file", rel, "application/symlink");
        parts.add(HttpRequest.BodyPublishers.ofString(target + "\r\n", StandardCharsets.UTF_8));
    }

    void file(String field, String rel, Path p) throws FileNotFoundException {
        header(field, rel, "application/octet-stream");
        parts.add(HttpRequest.BodyPublishers.ofFile(p));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
    }

    void file(String field, String rel, byte[] bytes) {
        header(field, rel, "application/octet-stream");
        parts.add(HttpRequest.BodyPublishers.ofByteArray(bytes));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
    }

    HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(new HttpRequest.BodyPublisher[0]));
    }
}
