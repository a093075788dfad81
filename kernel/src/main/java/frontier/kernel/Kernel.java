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
import frontier.kernel.messaging.Channel;
import frontier.kernel.messaging.KernelSockets;
import frontier.kernel.messaging.Message;
import frontier.progress.ProgressSink;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel: answers shell and control requests, runs cells with the cell's output streamed
 * to iopub while it runs, and publishes displays. Cells run one at a time on the shell thread
 * (their code on a worker the interrupt can stop).
 */
public final class Kernel implements DisplayHost {
    private static final long INDEXING_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final KernelSockets sockets;
    private final CompletableFuture<JavaEvaluator> evaluator;
    private final PrintStream log;
    private final History history = new History();
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
    private volatile Message current;
    private volatile CellRunner runner;
    private int executionCount;
    /** Requests being handled now (shell and control), and when the last one ended. */
    private final AtomicInteger handling = new AtomicInteger();
    private volatile long lastActive = System.nanoTime();
    private volatile boolean indexingStarted;

    public Kernel(KernelSockets sockets, CompletableFuture<JavaEvaluator> evaluator, PrintStream log) {
        this.sockets = sockets;
        this.evaluator = evaluator;
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
        Display.setHost(this);
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
        Message m = current;
        sockets.publish("stream", m == null ? Map.of() : m.header(), Map.of("name", name, "text", text));
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

    private void status(Message parent, String state) {
        sockets.publish("status", parent.header(), Map.of("execution_state", state));
    }

    void handle(Channel channel, Message m) {
        String type = m.type();
        if (type == null) {
            return;
        }
        handling.incrementAndGet();
        status(m, "busy");
        try {
            switch (type) {
                case "kernel_info_request" -> sockets.reply(channel, m, "kernel_info_reply", KernelInfo.content());
                case "execute_request" -> execute(channel, m);
                case "complete_request" -> complete(channel, m);
                case "inspect_request" -> inspect(channel, m);
                case "is_complete_request" -> isComplete(channel, m);
                case "history_request" -> history(channel, m);
                case "comm_info_request" -> sockets.reply(channel, m, "comm_info_reply", Map.of("status", "ok", "comms", Map.of()));
                case "interrupt_request" -> {
                    interrupt();
                    sockets.reply(channel, m, "interrupt_reply", Map.of("status", "ok"));
                }
                case "shutdown_request" -> {
                    boolean restart = m.flag("restart", false);
                    sockets.reply(channel, m, "shutdown_reply", Map.of("status", "ok", "restart", restart));
                    done.countDown();
                }
                case "comm_open", "comm_msg", "comm_close" -> {
                    // no comm targets: ignore, as the protocol allows
                }
                default -> log.println("frontier-kernel: unhandled message type " + type);
            }
        } finally {
            lastActive = System.nanoTime();
            handling.decrementAndGet();
            status(m, "idle");
        }
    }

    /** Interrupt: stops the running Java snippet, magic or shell command; the session stays. */
    public void interrupt() {
        CellRunner r = runner;
        if (r != null) {
            r.interrupt();
        }
    }

    private JavaEvaluator java() {
        return evaluator.join();
    }

    private void execute(Channel channel, Message m) {
        String code = m.string("code", "");
        boolean silent = m.flag("silent", false);
        boolean store = m.flag("store_history", true) && !silent;
        if (store) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            sockets.publish("execute_input", m.header(), Map.of("code", code, "execution_count", count));
        }
        if (!silent && code.strip().matches("[\\w.$]+\\?")) {
            page(channel, m, code.strip(), count);
            return;
        }
        current = m;
        stdout.route(outBuffer);
        stderr.route(errBuffer);
        ProgressSink.setCurrent(progressSink);
        EvalOutcome outcome;
        Map<String, Object> bundle = null;
        try {
            CellRunner r = new CellRunner(java(), progressSink);
            runner = r;
            outcome = r.run(code);
            if (outcome.hasValue() && outcome.value() != null && !(outcome.value() instanceof DisplayHandle) && !silent) {
                Object value = outcome.value();
                try {
                    // the value's toString() is user code: it runs where an interrupt can stop it
                    bundle = java().runStoppable(() -> RendererRegistry.global().render(value));
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
            runner = null;
            System.out.flush();
            System.err.flush();
            flushStreams();
            stdout.route(null);
            stderr.route(null);
            stdin.reset();
            ProgressSink.setCurrent(null);
        }
        String outputText = null;
        if (bundle != null && outcome.error() == null) {
            outputText = String.valueOf(bundle.get("text/plain"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("execution_count", count);
            result.put("data", bundle);
            result.put("metadata", Map.of());
            sockets.publish("execute_result", m.header(), result);
        }
        if (store) {
            history.add(count, code, outputText);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        CellError error = outcome.error();
        if (error != null) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("ename", error.ename());
            err.put("evalue", error.evalue());
            err.put("traceback", error.traceback());
            if (!silent) {
                sockets.publish("error", m.header(), err);
            }
            reply.put("status", "error");
            reply.put("execution_count", count);
            reply.putAll(err);
        } else {
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("payload", List.of());
            reply.put("user_expressions", Map.of());
        }
        // abort before replying: a request sent after the client saw this reply is not queued
        // behind the failed cell, and must run (aborting after the reply raced with it)
        if (error != null && m.flag("stop_on_error", true) && channel == Channel.SHELL) {
            abortQueuedCells();
        }
        sockets.reply(channel, m, "execute_reply", reply);
    }

    /** After a failed cell, cells already queued behind it (Run All) are aborted, not run, as IPython does. */
    private void abortQueuedCells() {
        for (Message queued : sockets.pendingShell()) {
            if (!"execute_request".equals(queued.type())) {
                handle(Channel.SHELL, queued);
                continue;
            }
            status(queued, "busy");
            sockets.reply(Channel.SHELL, queued, "execute_reply", Map.of("status", "aborted", "execution_count", executionCount));
            status(queued, "idle");
        }
    }

    /** IPython's {@code name?}: the inspection of name shown in the pager. */
    private void page(Channel channel, Message m, String code, int count) {
        String name = code.substring(0, code.length() - 1);
        String text;
        try {
            text = java().inspect(name, name.length());
        } catch (RuntimeException e) {
            text = null;
        }
        if (text == null) {
            text = "no documentation found for " + name;
        }
        if (m.flag("store_history", true)) {
            history.add(count, code, null);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("execution_count", count);
        reply.put("payload", List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0)));
        reply.put("user_expressions", Map.of());
        sockets.reply(channel, m, "execute_reply", reply);
    }

    private String askLine() {
        Message m = current;
        if (m == null || !m.flag("allow_stdin", false)) {
            return null;
        }
        System.out.flush();
        flushStreams();
        try {
            Message reply = sockets.requestInput(m, Map.of("prompt", "", "password", false));
            return reply == null ? null : reply.string("value", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void complete(Channel channel, Message m) {
        String code = m.string("code", "");
        int cursor = Cursor.toCharIndex(code, m.integer("cursor_pos", code.codePointCount(0, code.length())));
        Completion c;
        try {
            c = CellRunner.complete(java(), code, cursor);
        } catch (RuntimeException e) {
            log.println("frontier-kernel: completion failed: " + e);
            c = new Completion(List.of(), cursor, cursor);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("matches", c.matches());
        reply.put("cursor_start", Cursor.toCodePoints(code, c.start()));
        reply.put("cursor_end", Cursor.toCodePoints(code, c.end()));
        reply.put("metadata", Map.of());
        sockets.reply(channel, m, "complete_reply", reply);
    }

    private void inspect(Channel channel, Message m) {
        String code = m.string("code", "");
        int cursor = Cursor.toCharIndex(code, m.integer("cursor_pos", code.codePointCount(0, code.length())));
        String text;
        try {
            text = java().inspect(code, cursor);
        } catch (RuntimeException e) {
            log.println("frontier-kernel: inspect failed: " + e);
            text = null;
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("found", text != null);
        reply.put("data", text == null ? Map.of() : Map.of("text/plain", text));
        reply.put("metadata", Map.of());
        sockets.reply(channel, m, "inspect_reply", reply);
    }

    private void isComplete(Channel channel, Message m) {
        String code = m.string("code", "");
        String status = CellRunner.isComplete(java(), code);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", status);
        if ("incomplete".equals(status)) {
            reply.put("indent", "    ");
        }
        sockets.reply(channel, m, "is_complete_reply", reply);
    }

    private void history(Channel channel, Message m) {
        boolean output = m.flag("output", false);
        List<List<Object>> rows = switch (m.string("hist_access_type", "tail")) {
            case "range" -> history.range(m.integer("start", 0), m.integer("stop", 0), output);
            case "search" -> history.search(m.string("pattern", "*"), m.integer("n", 0), m.flag("unique", false), output);
            default -> history.tail(m.integer("n", 10), output);
        };
        sockets.reply(channel, m, "history_reply", Map.of("status", "ok", "history", rows));
    }

    @Override
    public void show(Map<String, Object> bundle, String displayId, boolean update) {
        System.out.flush();
        flushStreams();
        Message m = current;
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data", bundle);
        content.put("metadata", Map.of());
        content.put("transient", displayId == null ? Map.of() : Map.of("display_id", displayId));
        sockets.publish(update ? "update_display_data" : "display_data", m == null ? Map.of() : m.header(), content);
    }

    @Override
    public void clearOutput(boolean wait) {
        System.out.flush();
        flushStreams();
        Message m = current;
        sockets.publish("clear_output", m == null ? Map.of() : m.header(), Map.of("wait", wait));
    }
}
