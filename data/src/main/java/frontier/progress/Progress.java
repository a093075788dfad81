package frontier.progress;

/**
 * One running task's progress: a label, a total, and how much is done. Thread-safe; close()
 * marks it finished. Created by a {@link ProgressSink}: a text bar on a terminal, a live
 * display in a notebook.
 */
public interface Progress extends AutoCloseable {
    /** Adds n to the amount done. */
    void advance(long n);

    /** Ends the bar (complete or not: failures close it too). */
    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void advance(long n) {
        }

        @Override
        public void close() {
        }
    };
}
