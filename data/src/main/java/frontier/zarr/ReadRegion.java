package frontier.zarr;

import frontier.array.SourceRef;
import frontier.array.graph.Op;

import java.util.Arrays;
import java.util.List;

/** Reads a region of a Zarr array as one task (its own graph, in parts when it touches very many chunks). */
public record ReadRegion(SourceRef array, long[] offset, int[] shape) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        return ((ZarrArray) array.open()).read(offset, shape);
    }

    @Override
    public String name() {
        return "read " + array.location() + " at " + Arrays.toString(offset) + " shape " + Arrays.toString(shape);
    }
}
