package frontier.progress;

/**
 * Where progress goes. The CLI installs a text bar on stderr (Dask's form
 * {@code [####    ] | 45% Completed | 1.2s}); the kernel installs a live notebook display for
 * each cell. Library code asks {@link #current()} so that Java cells, magics and the CLI share
 * one path; a host makes its sink current for the extent of a cell or command with {@link #use}.
 */
public interface ProgressSink {
    /** Starts a bar for a task of the given total size; unit is "chunks", "bytes", "tasks", ... */
    Progress start(String label, long total, String unit);

    ProgressSink NONE = (label, total, unit) -> Progress.NONE;

    /**
     * The sink of the cell or command running on this thread ({@link #NONE} outside any): set by
     * {@link #use} on this thread or on the thread that started this one (a worker a cell starts
     * reports to that cell).
     */
    static ProgressSink current() {
        return ProgressSinks.CURRENT.get();
    }

    /**
     * Makes sink (null: {@link #NONE}) the current one on this thread, and on the threads it starts,
     * until the returned scope is closed; then the one before is current again:
     * {@code try (var scope = ProgressSink.use(bars)) { ... }}.
     */
    static Scope use(ProgressSink sink) {
        ProgressSink before = ProgressSinks.CURRENT.get();
        ProgressSinks.CURRENT.set(sink == null ? NONE : sink);
        return () -> ProgressSinks.CURRENT.set(before);
    }

    /** The extent of a {@link #use}: closing it, on the thread that opened it, restores the sink before. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
