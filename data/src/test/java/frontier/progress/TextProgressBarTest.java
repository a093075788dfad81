package frontier.progress;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextProgressBarTest {
    private static final double[][] CASES = {
            {0, 0.00043384}, {0.29, 0.0123}, {0.5, 0.5}, {1, 2.5}, {1, 2.505}, {0.125, 1.005}, {0.999, 75},
            {1, 700}, {0.7, 8000}, {1, 200000}, {1, 0.1009437}, {0.3333333, 0.000000125}};

    @Test
    void drawsDasksLine() {
        assertEquals("[########################################] | 100% Completed | 2.50 s", TextProgressBar.line(1, 2.5));
        assertEquals("[####################                    ] | 50% Completed | 100.94 ms", TextProgressBar.line(0.5, 0.10094));
        assertEquals("[                                        ] | 0% Completed | 433.84 us", TextProgressBar.line(0, 0.00043384));
    }

    /** The oracle: dask's own ProgressBar._draw_bar (Debian python3-dask) for the same fractions and times. */
    @Test
    void matchesDaskItself() throws Exception {
        StringBuilder script = new StringBuilder("import io\nfrom dask.diagnostics import ProgressBar\n");
        for (double[] c : CASES) {
            script.append(String.format(Locale.ROOT, "b=io.StringIO(); ProgressBar(out=b)._draw_bar(%s, %s); print(b.getvalue()[1:])%n",
                    Double.toString(c[0]), Double.toString(c[1])));
        }
        Process p;
        try {
            p = new ProcessBuilder("/usr/bin/python3", "-c", script.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("SKIPPED LOUDLY: /usr/bin/python3 is missing (Debian python3-dask is the oracle)");
            return;
        }
        String dask = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        if (err.contains("No module named 'dask'")) {
            System.err.println("SKIPPED LOUDLY: Debian python3-dask is not installed; the dask oracle did not run");
            Assumptions.abort("Debian python3-dask is not installed");
        }
        assertEquals(0, p.exitValue(), err);
        List<String> ours = new ArrayList<>();
        for (double[] c : CASES) {
            ours.add(TextProgressBar.line(c[0], c[1]));
        }
        assertEquals(String.join("\n", ours) + "\n", dask);
    }

    @Test
    void notATerminalGetsOnlyTheFinalLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextProgressBar sink = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        try (Progress p = sink.start("chunks", 10, "chunks")) {
            for (int i = 0; i < 10; i++) {
                p.advance(1);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.matches("\\[#{40}] \\| 100% Completed \\| [0-9.]+ (us|ms)\n", text), text);
    }

    @Test
    void aTerminalGetsCarriageReturnRedrawsFromManyThreads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextProgressBar sink = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        Progress p = sink.start("chunks", 400, "chunks");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 400; i++) {
            pool.submit(() -> {
                p.advance(1);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        p.close();
        p.close(); // idempotent
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[                                        ] | 0% Completed | "), text);
        assertTrue(text.endsWith("\n"), text);
        String[] draws = text.substring(1, text.length() - 1).split("\r");
        assertTrue(draws.length >= 2 && draws.length < 400, "rate-limited redraws: " + draws.length);
        for (String draw : draws) {
            assertTrue(Pattern.matches("\\[[# ]{40}] \\| \\d+% Completed \\| .+", draw), draw);
        }
        assertTrue(draws[draws.length - 1].startsWith("[" + "#".repeat(40) + "] | 100% Completed | "), text);
    }

    @Test
    void anUnfinishedBarStopsWhereItWas() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextProgressBar sink = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        Progress p = sink.start("bytes", 4, "bytes");
        p.advance(1);
        p.close();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("[##########                              ] | 25% Completed | "));
    }

    /** Not a terminal: a long task prints a line with label and counts while it runs (here every 50 ms), not only at the end. */
    @Test
    void notATerminalLogsALongTaskWhileItRuns() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TextProgressBar sink = new TextProgressBar(out, false, java.time.Duration.ofMillis(50));
        long total = 1L << 62;
        try (Progress p = sink.start("huge.zarr/0\u001b[2J", total, "chunks")) {
            p.advance(1234);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines(bytes).size() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
        }
        List<String> lines = lines(bytes);
        assertTrue(lines.size() >= 3, "periodic lines and the final one: " + lines);
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertTrue(Pattern.matches("huge\\.zarr/0\\\\x1b\\[2J: \\[ {40}] \\| 0% Completed \\| [0-9.]+ (us|ms|s) \\| 1,234/4,611,686,018,427,387,904 chunks", l), l);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("[                                        ] | 0% Completed | "), lines.toString());
        assertTrue(!bytes.toString(StandardCharsets.UTF_8).contains("\r") && !bytes.toString(StandardCharsets.UTF_8).contains("\u001b"));
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            String t = bytes.toString(StandardCharsets.UTF_8);
            return t.isEmpty() ? List.of() : List.of(t.split("\n"));
        }
    }
}
