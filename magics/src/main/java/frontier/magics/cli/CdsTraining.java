package frontier.magics.cli;

import frontier.http.StaticFileServer;
import frontier.magics.MagicRegistry;
import frontier.sample.SampleImage;
import frontier.store.Stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run bin/frontier records its class-data-sharing archive from: the common commands on a small
 * sample, local and over loopback HTTP, so that the archive holds what users' commands load. (An
 * archive recorded from whatever a user ran first, often {@code --help}, held almost nothing.)
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static int run() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        InputStream none = InputStream.nullInputStream();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("frontier-cds");
            Path image = dir.resolve("sample.zarr");
            SampleImage.write(Stores.directory(image), new int[]{1, 2, 4, 32, 32});
            MagicRegistry registry = MagicRegistry.load();
            for (String name : registry.lineMagics()) {
                FrontierCli.run(new String[]{name, "--help"}, none, quiet, quiet, dir);
            }
            FrontierCli.run(new String[]{"ome_zarr", "info", image.toString()}, none, quiet, quiet, dir);
            FrontierCli.run(new String[]{"zarr", "stat", image.toString(), "--path", "0"}, none, quiet, quiet, dir);
            FrontierCli.run(new String[]{"ipfs", "add", "-Q", "-r", "-n", "--cid-version", "1", image.toString()}, none, quiet, quiet, dir);
            try (StaticFileServer server = StaticFileServer.start(dir)) {
                String url = server.url("sample.zarr");
                FrontierCli.run(new String[]{"ome_zarr", "info", url}, none, quiet, quiet, dir);
                FrontierCli.run(new String[]{"ome_zarr", "download", url, "--output", dir.resolve("copy").toString()}, none, quiet, quiet, dir);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1;
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind costs nothing but disk
        }
    }
}
