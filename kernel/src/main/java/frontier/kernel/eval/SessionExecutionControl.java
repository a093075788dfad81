package frontier.kernel.eval;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs snippets in this JVM (no remote agent: a trivial cell costs microseconds, not a socket
 * round trip), each on a fresh worker thread that stop() can kill with Thread.stop (the only
 * way to end {@code while (true) {}} on Java 17). Keeps the last result object so the kernel can
 * render it richly, not just its toString().
 */
final class SessionExecutionControl extends DirectExecutionControl {
    private final SessionLoaderDelegate delegate;
    private volatile Thread worker;
    private volatile boolean stopRequested;
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;

    SessionExecutionControl(SessionLoaderDelegate delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastThrowable = null;
        stopRequested = false;
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "frontier-cell");
        t.setContextClassLoader(delegate.loader());
        worker = t;
        try {
            t.start();
            t.join();
        } finally {
            worker = null;
        }
        Throwable f = failure.get();
        if (stopRequested || f instanceof ThreadDeath
                || (f instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath)) {
            throw new StoppedException();
        }
        if (f instanceof InvocationTargetException ite) {
            lastThrowable = ite.getCause();
            throw ite;
        }
        if (f instanceof Exception e) {
            throw e;
        }
        if (f != null) {
            throw new InvocationTargetException(f);
        }
        lastValue = result.get();
        return valueString(lastValue);
    }

    /** Stops the running snippet; the session keeps its state. */
    @SuppressWarnings({"deprecation", "removal"})
    @Override
    public void stop() {
        Thread t = worker;
        if (t != null) {
            stopRequested = true;
            t.interrupt();
            t.stop();
        }
    }

    boolean running() {
        return worker != null;
    }

    boolean wasStopped() {
        return stopRequested;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    SessionLoaderDelegate delegate() {
        return delegate;
    }
}
