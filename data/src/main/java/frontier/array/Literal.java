package frontier.array;

import frontier.array.graph.Op;

import java.util.List;

/** A value carried in the graph itself (an in-memory array wrapped by fromArray). */
public record Literal(NdArray value) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        return value;
    }
}
