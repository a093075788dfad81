package frontier.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.Method;

/**
 * JShell indexes the whole classpath and JDK in a background thread as soon as the session's
 * source analysis exists (for completing package names): about a second of CPU and much
 * garbage, which on a small machine slows the first cells run while it goes on. This holds
 * that indexing until {@link #resume()} (the kernel calls it once the session is idle).
 * Needs jdk.jshell/jdk.jshell opened to the kernel (the jar's manifest does that); without
 * it indexing just runs at once, as before.
 */
final class BackgroundIndexing {
    private final SourceCodeAnalysis analysis;
    private final Method resume;
    private boolean paused;

    private BackgroundIndexing(SourceCodeAnalysis analysis, Method resume, boolean paused) {
        this.analysis = analysis;
        this.resume = resume;
        this.paused = paused;
    }

    /** Suspends the indexing of this analysis (JShell's suspendIndexing, which completion also uses). */
    static BackgroundIndexing pause(SourceCodeAnalysis analysis) {
        try {
            Method suspend = analysis.getClass().getMethod("suspendIndexing");
            Method resume = analysis.getClass().getMethod("resumeIndexing");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            suspend.invoke(analysis);
            return new BackgroundIndexing(analysis, resume, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new BackgroundIndexing(analysis, null, false);
        }
    }

    synchronized void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        try {
            resume.invoke(analysis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // nothing more to do: indexing stays held, completion of package names stays partial
        }
    }
}
