package frontier.kernel;

import frontier.kernel.display.DisplayHost;
import frontier.kernel.display.NotebookProgressSink;
import frontier.kernel.display.RendererRegistry;
import frontier.kernel.eval.CellError;
import frontier.kernel.eval.Completion;
import frontier.kernel.eval.EvalOutcome;
import frontier.kernel.eval.JavaEvaluator;
import frontier.kernel.io.NotebookInputStream;
import frontier.kernel.io.RoutingOutputStream;
import frontier.kernel.io.StreamBuffer;
import frontier.kernel.magic.CellRunner;
import frontier.kernel.magic.KernelMagicContext;
import frontier.kernel.messaging.Channel;
import frontier.kernel.messaging.Iopub;
import frontier.kernel.messaging.KernelSockets;
import frontier.kernel.messaging.Message;
import frontier.kernel.messaging.Replies;
import frontier.kernel.messaging.Requests;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel and its one session: answers shell and control requests, runs cells with the
 * cell's output streamed to iopub while it runs, and publishes displays. Cells run one at a
 * time on the shell thread (their code on a worker the interrupt can stop). The session's
 * code finds this kernel through {@link JavaEvaluator#callerService} (display, magic), never
 * through static state.
 */
public final class Kernel implements DisplayHost {
    private static final long INDEXING_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final KernelSockets sockets;
    private final CompletableFuture<JavaEvaluator> evaluator;
    private final PrintStream log;
    private final History history = new History();
    private final RendererRegistry renderers = RendererRegistry.withBuiltins();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "frontier-flusher");
        t.setDaemon(true);
        return t;
    });
    private final RoutingOutputStream stdout, stderr;
    private final StreamBuffer outBuffer, errBuffer;
    private final NotebookInputStream stdin;
    private final ProgressSink progressSink = new NotebookProgressSink(this);
    /** The execute_request running or last run: the parent of output, also of displays from threads it left running. */
    private volatile Message current;
    private volatile boolean allowStdin;
    private volatile CellRunner cells;
    private int executionCount;
    /** Requests being handled now (shell and control), and when the last one ended. */
    private final AtomicInteger handling = new AtomicInteger();
    private volatile long lastActive = System.nanoTime();
    private volatile boolean indexingStarted;

    public Kernel(KernelSockets sockets, CompletableFuture<JavaEvaluator> session, PrintStream log) {
        this.sockets = sockets;
        this.evaluator = session.thenApply(java -> {
            java.provide(Kernel.class, this);
            return java;
        });
        this.log = log;
        outBuffer = new StreamBuffer(text -> stream("stdout", text));
        errBuffer = new StreamBuffer(text -> stream("stderr", text));
        stdout = new RoutingOutputStream(log);
        stderr = new RoutingOutputStream(log);
        stdin = new NotebookInputStream(this::askLine);
    }

    /** Takes over System.out/err/in for the cells and starts serving. */
    public void start() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setIn(stdin);
        flusher.scheduleWithFixedDelay(() -> {
            flushStreams();
            startIndexingWhenIdle();
        }, 50, 50, TimeUnit.MILLISECONDS);
        sockets.start(this::handle);
    }

    public void awaitShutdown() throws InterruptedException {
        done.await();
    }

    private void stream(String name, String text) {
        sockets.publish(current, new Iopub.Stream(name, text));
    }

    private void flushStreams() {
        outBuffer.flush();
        errBuffer.flush();
    }

    /**
     * JShell's classpath indexing (for completing package names) is held from start-up so it
     * does not compete with the first cells for the CPU; it runs once the kernel has been idle
     * for a second.
     */
    private void startIndexingWhenIdle() {
        if (indexingStarted || handling.get() > 0 || !evaluator.isDone()
                || System.nanoTime() - lastActive < INDEXING_IDLE_NANOS) {
            return;
        }
        indexingStarted = true;
        try {
            evaluator.join().startBackgroundIndexing();
        } catch (RuntimeException e) {
            log.println("frontier-kernel: background indexing not started: " + e);
        }
    }

    void handle(Channel channel, Message m) {
        String type = m.type();
        if (type == null) {
            return;
        }
        handling.incrementAndGet();
        sockets.publish(m, Iopub.Status.BUSY);
        try {
            switch (type) {
                case "kernel_info_request" -> sockets.reply(channel, m, KernelInfo.content());
                case "execute_request" -> execute(channel, m, m.content(Requests.ExecuteRequest.class));
                case "complete_request" -> complete(channel, m, m.content(Requests.CodeAtCursor.class));
                case "inspect_request" -> inspect(channel, m, m.content(Requests.CodeAtCursor.class));
                case "is_complete_request" -> sockets.reply(channel, m,
                        Replies.IsCompleteReply.of(cells().isComplete(m.content(Requests.IsCompleteRequest.class).code())));
                case "history_request" -> history(channel, m, m.content(Requests.HistoryRequest.class));
                case "comm_info_request" -> sockets.reply(channel, m, new Replies.CommInfoReply());
                case "interrupt_request" -> {
                    interrupt();
                    sockets.reply(channel, m, new Replies.InterruptReply());
                }
                case "shutdown_request" -> {
                    sockets.reply(channel, m, new Replies.ShutdownReply(m.content(Requests.ShutdownRequest.class).restart()));
                    done.countDown();
                }
                case "comm_open", "comm_msg", "comm_close" -> {
                    // no comm targets: ignore, as the protocol allows
                }
                default -> log.println("frontier-kernel: unhandled message type " + type);
            }
        } catch (IOException e) {
            log.println("frontier-kernel: " + e.getMessage());
        } finally {
            lastActive = System.nanoTime();
            handling.decrementAndGet();
            sockets.publish(m, Iopub.Status.IDLE);
        }
    }

    /** Interrupt: stops the running Java snippet, magic or shell command; the session stays. */
    public void interrupt() {
        CellRunner c = cells;
        if (c != null) {
            c.interrupt();
        }
    }

    private JavaEvaluator java() {
        return evaluator.join();
    }

    /** The session's cell runner (Java, magics, shell), made once the session has started. */
    private CellRunner cells() {
        CellRunner c = cells;
        if (c == null) {
            synchronized (this) {
                if (cells == null) {
                    cells = new CellRunner(java(), new KernelMagicContext(java(), progressSink, v -> show(v, null, false)));
                }
                c = cells;
            }
        }
        return c;
    }

    private void execute(Channel channel, Message m, Requests.ExecuteRequest request) {
        String code = request.code();
        boolean silent = request.silent();
        if (request.storeHistory()) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            sockets.publish(m, new Iopub.ExecuteInput(code, count));
        }
        if (!silent && code.strip().matches("[\\w.$]+\\?")) {
            page(channel, m, request, code.strip(), count);
            return;
        }
        current = m;
        allowStdin = request.allowStdin();
        stdout.route(outBuffer);
        stderr.route(errBuffer);
        EvalOutcome outcome;
        Map<String, Object> bundle = null;
        // the cell's progress bars (library code finds them through ProgressSink.current())
        ProgressSink.Scope progress = ProgressSink.use(progressSink);
        try {
            CellRunner runner = cells();
            outcome = runner.run(code);
            if (outcome.hasValue() && outcome.value() != null && !(outcome.value() instanceof DisplayHandle) && !silent) {
                Object value = outcome.value();
                try {
                    // the value's toString() is user code: it runs where an interrupt can stop it
                    bundle = plainJdkValue(value) ? renderers.render(value) : java().runStoppable(() -> renderers.render(value));
                } catch (InterruptedException e) {
                    outcome = EvalOutcome.failed(JavaEvaluator.interruptedError());
                } catch (Throwable t) {
                    bundle = Map.of("text/plain", "(cannot display a " + value.getClass().getName() + ": " + t + ")");
                }
            }
        } catch (Throwable t) {
            outcome = EvalOutcome.failed(new CellError(t.getClass().getName(), String.valueOf(t.getMessage()),
                    List.of("kernel error while running the cell: " + t)));
            t.printStackTrace(log);
        } finally {
            System.out.flush();
            System.err.flush();
            flushStreams();
            stdout.route(null);
            stderr.route(null);
            stdin.reset();
            progress.close();
        }
        String outputText = null;
        CellError error = outcome.error();
        if (bundle != null && error == null) {
            outputText = String.valueOf(bundle.get("text/plain"));
            sockets.publish(m, new Iopub.ExecuteResult(count, bundle, Map.of()));
        }
        if (request.storeHistory()) {
            history.add(count, code, outputText);
        }
        if (error != null && !silent) {
            sockets.publish(m, new Iopub.Error(error.ename(), error.evalue(), error.traceback()));
        }
        // abort before replying: a request sent after the client saw this reply is not queued
        // behind the failed cell, and must run (aborting after the reply raced with it)
        if (error != null && request.stopOnError() && channel == Channel.SHELL) {
            abortQueuedCells();
        }
        sockets.reply(channel, m, error == null ? new Replies.ExecuteOk(count, List.of())
                : new Replies.ExecuteError(count, error.ename(), error.evalue(), error.traceback()));
    }

    /**
     * A JDK value whose text is short work and runs no user code (a String, a boxed primitive):
     * rendered on the shell thread, sparing the common cell a thread handoff.
     */
    private static boolean plainJdkValue(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof Character
                || (v instanceof Number && v.getClass().getClassLoader() == null && "java.lang".equals(v.getClass().getPackageName()));
    }

    /** After a failed cell, cells already queued behind it (Run All) are aborted, not run, as IPython does. */
    private void abortQueuedCells() {
        for (Message queued : sockets.pendingShell()) {
            if (!"execute_request".equals(queued.type())) {
                handle(Channel.SHELL, queued);
                continue;
            }
            sockets.publish(queued, Iopub.Status.BUSY);
            sockets.reply(Channel.SHELL, queued, new Replies.ExecuteAborted(executionCount));
            sockets.publish(queued, Iopub.Status.IDLE);
        }
    }

    /** IPython's {@code name?}: the inspection of name shown in the pager. */
    private void page(Channel channel, Message m, Requests.ExecuteRequest request, String code, int count) {
        String name = code.substring(0, code.length() - 1);
        String text;
        try {
            text = java().inspect(name, name.length());
        } catch (RuntimeException e) {
            text = null;
        }
        if (request.storeHistory()) {
            history.add(count, code, null);
        }
        sockets.reply(channel, m, new Replies.ExecuteOk(count,
                List.of(new Replies.PagePayload(text == null ? "no documentation found for " + name : text))));
    }

    private String askLine() {
        Message m = current;
        if (m == null || !allowStdin) {
            return null;
        }
        System.out.flush();
        flushStreams();
        try {
            Message reply = sockets.requestInput(m, new Replies.InputRequest("", false));
            return reply == null ? null : reply.content(Requests.InputReply.class).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            log.println("frontier-kernel: " + e.getMessage());
            return null;
        }
    }

    private void complete(Channel channel, Message m, Requests.CodeAtCursor request) {
        String code = request.code();
        int cursor = Cursor.toCharIndex(code, request.cursorPos());
        Completion c;
        try {
            c = cells().complete(code, cursor);
        } catch (RuntimeException e) {
            log.println("frontier-kernel: completion failed: " + e);
            c = new Completion(List.of(), cursor, cursor);
        }
        sockets.reply(channel, m, new Replies.CompleteReply(c.matches(), Cursor.toCodePoints(code, c.start()),
                Cursor.toCodePoints(code, c.end())));
    }

    private void inspect(Channel channel, Message m, Requests.CodeAtCursor request) {
        String code = request.code();
        String text;
        try {
            text = java().inspect(code, Cursor.toCharIndex(code, request.cursorPos()));
        } catch (RuntimeException e) {
            log.println("frontier-kernel: inspect failed: " + e);
            text = null;
        }
        sockets.reply(channel, m, Replies.InspectReply.of(text));
    }

    private void history(Channel channel, Message m, Requests.HistoryRequest r) {
        List<List<Object>> rows = switch (r.histAccessType()) {
            case "range" -> history.range(r.start(), r.stop(), r.output());
            case "search" -> history.search(r.pattern(), r.n() == null ? 0 : r.n(), r.unique(), r.output());
            default -> history.tail(r.n() == null ? 10 : r.n(), r.output());
        };
        sockets.reply(channel, m, new Replies.HistoryReply(rows));
    }

    /** Shows a value (display, or a magic's display) in the running cell's output through the session's renderers. */
    void show(Object value, String displayId, boolean update) {
        show(renderers.render(value), displayId, update);
    }

    /** A line magic called from the session's Java code (magic("...")). */
    Object lineMagic(String line) throws Exception {
        return cells().runLineFromJava(line);
    }

    @Override
    public void show(Map<String, Object> bundle, String displayId, boolean update) {
        System.out.flush();
        flushStreams();
        sockets.publish(current, Iopub.DisplayData.of(bundle, displayId, update));
    }

    @Override
    public void clearOutput(boolean wait) {
        System.out.flush();
        flushStreams();
        sockets.publish(current, new Iopub.ClearOutput(wait));
    }
}
