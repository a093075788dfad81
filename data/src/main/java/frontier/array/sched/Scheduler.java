package frontier.array.sched;

import frontier.array.graph.TaskGraph;

/**
 * Runs a task graph and returns the output task's result. The default is the
 * {@link ThreadPoolScheduler}; another engine (Spark) implements the same interface, since
 * tasks and graphs are plain serializable values.
 */
public interface Scheduler {
    /**
     * Runs every task of the graph. Interrupting the calling thread cancels the remaining tasks
     * and throws {@link ComputeException} (with the interrupt flag set again); a failing task
     * cancels the rest and throws {@link ComputeException} naming the task.
     */
    Object run(TaskGraph graph) throws ComputeException;

    /** The scheduler {@code compute()} uses unless one is given: that of the {@link SchedulerContext} of this thread. */
    static Scheduler current() {
        return SchedulerContext.current().scheduler();
    }
}
