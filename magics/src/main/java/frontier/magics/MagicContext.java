package frontier.magics;

import frontier.progress.ProgressSink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a magic may use of its host: the kernel gives a notebook's streams, live displays and
 * JShell; the frontier CLI gives the terminal. Magics never see the messaging protocol.
 */
public interface MagicContext {
    /** The working directory relative paths resolve against. */
    Path cwd();

    /** Output streamed to the user while the magic runs (stdout of the cell / terminal). */
    PrintStream out();

    PrintStream err();

    /** Progress bars: live in a notebook, a text bar on a terminal. */
    ProgressSink progress();

    /**
     * Which scheduler the session's {@code compute()} calls use (what {@code %spark} changes): the
     * host's own for its session; by default the context bound to this thread.
     */
    default frontier.array.sched.SchedulerContext scheduling() {
        return frontier.array.sched.SchedulerContext.current();
    }

    /** Shows a value now (rich in a notebook, its text form on a terminal). */
    void display(Object value);

    /** True in a notebook, where results render richly; false in the CLI. */
    boolean isNotebook();

    /**
     * Evaluates Java source in the session (for %time, %timeit) and returns the value of the
     * last expression, or null. The CLI has no session and throws UnsupportedOperationException.
     */
    default Object eval(String javaSource) throws Exception {
        throw new UnsupportedOperationException("no Java session here: run this in a notebook");
    }

    /** Adds jars or class folders to the session's classpath (for %classpath, %maven). */
    default void addToClasspath(List<Path> entries) {
        throw new UnsupportedOperationException("no Java session here: run this in a notebook");
    }

    /** The session's classpath entries added so far. */
    default List<Path> classpath() {
        return List.of();
    }
}
