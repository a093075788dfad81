package frontier.progress;

/** The per-thread value behind {@link ProgressSink#current()}: scoped by its hosts (the kernel per cell, the CLI per command). */
final class ProgressSinks {
    private ProgressSinks() {
    }

    static final InheritableThreadLocal<ProgressSink> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected ProgressSink initialValue() {
            return ProgressSink.NONE;
        }
    };
}
