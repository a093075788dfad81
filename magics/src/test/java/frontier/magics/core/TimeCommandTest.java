package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    private static String python(String script) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assumptions.assumeFalse(err.contains("No module named 'IPython'"),
                "SKIPPED LOUDLY: IPython (Debian python3-ipython) is not installed; the format oracle did not run");
        assertEquals(0, p.exitValue(), err);
        return out;
    }

    /** The oracle: IPython's own _format_time and TimeitResult. */
    @Test
    void formatsTimesAsIPythonDoes() throws Exception {
        double[] values = {0, 1.5e-9, 0.000123456, 0.0009996, 0.0123, 0.5, 0.99951, 1.0, 59.9, 61, 3725.2, 90000, 2.5e-7, 7.77777e-5};
        StringBuilder script = new StringBuilder("import sys, io\nsys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='utf-8')\n"
                + "from IPython.core.magics.execution import _format_time, TimeitResult\n");
        List<String> ours = new ArrayList<>();
        for (double v : values) {
            script.append(String.format(Locale.ROOT, "print(_format_time(%s))%n", Double.toString(v)));
            ours.add(TimeFormat.format(v));
        }
        int[][] shapes = {{1, 1}, {1000, 7}, {10000000, 3}};
        double[][] runs = {{0.25}, {0.0123, 0.0125, 0.013, 0.0121, 0.0124, 0.0122, 0.0127}, {0.5, 0.51, 0.49}};
        for (int i = 0; i < shapes.length; i++) {
            StringBuilder list = new StringBuilder("[");
            List<Double> r = new ArrayList<>();
            for (double x : runs[i]) {
                list.append(Double.toString(x)).append(',');
                r.add(x);
            }
            list.append(']');
            script.append(String.format(Locale.ROOT, "print(TimeitResult(%d, %d, 0, 0, %s, 0, 3))%n", shapes[i][0], shapes[i][1], list));
            ours.add(new TimeitResult(shapes[i][0], shapes[i][1], r, 3).toString());
        }
        assertEquals(String.join("\n", ours) + "\n", python(script.toString()));
    }

    @Test
    void timePrintsCpuAndWallTimeAndReturnsTheValue() {
        RecordingContext ctx = new RecordingContext(dir);
        ctx.evaluator = src -> {
            busy(50);
            return "value of " + src;
        };
        Object value = registry.runLine("time", "\"a b\".length() + 'c'", ctx);
        assertEquals("value of \"a b\".length() + 'c'", value, "code is passed verbatim, quotes and all");
        String[] lines = ctx.outText().split("\n");
        assertTrue(Pattern.matches("CPU times: user [0-9.e+]+ (ns|µs|ms|s), sys: [0-9.e+]+ (ns|µs|ms|s), total: [0-9.e+]+ (ns|µs|ms|s)", lines[0]), lines[0]);
        assertTrue(Pattern.matches("Wall time: [0-9.]+ ms", lines[1]), lines[1]);
        double wallMs = Double.parseDouble(lines[1].replaceAll("[^0-9.]", ""));
        assertTrue(wallMs >= 50, lines[1]);
    }

    @Test
    void cellTimeTimesTheBody() {
        RecordingContext ctx = new RecordingContext(dir);
        List<String> seen = new ArrayList<>();
        ctx.evaluator = src -> {
            seen.add(src);
            return 42;
        };
        assertEquals(42, registry.runCell("time", "", "int x = 41;\nx + 1", ctx));
        assertEquals(List.of("int x = 41;\nx + 1"), seen);
        assertTrue(ctx.outText().startsWith("CPU times: "), ctx.outText());
    }

    @Test
    void timeitUsesACompiledLambdaAndTheGivenLoops() {
        RecordingContext ctx = new RecordingContext(dir);
        AtomicInteger calls = new AtomicInteger();
        List<String> evaluated = new ArrayList<>();
        ctx.evaluator = src -> {
            evaluated.add(src);
            if (src.startsWith("(java.util.function.Supplier<Object>) () -> (Math.sqrt(2.0))")) {
                return (Supplier<Object>) () -> {
                    calls.incrementAndGet();
                    return Math.sqrt(2.0);
                };
            }
            throw new IllegalStateException("unexpected " + src);
        };
        Object result = registry.runLine("timeit", "-n 100 -r 3 -o Math.sqrt(2.0)", ctx);
        TimeitResult r = assertInstanceOf(TimeitResult.class, result);
        assertEquals(100, r.loops());
        assertEquals(3, r.repeat());
        assertEquals(300, calls.get());
        assertEquals(1, evaluated.size(), "compiled once: " + evaluated);
        // IPython's "The slowest run took ... times longer" warning may come first on a busy machine
        String[] printed = ctx.outText().strip().split("\n");
        assertTrue(printed.length == 1 || printed[0].startsWith("The slowest run took "), ctx.outText());
        String line = printed[printed.length - 1];
        assertTrue(Pattern.matches("[0-9.e+]+ (ns|µs|ms|s) ± [0-9.e+]+ (ns|µs|ms|s) per loop \\(mean ± std\\. dev\\. of 3 runs, 100 loops each\\)", line), line);
    }

    @Test
    void timeitFindsTheLoopCountLikeIPython() {
        RecordingContext ctx = new RecordingContext(dir);
        AtomicInteger calls = new AtomicInteger();
        ctx.evaluator = src -> {
            if (src.startsWith("(java.util.function.Supplier")) {
                throw new IllegalArgumentException("void method: not a Supplier");
            }
            assertEquals("(java.lang.Runnable) () -> { Thread.sleep(1); }", src);
            return (Runnable) () -> {
                calls.incrementAndGet();
                busy(1);
            };
        };
        assertNull(registry.runLine("timeit", "-r 2 Thread.sleep(1);", ctx));
        // 1, 10, 100, ... loops are tried until one run takes 0.2 s; 1 ms loops stop at 100 or 1000 (a busy machine)
        java.util.regex.Matcher m = Pattern.compile("of 2 runs, ([0-9,]+) loops each\\)").matcher(ctx.outText());
        assertTrue(m.find(), ctx.outText());
        int loops = Integer.parseInt(m.group(1).replace(",", ""));
        assertTrue(loops == 100 || loops == 1000, ctx.outText());
        int tried = loops == 100 ? 1 + 10 + 100 : 1 + 10 + 100 + 1000;
        assertEquals(tried + 2 * loops, calls.get());
    }

    @Test
    void timeitFallsBackToEvaluatingEachLoop() {
        RecordingContext ctx = new RecordingContext(dir);
        AtomicInteger calls = new AtomicInteger();
        ctx.evaluator = src -> {
            if (src.startsWith("(java")) {
                return "a lambda's text, not the lambda";
            }
            calls.incrementAndGet();
            return 2;
        };
        registry.runLine("timeit", "-n 5 -r 2 1 + 1", ctx);
        assertEquals(10, calls.get());
        assertTrue(ctx.outText().contains("(mean ± std. dev. of 2 runs, 5 loops each)"), ctx.outText());
    }

    @Test
    void withoutASessionTimeIsAClearUserError() {
        RecordingContext ctx = new RecordingContext(dir);
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("timeit", "1+1", ctx));
        assertEquals("%timeit: no Java session here: run this in a notebook", e.getMessage());
        assertEquals(2, e.exitStatus());
        MagicException empty = assertThrows(MagicException.class, () -> registry.runLine("time", "", ctx));
        assertTrue(empty.getMessage().contains("nothing to time"), empty.getMessage());
        MagicException flag = assertThrows(MagicException.class, () -> registry.runLine("timeit", "-n x 1+1", ctx));
        assertTrue(flag.getMessage().contains("'x' is not an int"), flag.getMessage());
    }

    @Test
    void helpWorksForCodeMagics() {
        Object help = registry.runLine("timeit", "--help", new RecordingContext(dir));
        assertTrue(help.toString().startsWith("Usage: %timeit [-hoqV] [-n=N] [-p=P] [-r=R] [CODE...]"), help.toString());
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
