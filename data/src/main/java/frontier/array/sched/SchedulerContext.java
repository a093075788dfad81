package frontier.array.sched;

/**
 * Which scheduler {@code compute()} uses when none is given. A host owns one per session and binds
 * it to the threads that run the session's code (the kernel does so for each cell; {@code %spark}
 * changes its scheduler). Threads started from a bound thread share its context; a thread nobody
 * bound gets a context of its own, on threads.
 */
public final class SchedulerContext {
    private static final InheritableThreadLocal<SchedulerContext> BOUND = new InheritableThreadLocal<>() {
        @Override
        protected SchedulerContext initialValue() {
            return new SchedulerContext();
        }
    };

    private static final Scheduler THREADS = new ThreadPoolScheduler();

    private volatile Scheduler scheduler;

    /** The context of this thread. */
    public static SchedulerContext current() {
        return BOUND.get();
    }

    /** Binds a context to this thread and the threads it starts from now on; null gives it a fresh one. */
    public static void bind(SchedulerContext context) {
        BOUND.set(context == null ? new SchedulerContext() : context);
    }

    /** The scheduler in use: the one set, else a thread pool of one thread per core. */
    public Scheduler scheduler() {
        Scheduler s = scheduler;
        return s == null ? THREADS : s;
    }

    /** Makes s the scheduler of later computations; null goes back to threads. */
    public void use(Scheduler s) {
        scheduler = s;
    }

    /** The cluster scheduler in use, or null when computations run on threads here. */
    public ClusterScheduler cluster() {
        return scheduler instanceof ClusterScheduler c ? c : null;
    }
}
