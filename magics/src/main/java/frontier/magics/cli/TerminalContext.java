package frontier.magics.cli;

import frontier.magics.MagicContext;
import frontier.progress.ProgressSink;

import java.io.PrintStream;
import java.nio.file.Path;

/** The frontier CLI's host: the working directory, the terminal's streams, Dask-style text bars on stderr. */
public final class TerminalContext implements MagicContext {
    private final Path cwd;
    private final PrintStream out;
    private final PrintStream err;
    private final ProgressSink progress;

    public TerminalContext(Path cwd, PrintStream out, PrintStream err, ProgressSink progress) {
        this.cwd = cwd;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    @Override
    public Path cwd() {
        return cwd;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public ProgressSink progress() {
        return progress;
    }

    /** A terminal shows a value's plain-text form. */
    @Override
    public void display(Object value) {
        if (value != null) {
            out.println(value);
            out.flush();
        }
    }

    @Override
    public boolean isNotebook() {
        return false;
    }
}
