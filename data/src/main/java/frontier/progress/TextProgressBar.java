package frontier.progress;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dask's text progress bar ({@code dask.diagnostics.ProgressBar}) for terminals:
 * {@code [########################################] | 100% Completed | 2.50 s}. On a terminal
 * the line is redrawn in place with carriage returns, at most every 100 ms (and every 100 ms
 * while nothing advances, so the elapsed time keeps ticking). When the output is not a terminal
 * (a log file, a pipe, CI) lines are printed one below the other, as a non-terminal tqdm does: the
 * final line, and while the task runs a line with the label and the counts every 10 percent (at most
 * one a second) and at least every 5 s, so that a long task (millions of chunks) shows it is alive.
 * Thread-safe: chunks may be counted from many worker threads.
 */
public final class TextProgressBar implements ProgressSink {
    /** Dask's bar width in characters. */
    public static final int WIDTH = 40;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "frontier-progress-ticker");
        t.setDaemon(true);
        return t;
    });

    /** Not a terminal: a line at least this often while a task runs. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final long LOG_MIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private final boolean interactive;
    private final long logEveryNanos;

    /**
     * @param out         where the bar goes (stderr for the CLI)
     * @param interactive true when {@code out} is a terminal: redraw in place; false: final line only
     */
    public TextProgressBar(PrintStream out, boolean interactive) {
        this(out, interactive, LOG_EVERY);
    }

    /** logEvery: when not a terminal, the longest time between two lines while a task runs. */
    TextProgressBar(PrintStream out, boolean interactive, Duration logEvery) {
        this.out = out;
        this.interactive = interactive;
        this.logEveryNanos = logEvery.toNanos();
    }

    /** A bar on System.err, interactive when stderr is a terminal. */
    public static TextProgressBar onStderr() {
        return new TextProgressBar(System.err, stderrIsTerminal());
    }

    /**
     * Whether stderr is a terminal. Java 17 cannot ask isatty(2) directly: the frontier launcher
     * passes {@code -Dfrontier.stderr.tty=true|false} (from bash's {@code [ -t 2 ]}); otherwise
     * Linux's /proc tells where fd 2 points.
     */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("frontier.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public Progress start(String label, long total, String unit) {
        return new Bar(label, total, unit);
    }

    /** The bar's line without the carriage return, exactly as Dask draws it. */
    public static String line(double fraction, double elapsedSeconds) {
        double frac = Math.max(0, Math.min(1, fraction));
        int hashes = (int) (WIDTH * frac);
        int percent = (int) (100 * frac);
        return "[" + "#".repeat(hashes) + " ".repeat(WIDTH - hashes) + "] | " + percent + "% Completed | "
                + formatTime(elapsedSeconds);
    }

    /** dask.utils.format_time: "433.84 us", "100.94 ms", "2.50 s", "11m 40s", "2hr 13m", "2d 7hr". */
    public static String formatTime(double n) {
        if (n > 24 * 60 * 60 * 2) {
            long d = (long) (n / 3600 / 24);
            long h = (long) ((n - d * 3600 * 24) / 3600);
            return d + "d " + h + "hr";
        }
        if (n > 60 * 60 * 2) {
            long h = (long) (n / 3600);
            long m = (long) ((n - h * 3600) / 60);
            return h + "hr " + m + "m";
        }
        if (n > 60 * 10) {
            long m = (long) (n / 60);
            long s = (long) (n - m * 60);
            return m + "m " + s + "s";
        }
        if (n >= 1) {
            return twoDecimals(n) + " s";
        }
        if (n >= 1e-3) {
            return twoDecimals(n * 1e3) + " ms";
        }
        return twoDecimals(n * 1e6) + " us";
    }

    /** Python's "%.2f": the exact binary value rounded half-even. */
    private static String twoDecimals(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A line of a bar that is not on a terminal, printed while the task runs:
     * {@code tiny.zarr/0: [####    ] | 10% Completed | 5.01 s | 271/2,708 chunks} (label escaped).
     */
    public static String logLine(String label, long done, long total, String unit, double elapsedSeconds) {
        double frac = total <= 0 ? 0 : (double) done / total;
        String counts = String.format(java.util.Locale.ROOT, "%,d/%,d", done, total) + (unit == null || unit.isEmpty() ? "" : " " + unit);
        return (label == null || label.isEmpty() ? "" : frontier.text.TerminalText.escape(label) + ": ")
                + line(frac, elapsedSeconds) + " | " + counts;
    }

    private final class Bar implements Progress {
        private final String label;
        private final String unit;
        private final long total;
        private final long startNanos = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile long lastDrawNanos;
        private volatile boolean closed;
        private final ScheduledFuture<?> ticking;

        /** Not a terminal: when the last log line was printed and the percentage it showed. */
        private long lastLogNanos = startNanos;
        private long lastLogPercent;

        Bar(String label, long total, String unit) {
            this.label = label;
            this.total = total;
            this.unit = unit;
            if (interactive) {
                draw(false);
                ticking = TICKER.scheduleAtFixedRate(() -> {
                    if (!closed && System.nanoTime() - lastDrawNanos >= REDRAW_NANOS) {
                        draw(false);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS);
            } else {
                long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(LOG_MIN_NANOS, logEveryNanos) / 4);
                ticking = TICKER.scheduleAtFixedRate(this::log, tick, tick, TimeUnit.NANOSECONDS);
            }
        }

        /** Not a terminal: a line every 10 percent (at most one a second) or every logEvery. */
        private void log() {
            synchronized (out) {
                if (closed) {
                    return;
                }
                long now = System.nanoTime();
                long d = done.get();
                long percent = total <= 0 ? 0 : (long) (100.0 * d / total);
                boolean due = now - lastLogNanos >= logEveryNanos
                        || (percent >= lastLogPercent + 10 && now - lastLogNanos >= Math.min(LOG_MIN_NANOS, logEveryNanos));
                if (!due) {
                    return;
                }
                lastLogNanos = now;
                lastLogPercent = percent;
                out.print(logLine(label, d, total, unit, (now - startNanos) / 1e9) + "\n");
                out.flush();
            }
        }

        private double fraction() {
            return total <= 0 ? 0 : (double) done.get() / total;
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
            if (interactive && !closed && System.nanoTime() - lastDrawNanos >= REDRAW_NANOS) {
                draw(false);
            }
        }

        private void draw(boolean last) {
            synchronized (out) {
                if (closed && !last) {
                    return;
                }
                long now = System.nanoTime();
                lastDrawNanos = now;
                double elapsed = (now - startNanos) / 1e9;
                double frac = last && (total <= 0 || done.get() >= total) ? 1 : fraction();
                String text = line(frac, elapsed);
                if (interactive) {
                    out.print("\r" + text + (last ? "\n" : ""));
                } else {
                    out.print(text + "\n");
                }
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (out) {
                if (closed) {
                    return;
                }
                closed = true;
                if (ticking != null) {
                    ticking.cancel(false);
                }
                draw(true);
            }
        }
    }
}
