package frontier.magics.core;

import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code %timeit [-n N] [-r R] [-p P] [-o] [-q] CODE}: times Java code over many loops, as
 * IPython's %timeit. The code is compiled once into a lambda in the session (so the loop times
 * the code, not the compiler); if the session cannot hand back a lambda, each loop evaluates the
 * code afresh, which includes compile time.
 */
@Command(name = "timeit", mixinStandardHelpOptions = true,
        description = {"Time a Java statement or expression over many loops.",
                "Prints 'MEAN ± STD per loop (mean ± std. dev. of R runs, N loops each)' as IPython does.",
                "As %%timeit, the line is setup code run once and the cell is timed."})
public final class TimeitCommand extends JavaCodeMagic {
    @Option(names = "-n", paramLabel = "N", description = "Loops per run (default: enough for 0.2 s).")
    int number;

    @Option(names = "-r", paramLabel = "R", defaultValue = "7", description = "Runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "-p", paramLabel = "P", defaultValue = "3", description = "Significant digits shown (default: ${DEFAULT-VALUE}).")
    int precision;

    @Option(names = "-o", description = "Return the TimeitResult as the cell's value.")
    boolean returnResult;

    @Option(names = "-q", description = "Quiet: print nothing.")
    boolean quiet;

    @Override
    public Object call() throws Exception {
        if (repeat < 1 || number < 0 || precision < 1) {
            throw new MagicException("-r and -p must be at least 1 and -n at least 0");
        }
        String timed = body != null ? body : code;
        if (body != null && !code.isBlank()) {
            context.eval(code); // %%timeit SETUP: run once, not timed
        }
        if (timed.isBlank()) {
            throw new MagicException("nothing to time: write %timeit EXPRESSION, or %%timeit above a cell");
        }
        Runnable loopBody = compile(timed);
        int loops = number;
        if (loops == 0) {
            for (int index = 0; index < 10; index++) {
                loops = (int) Math.pow(10, index);
                if (run(loopBody, loops) >= 0.2) {
                    break;
                }
            }
        }
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            runs.add(run(loopBody, loops));
        }
        TimeitResult result = new TimeitResult(loops, repeat, runs, precision);
        if (!quiet) {
            double worst = result.worst();
            double best = result.best();
            if (worst > 4 * best && best > 0 && worst > 1e-6) {
                context.out().printf("The slowest run took %.2f times longer than the fastest. This could mean that an "
                        + "intermediate result is being cached.%n", worst / best);
            }
            context.out().println(result);
            context.out().flush();
        }
        return returnResult ? result : null;
    }

    private static double run(Runnable loopBody, int loops) {
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            loopBody.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A Runnable that runs the code once: a lambda compiled in the session, else eval per call. */
    private Runnable compile(String source) throws Exception {
        String trimmed = source.strip();
        String statements = trimmed.endsWith(";") || trimmed.endsWith("}") ? trimmed : trimmed + ";";
        List<String> attempts = new ArrayList<>();
        if (!trimmed.contains(";") || trimmed.indexOf(';') == trimmed.length() - 1) {
            String expression = trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            attempts.add("(java.util.function.Supplier<Object>) () -> (" + expression + ")");
        }
        attempts.add("(java.lang.Runnable) () -> { " + statements + " }");
        for (String attempt : attempts) {
            Object compiled;
            try {
                compiled = context.eval(attempt);
            } catch (UnsupportedOperationException e) {
                throw e; // no session at all (the CLI)
            } catch (Exception e) {
                continue; // not this form (a void call is no Supplier); try the next
            }
            if (compiled instanceof Supplier<?> s) {
                return s::get;
            }
            if (compiled instanceof Runnable r) {
                return r;
            }
        }
        return () -> {
            try {
                context.eval(source);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new MagicException("the timed code failed: " + e.getMessage(), e);
            }
        };
    }
}
