package frontier.kernel.magic;

import frontier.kernel.eval.CellError;
import frontier.kernel.eval.Completion;
import frontier.kernel.eval.EvalOutcome;
import frontier.kernel.eval.JavaEvaluator;
import frontier.magics.MagicException;
import frontier.magics.core.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one cell: Java through JShell, {@code %magic} / {@code %%magic} through the magics
 * registry, {@code !cmd} through bash. A magic's own error shows as one line plus its usage.
 */
public final class CellRunner {
    private final JavaEvaluator java;
    private final KernelMagicContext context;
    private MagicRunner magics;
    private volatile Thread magicThread;

    /** One per session: Java through java, magics with context as their host. */
    public CellRunner(JavaEvaluator java, KernelMagicContext context) {
        this.java = java;
        this.context = context;
    }

    /** A line magic run from Java code in a cell ("name args"); its errors are thrown as MagicException. */
    public Object runLineFromJava(String line) throws Exception {
        String trimmed = line.strip();
        if (trimmed.startsWith("%")) trimmed = trimmed.substring(1);
        int sp = trimmed.indexOf(' ');
        String name = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String args = sp < 0 ? "" : trimmed.substring(sp + 1).strip();
        return magics().runLine(name, expand(args), context);
    }

    /** $name and ${expr} expansion against the session, as IPython does in magic lines. */
    private String expand(String args) {
        return ArgExpander.expand(args,
                name -> {
                    if (!java.hasVariable(name)) return null;
                    try {
                        return java.evalForValue(name);
                    } catch (Exception e) {
                        return null;
                    }
                },
                expr -> {
                    try {
                        return java.evalForValue(expr);
                    } catch (Exception e) {
                        throw new frontier.magics.MagicException("cannot expand ${" + expr + "}: " + e.getMessage());
                    }
                });
    }

    /** The magics module's registry, loaded at the session's first magic. */
    private synchronized MagicRunner magics() {
        if (magics == null) {
            magics = RegistryMagicRunner.load();
        }
        return magics;
    }

    public EvalOutcome run(String code) {
        if (!CellParser.hasMagic(code)) {
            return java.eval(code);
        }
        EvalOutcome last = EvalOutcome.NOTHING;
        for (CellParser.Part p : CellParser.parse(code)) {
            last = switch (p.kind()) {
                case JAVA -> java.eval(p.body());
                case SHELL -> shell(p.args());
                case LINE_MAGIC -> magic(p, false);
                case CELL_MAGIC -> magic(p, true);
            };
            if (last.error() != null) {
                return last;
            }
        }
        return last;
    }

    private EvalOutcome shell(String command) {
        try {
            magicThread = Thread.currentThread();
            int status = Shell.run(expand(command), context);
            if (status != 0) {
                System.err.println("(exit status " + status + ")");
            }
            return EvalOutcome.NOTHING;
        } catch (Exception e) {
            return EvalOutcome.failed(new CellError("ShellError", "!" + command + ": " + e.getMessage(),
                    List.of("\u001b[0;31m!" + command + "\u001b[0m: " + e.getMessage())));
        } finally {
            magicThread = null;
            Thread.interrupted();
        }
    }

    private EvalOutcome magic(CellParser.Part p, boolean cell) {
        String shown = (cell ? "%%" : "%") + p.name();
        if (p.name().isEmpty()) {
            return EvalOutcome.failed(magicError(shown, "a magic needs a name: %name args", null));
        }
        try {
            magicThread = Thread.currentThread();
            // %time/%timeit take Java code, where $ is part of identifiers
            boolean code = p.name().equals("time") || p.name().equals("timeit");
            String args = code ? p.args() : expand(p.args());
            Object result = cell ? magics().runCell(p.name(), args, p.body(), context)
                    : magics().runLine(p.name(), args, context);
            return result == null ? EvalOutcome.NOTHING : EvalOutcome.value(result);
        } catch (MagicException e) {
            return EvalOutcome.failed(magicError(shown, e.getMessage(), e.usage()));
        } catch (InterruptedException e) {
            return EvalOutcome.failed(new CellError("Interrupted", shown + " was interrupted", List.of(shown + " was interrupted")));
        } catch (Exception | LinkageError e) {
            List<String> tb = new ArrayList<>();
            tb.add("\u001b[0;31m" + shown + " failed\u001b[0m: " + e);
            for (StackTraceElement s : e.getStackTrace()) {
                if (!s.getClassName().startsWith("frontier.kernel.")) {
                    tb.add("\tat " + s);
                }
            }
            return EvalOutcome.failed(new CellError(e.getClass().getName(), shown + ": " + e.getMessage(), tb));
        } finally {
            magicThread = null;
            Thread.interrupted();
        }
    }

    private static CellError magicError(String shown, String message, String usage) {
        // the registry's messages already start with how the magic was called
        String line = message != null && message.startsWith(shown) ? message : shown + ": " + message;
        List<String> tb = new ArrayList<>();
        tb.add("\u001b[0;31m" + line + "\u001b[0m");
        if (usage != null && !usage.isBlank()) {
            tb.add(usage.stripTrailing());
        }
        return new CellError("MagicError", line, tb);
    }

    public void interrupt() {
        java.interrupt();
        Thread t = magicThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Completion of magic names after % / %%, of Java otherwise. */
    public Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (line.startsWith("%") && !line.contains(" ")) {
            boolean cell = line.startsWith("%%");
            String prefix = line.substring(cell ? 2 : 1);
            List<String> matches = new ArrayList<>();
            for (String n : cell ? magics().cellMagics() : magics().lineMagics()) {
                if (n.startsWith(prefix)) {
                    matches.add(n);
                }
            }
            return new Completion(matches, lineStart + (cell ? 2 : 1), cursor);
        }
        if (CellParser.hasMagic(code)) {
            // complete Java within the block the cursor is in
            int blockStart = lineStart;
            while (blockStart > 0) {
                int prev = code.lastIndexOf('\n', blockStart - 2) + 1;
                if (code.startsWith("%", prev) || code.startsWith("!", prev)) {
                    break;
                }
                blockStart = prev;
            }
            if (code.startsWith("%", lineStart) || code.startsWith("!", lineStart)) {
                return new Completion(List.of(), cursor, cursor);
            }
            Completion c = java.complete(code.substring(blockStart, cursor), cursor - blockStart);
            return new Completion(c.matches(), c.start() + blockStart, c.end() + blockStart);
        }
        return java.complete(code, cursor);
    }

    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%%")) {
            return "complete";
        }
        if (CellParser.hasMagic(code)) {
            StringBuilder javaOnly = new StringBuilder();
            for (String l : code.split("\n", -1)) {
                if (!l.startsWith("%") && !l.startsWith("!")) {
                    javaOnly.append(l).append('\n');
                }
            }
            return java.isComplete(javaOnly.toString());
        }
        return java.isComplete(code);
    }
}
