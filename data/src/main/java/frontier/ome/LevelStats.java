package frontier.ome;

import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.io.IOException;
import java.util.List;

/** min/max of every pyramid level for {@code info --stats}, read through the Zarr reader (chunks in parallel). */
final class LevelStats {
    private LevelStats() {
    }

    static void compute(List<OmeNode> nodes) throws IOException {
        for (OmeNode n : nodes) {
            for (OmeNode.Level l : n.levels()) {
                if (l.path() == null) {
                    n.stats.add(null); // a plate's stitched level: not read
                    continue;
                }
                OmeLocation loc = l.path().isEmpty() ? n.location() : n.location().child(l.path());
                String p = loc.prefix().isEmpty() ? "" : loc.prefix().substring(0, loc.prefix().length() - 1);
                ZarrArray a = Zarr.openArray(loc.store(), p);
                n.stats.add(ArrayStats.minMax(a));
            }
        }
    }
}
