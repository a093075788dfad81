package frontier.kernel.display;

import frontier.text.Html;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress bars in the notebook: each bar is one display id, redrawn with update_display_data
 * (at most ~10 times a second, and always at the end).
 */
public final class NotebookProgressSink implements ProgressSink {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private final DisplayHost host;

    public NotebookProgressSink(DisplayHost host) {
        this.host = host;
    }

    @Override
    public Progress start(String label, long total, String unit) {
        Bar bar = new Bar(label, total, unit);
        host.show(bar.bundle(false), bar.id, false);
        return bar;
    }

    private final class Bar implements Progress {
        final String id = "progress-" + UUID.randomUUID();
        final String label, unit;
        final long total;
        final long startNanos = System.nanoTime();
        final AtomicLong done = new AtomicLong();
        volatile long lastDraw = System.nanoTime();
        volatile boolean closed;

        Bar(String label, long total, String unit) {
            this.label = label;
            this.total = total;
            this.unit = unit == null ? "" : unit;
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
            long now = System.nanoTime();
            if (now - lastDraw >= MIN_INTERVAL_NANOS) {
                lastDraw = now;
                host.show(bundle(false), id, true);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                host.show(bundle(true), id, true);
            }
        }

        Map<String, Object> bundle(boolean finished) {
            long d = done.get();
            double frac = total > 0 ? Math.min(1.0, (double) d / total) : (finished ? 1.0 : 0.0);
            int pct = (int) Math.round(frac * 100);
            double secs = (System.nanoTime() - startNanos) / 1e9;
            String counts = total > 0 ? d + "/" + total + " " + unit : d + " " + unit;
            String time = String.format("%.1fs", secs);
            int width = 40, filled = (int) Math.round(frac * width);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("text/plain", String.format("%s [%s%s] | %3d%% Completed | %s | %s", label,
                    "#".repeat(filled), " ".repeat(width - filled), pct, counts.trim(), time));
            b.put("text/html", "<div class=\"frontier-progress\" style=\"font-family:monospace\">"
                    + Html.escape(label) + " <progress value=\"" + pct + "\" max=\"100\" style=\"width:20em\"></progress> "
                    + pct + "% | " + Html.escape(counts.trim()) + " | " + time + (finished ? " ✔" : "") + "</div>");
            return b;
        }
    }
}
