package frontier.magics.core;

import frontier.magics.MagicException;
import picocli.CommandLine.Command;

/** {@code %time EXPR} / {@code %%time}: runs Java code once and reports CPU and wall time, as IPython does. */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = {"Time one run of a Java statement or expression (CPU and wall time).",
                "Prints IPython's 'CPU times: user ..., sys: ..., total: ...' and 'Wall time: ...';",
                "the expression's value is the result. As %%time, times the whole cell."})
public final class TimeCommand extends JavaCodeMagic {
    @Override
    public Object call() throws Exception {
        String source = body != null ? body : code;
        if (source.isBlank()) {
            throw new MagicException("nothing to time: write %time EXPRESSION, or %%time above a cell");
        }
        double[] ticks0 = CpuClock.procStat();
        CpuClock.Reading cpu0 = CpuClock.now();
        long wall0 = System.nanoTime();
        Object value = context.eval(source); // a failure propagates without times, as in IPython
        long wall = System.nanoTime() - wall0;
        CpuClock.Reading cpu = CpuClock.between(cpu0, ticks0, CpuClock.now(), CpuClock.procStat());
        context.out().println(report(cpu.user(), cpu.system(), wall / 1e9));
        context.out().flush();
        return value;
    }

    /** IPython's two lines. */
    static String report(double user, double system, double wall) {
        return "CPU times: user " + TimeFormat.format(user) + ", sys: " + TimeFormat.format(system)
                + ", total: " + TimeFormat.format(user + system) + "\nWall time: " + TimeFormat.format(wall);
    }
}
