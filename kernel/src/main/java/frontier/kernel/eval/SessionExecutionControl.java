package frontier.kernel.eval;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs snippets in this JVM (no remote agent: a trivial cell costs microseconds, not a socket
 * round trip), each on a fresh worker thread that stop() can kill with Thread.stop (the only
 * way to end {@code while (true) {}} on Java 17). Keeps the last result object so the kernel can
 * render it richly, not just its toString(); the rendering runs on such a thread too, so every
 * phase of a cell that runs user code can be interrupted.
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

    /** Thrown by {@link #runStoppable} when stop() ended the work. */
    static final class Stopped extends Exception {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * Runs work on a worker thread (the session's class loader as its context loader) that
     * stop() can end; returns its result or throws what it threw.
     */
    <T> T runStoppable(Callable<T> work) throws Exception {
        stopRequested = false;
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(work.call());
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
            throw new Stopped();
        }
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /**
     * The snippet's value is kept for the kernel to render; the text JShell asks for is empty,
     * since nobody reads it and DirectExecutionControl writes out every element of an array
     * (44 s for a 200 MB byte[], on the thread stop() cannot reach).
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastThrowable = null;
        try {
            lastValue = runStoppable(() -> doitMethod.invoke(null));
        } catch (Stopped e) {
            throw new StoppedException();
        } catch (InvocationTargetException ite) {
            lastThrowable = ite.getCause();
            throw ite;
        } catch (Error e) {
            throw new InvocationTargetException(e);
        }
        return "";
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
