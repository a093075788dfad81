package frontier.array.sched;

final class Schedulers {
    private Schedulers() {
    }

    private static volatile Scheduler current = new ThreadPoolScheduler();

    static Scheduler defaultScheduler() {
        return current;
    }

    static void setDefault(Scheduler s) {
        current = s == null ? new ThreadPoolScheduler() : s;
    }
}
