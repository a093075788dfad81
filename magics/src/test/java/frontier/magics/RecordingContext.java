package frontier.magics;

import frontier.progress.ProgressSink;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A MagicContext for tests: captures out/err/displays and the classpath, evaluates with a given function. */
public class RecordingContext implements MagicContext {
    public final Path cwd;
    public final boolean notebook;
    public final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    public final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    public final List<Object> displayed = new ArrayList<>();
    public final List<Path> classpath = new ArrayList<>();
    public Function<String, Object> evaluator;

    public RecordingContext(Path cwd) {
        this(cwd, true);
    }

    public RecordingContext(Path cwd, boolean notebook) {
        this.cwd = cwd;
        this.notebook = notebook;
    }

    public String outText() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    public String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
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
        return ProgressSink.NONE;
    }

    @Override
    public void display(Object value) {
        displayed.add(value);
    }

    @Override
    public boolean isNotebook() {
        return notebook;
    }

    @Override
    public Object eval(String javaSource) throws Exception {
        if (evaluator == null) {
            return MagicContext.super.eval(javaSource);
        }
        return evaluator.apply(javaSource);
    }

    @Override
    public void addToClasspath(List<Path> entries) {
        classpath.addAll(entries);
    }

    @Override
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }
}
