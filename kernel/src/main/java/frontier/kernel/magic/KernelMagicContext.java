package frontier.kernel.magic;

import frontier.kernel.eval.JavaEvaluator;
import frontier.magics.MagicContext;
import frontier.array.sched.SchedulerContext;
import frontier.progress.ProgressSink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The kernel as a magic's host: the cell's streams, live displays, and the JShell session. */
public final class KernelMagicContext implements MagicContext {
    private final JavaEvaluator evaluator;
    private final ProgressSink progress;
    private final SchedulerContext scheduling;
    private final Consumer<Object> display;

    /** scheduling: the session's scheduler for compute(); display: shows a value in the running cell's output (the kernel's renderers). */
    public KernelMagicContext(JavaEvaluator evaluator, ProgressSink progress, SchedulerContext scheduling, Consumer<Object> display) {
        this.evaluator = evaluator;
        this.progress = progress;
        this.scheduling = scheduling;
        this.display = display;
    }

    @Override
    public SchedulerContext scheduling() {
        return scheduling;
    }

    @Override
    public Path cwd() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public PrintStream err() {
        return System.err;
    }

    @Override
    public ProgressSink progress() {
        return progress;
    }

    @Override
    public void display(Object value) {
        display.accept(value);
    }

    @Override
    public boolean isNotebook() {
        return true;
    }

    @Override
    public Object eval(String javaSource) throws Exception {
        return evaluator.evalForValue(javaSource);
    }

    @Override
    public void addToClasspath(List<Path> entries) {
        evaluator.addToClasspath(entries);
    }

    @Override
    public List<Path> classpath() {
        return evaluator.classpath();
    }
}
