package frontier.progress;

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
