package frontier.ome.convert;

import java.nio.file.Path;

/** What {@code ome_zarr convert} wrote: groups and arrays under the target, and how long it took. */
public record ConvertReport(String source, Path target, long nodes, long arrays, double seconds) {
    @Override
    public String toString() {
        return String.format("converted %s to NGFF 0.5 (Zarr v3) at %s: %d groups and arrays, %d arrays of values, %.1f s",
                source, target, nodes, arrays, seconds);
    }
}
