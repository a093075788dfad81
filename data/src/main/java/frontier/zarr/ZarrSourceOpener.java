package frontier.zarr;

import frontier.array.ChunkSource;
import frontier.array.ChunkSourceOpener;

import java.io.IOException;

/** Reopens Zarr arrays by location (what {@link ZarrArray#location()} gives) for tasks run in another process. */
public final class ZarrSourceOpener implements ChunkSourceOpener {
    @Override
    public ChunkSource open(String location) throws IOException {
        return Zarr.openArray(location);
    }
}
