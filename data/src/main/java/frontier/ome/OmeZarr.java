package frontier.ome;

import frontier.store.Store;
import frontier.store.StoreOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * OME-Zarr from Java code, the same code {@code %ome_zarr} runs:
 * <pre>
 * OmeInfo info = OmeZarr.info("https://host/6001240.zarr");
 * DownloadReport r = OmeZarr.download("https://host/6001240.zarr", Path.of("images"));
 * </pre>
 */
public final class OmeZarr {
    private OmeZarr() {
    }

    public static OmeInfo info(String location) throws IOException {
        return info(location, false);
    }

    /** Walks the image as ome-zarr-py's info does; with stats, reads every level for min/max. */
    public static OmeInfo info(String location, boolean stats) throws IOException {
        return info(location, stats, StoreOptions.defaults());
    }

    /** As {@link #info(String, boolean)}, opening the location with options (an S3 endpoint, say). */
    public static OmeInfo info(String location, boolean stats, StoreOptions options) throws IOException {
        try (OmeSession session = new OmeSession(options)) {
            OmeLocation root = session.open(location);
            return info(session, root, stats, location);
        }
    }

    /** On a store the caller owns (and closes). */
    public static OmeInfo info(Store store, boolean stats) throws IOException {
        try (OmeSession session = new OmeSession()) {
            return info(session, session.open(store), stats, store.describe());
        }
    }

    private static OmeInfo info(OmeSession session, OmeLocation root, boolean stats, String source) throws IOException {
        OmeReader reader = new OmeReader();
        java.util.List<OmeNode> nodes = reader.read(root);
        session.settle();
        long requests = session.requests();
        if (stats) LevelStats.compute(nodes);
        return new OmeInfo(source, nodes, reader.warnings(), requests, stats);
    }

    /** Downloads image, levels, labels and masks byte for byte under dir/NAME.zarr. */
    public static DownloadReport download(String location, Path dir) throws IOException {
        return new OmeDownload(location, dir).run();
    }
}
