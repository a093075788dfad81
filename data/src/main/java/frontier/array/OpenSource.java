package frontier.array;

import frontier.array.graph.Op;

import java.util.List;

/** Opens the array once (metadata) before its chunks are read (dask's "original-" task); returns its location. */
public record OpenSource(SourceRef source) implements Op {
    @Override
    public Object apply(List<Object> inputs) throws Exception {
        source.open();
        return source.location();
    }

    public String location() {
        return source.location();
    }
}
