package frontier.http;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Serves a directory over HTTP ({@link WebServer}): GET and HEAD, single byte ranges, 404 for what
 * is missing (a folder is not a file), 403 for what lies outside the directory, symlinks included:
 * a path with a link on the way is resolved to its real path before it is opened, and must stay
 * inside the real path of the root. Binds 127.0.0.1 unless told otherwise. The tutorial notebook and {@code frontier
 * serve} use it to serve a local OME-Zarr image as if it were remote; tests and benchmarks too.
 * <p>
 * Tests inject faults with {@link #setFault}: a {@link Fault} sees every request first, on a pool
 * thread where it may block, and may answer it itself (a 500, a truncated body, a hang).
 * <pre>
 * try (StaticFileServer s = StaticFileServer.start(Path.of("images"))) {
 *     String url = s.url("6001240.zarr");   // http://127.0.0.1:PORT/6001240.zarr
 * }
 * </pre>
 */
public final class StaticFileServer implements AutoCloseable {

    /** A hook that sees each request before it is served; return true when it answered the request itself. */
    @FunctionalInterface
    public interface Fault {
        boolean handle(String path, ServerExchange exchange) throws Exception;
    }

    /** Files up to this size are read and sent in one write; larger ones are streamed. */
    private static final int WHOLE = 1 << 20;

    private final Path root;
    private final WebServer server;
    private volatile Fault fault;

    private StaticFileServer(Path root, InetAddress bind, int port) throws IOException {
        Path r = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(r)) throw new IOException("not a directory: " + r);
        this.root = r.toRealPath();
        this.server = WebServer.builder(this::handle).nonBlocking().bind(bind).port(port).name("static-file-server").start();
    }

    /** Serves root on 127.0.0.1:port (0 = an ephemeral port). */
    public static StaticFileServer start(Path root, int port) throws IOException {
        return new StaticFileServer(root, InetAddress.getLoopbackAddress(), port);
    }

    public static StaticFileServer start(Path root) throws IOException {
        return start(root, 0);
    }

    /** Serves root on the given address (0.0.0.0: every interface) and port. */
    public static StaticFileServer start(Path root, InetAddress bind, int port) throws IOException {
        return new StaticFileServer(root, bind, port);
    }

    public int port() {
        return server.port();
    }

    /** The real path of the directory served. */
    public Path root() {
        return root;
    }

    /** http://HOST:PORT/ followed by the given relative path. */
    public String url(String relative) {
        String r = relative.startsWith("/") ? relative.substring(1) : relative;
        return server.url() + "/" + r;
    }

    public String url() {
        return url("");
    }

    /** Requests received so far (HEAD included). */
    public long requestCount() {
        return server.requestCount();
    }

    public void resetRequestCount() {
        server.resetRequestCount();
    }

    public void setFault(Fault f) {
        this.fault = f;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "Serving " + root + " at " + url();
    }

    private void handle(ServerExchange ex) throws IOException {
        Fault f = fault;
        if (f == null) {
            serve(ex);
            return;
        }
        ex.dispatch(() -> {
            if (!f.handle(ex.path(), ex)) serve(ex);
        });
    }

    /** A file's real path and its attributes. */
    private record Located(Path real, BasicFileAttributes attrs) {
    }

    /**
     * The real path and attributes of file (a normalized path under the root), or a
     * SecurityException when its real path lies outside the root. Each name below the root is
     * looked at without following links, one lstat each: when none is a link, the path is real
     * already (the root is). At the first link, the path is resolved in full, every link followed,
     * and must stay inside the root. (toRealPath for every request cost a readlink per name from
     * the file system's root, ~10 per chunk file.)
     */
    private Located locate(Path file) throws IOException {
        Path p = root;
        BasicFileAttributes a = null;
        for (Path name : root.relativize(file)) {
            if (name.toString().isEmpty()) continue; // the root itself
            p = p.resolve(name);
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                Path real = file.toRealPath();
                if (!real.startsWith(root)) throw new SecurityException();
                return new Located(real, Files.readAttributes(real, BasicFileAttributes.class));
            }
        }
        return new Located(file, a != null ? a : Files.readAttributes(root, BasicFileAttributes.class));
    }

    private void serve(ServerExchange ex) throws IOException {
        if (!ex.method().equals("GET") && !ex.isHead()) {
            ex.header("Allow", "GET, HEAD").respondText(405, ex.method() + " (allowed: GET, HEAD)");
            return;
        }
        String path = ex.path();
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.contains("\\")) {
            ex.respondText(400, "bad path");
            return;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        Path real;
        BasicFileAttributes attrs;
        try {
            if (!file.startsWith(root)) throw new SecurityException();
            Located at = locate(file);
            real = at.real();
            attrs = at.attrs();
        } catch (SecurityException e) {
            ex.respondText(403, path + " is outside the served folder");
            return;
        } catch (NoSuchFileException e) {
            ex.respondText(404, path);
            return;
        } catch (IOException e) {
            ex.respondText(404, path + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (!attrs.isRegularFile()) {
            ex.respondText(404, path + " is not a file");
            return;
        }
        long size = attrs.size();
        ByteRange range = ByteRange.parse(ex.requestHeader("Range"), size);
        if (range != null && !range.satisfiable()) {
            ex.header("Content-Range", range.contentRange()).respondText(416, "range not satisfiable");
            return;
        }
        int status = 200;
        long from = 0;
        long length = size;
        if (range != null) {
            status = 206;
            from = range.from();
            length = range.length();
            ex.header("Content-Range", range.contentRange());
        }
        ex.header("Accept-Ranges", "bytes");
        String type = ContentTypes.of(real.getFileName().toString());
        if (length > WHOLE || ex.isHead()) {
            ex.respond(status, type, real, from, length);
            return;
        }
        byte[] bytes = new byte[(int) length];
        try (FileChannel ch = FileChannel.open(real, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                if (ch.read(b, from + b.position()) < 0) throw new IOException(path + " shrank while it was read");
            }
        }
        ex.respond(status, type, bytes);
    }
}
