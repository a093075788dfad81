package frontier.array.ops;

import frontier.array.ChunkSources;
import frontier.array.graph.Op;

import java.util.List;

/** Opens the array at a location once (metadata) before its chunks are read; returns the location. */
public record OpenSource(String location) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        ChunkSources.open(location);
        return location;
    }
}
