package frontier.progress;

/**
 * Where progress goes. The CLI installs a text bar on stderr (Dask's form
 * {@code [####    ] | 45% Completed | 1.2s}); the kernel installs a live notebook display.
 * Library code asks {@link #current()} so that Java cells, magics and the CLI share one path.
 */
public interface ProgressSink {
    /** Starts a bar for a task of the given total size; unit is "chunks", "bytes", "tasks", ... */
    Progress start(String label, long total, String unit);

    ProgressSink NONE = (label, total, unit) -> Progress.NONE;

    /** The sink for the current thread (inheritable: worker threads started from a cell report to that cell). */
    static ProgressSink current() {
        return ProgressSinks.CURRENT.get();
    }

    /** Sets the sink for the current thread and the threads it starts. */
    static void setCurrent(ProgressSink sink) {
        ProgressSinks.CURRENT.set(sink == null ? NONE : sink);
    }
}
