package frontier.array;

import java.io.IOException;
import java.io.Serializable;

/**
 * The array a task reads or writes: its location, which travels with the task, and in the
 * process that made the graph the open array itself, which does not (a transient field), so that
 * tasks run here use the open array and tasks run elsewhere reopen it by location, once per
 * deserialized graph or batch (the tasks of a layer share one reference, and Java serialization
 * keeps shared references shared). No registry of open arrays is kept.
 */
public final class SourceRef implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How locations of arrays that cannot be reopened elsewhere (in memory) start. */
    static final String IN_MEMORY = "in-memory:";

    private final String location;
    private transient volatile ChunkSource source;

    public SourceRef(ChunkSource open) {
        String loc = open.location();
        this.location = loc != null ? loc : IN_MEMORY + open.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(open));
        this.source = open;
    }

    /** A reference by location only (opened on first use). */
    public SourceRef(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }

    /** The open array: the one given, or opened by location on first use. */
    public ChunkSource open() throws IOException {
        ChunkSource s = source;
        if (s == null) {
            synchronized (this) {
                s = source;
                if (s == null) source = s = ChunkSources.open(location);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return location;
    }
}
