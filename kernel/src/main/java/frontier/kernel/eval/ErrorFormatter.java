package frontier.kernel.eval;

import jdk.jshell.Diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Formats compile errors (line:column in the cell) and exceptions (trace trimmed to user code). */
final class ErrorFormatter {
    private static final String RED = "\u001b[0;31m", BOLD = "\u001b[1m", RESET = "\u001b[0m";

    /** Line and column (1-based) of a UTF-16 offset in the cell. */
    static int[] lineColumn(String cell, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(offset, cell.length()); i++) {
            if (cell.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[]{line, col};
    }

    /** javac's "cannot find symbol ... variable $3": a JShell-style result reference. */
    private static final Pattern RESULT_VARIABLE = Pattern.compile("variable \\$\\d+\\b");

    static CellError compileError(String cell, CellPiece piece, List<Diag> diags) {
        List<String> tb = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            long p = d.getPosition() >= 0 ? d.getPosition() : Math.max(0, d.getStartPosition());
            int offset = piece.start() + (int) Math.min(p, Math.max(0, piece.source().length()));
            int[] lc = lineColumn(cell, offset);
            String msg = d.getMessage(Locale.ROOT).lines()
                    .filter(l -> !l.strip().equals("location: class")).collect(java.util.stream.Collectors.joining("\n"));
            String headline = msg.lines().findFirst().orElse(msg);
            if (first == null) {
                first = "line " + lc[0] + ":" + lc[1] + ": " + headline;
            }
            tb.add(RED + BOLD + "line " + lc[0] + ":" + lc[1] + ": error: " + RESET + msg);
            String src = cell.lines().skip(lc[0] - 1).findFirst().orElse("");
            tb.add("    " + src);
            tb.add("    " + " ".repeat(Math.max(0, lc[1] - 1)) + RED + "^" + RESET);
        }
        if (first == null) {
            first = "the cell does not compile";
            tb.add(first);
        }
        if (tb.stream().anyMatch(l -> RESULT_VARIABLE.matcher(l).find())) {
            tb.add("note: cell results are not kept as JShell's $N variables; "
                    + "assign a value to a variable (var x = ...) to use it in later cells");
        }
        return new CellError("CompileError", first, tb);
    }

    /**
     * An exception with its stack trace cut below the user's code (the reflection and kernel
     * frames that ran it say nothing to the user); snippet frames name the cell line.
     */
    static CellError exception(Throwable t, Map<String, Integer> snippetLineOffsets) {
        List<String> tb = new ArrayList<>();
        Throwable cur = t;
        boolean firstCause = true;
        while (cur != null) {
            String msg = cur.getLocalizedMessage();
            String head = (firstCause ? "" : "Caused by: ") + className(cur) + (msg == null ? "" : ": " + msg);
            tb.add(firstCause ? RED + BOLD + head + RESET : head);
            StackTraceElement[] st = cur.getStackTrace();
            int last = lastUserFrame(st);
            for (int i = 0; i <= last && i < st.length; i++) {
                tb.add("\tat " + describe(st[i], snippetLineOffsets));
            }
            firstCause = false;
            cur = cur.getCause() == cur ? null : cur.getCause();
        }
        return new CellError(className(t), String.valueOf(t.getMessage()), tb);
    }

    /**
     * A cell that called System.exit or Runtime.halt: IPython's answer to sys.exit(1) (ename
     * SystemExit), naming the call and where the cell made it.
     */
    static CellError systemExit(SystemExit exit, Throwable asSeen, Map<String, Integer> snippetLineOffsets) {
        List<String> tb = new ArrayList<>();
        tb.add(RED + "SystemExit" + RESET + ": " + exit.getMessage());
        for (StackTraceElement e : asSeen.getStackTrace()) {
            if (userFrame(e)) {
                tb.add("\tat " + describe(e, snippetLineOffsets));
            }
        }
        return new CellError("SystemExit", exit.call(), tb);
    }

    static String className(Throwable t) {
        return t instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
    }

    private static boolean userFrame(StackTraceElement e) {
        return e.getClassName().startsWith("REPL.") || (e.getFileName() != null && e.getFileName().startsWith("#"));
    }

    private static int lastUserFrame(StackTraceElement[] st) {
        int last = -1;
        for (int i = 0; i < st.length; i++) {
            if (userFrame(st[i])) {
                last = i;
            }
        }
        return last < 0 ? st.length - 1 : last;
    }

    private static String describe(StackTraceElement e, Map<String, Integer> snippetLineOffsets) {
        if (!userFrame(e)) {
            return e.toString();
        }
        String file = e.getFileName();
        Integer offset = file != null && file.startsWith("#") ? snippetLineOffsets.get(file.substring(1)) : null;
        String method = e.getMethodName();
        String where = offset != null && e.getLineNumber() > 0
                ? "cell line " + (offset + e.getLineNumber()) : "cell";
        String cls = e.getClassName().replaceFirst("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?", "");
        boolean synthetic = method.isEmpty() || method.startsWith("do_it$"); // JShell blanks the wrapper's frames
        return (synthetic ? "" : (cls.isEmpty() ? "" : cls + ".") + method + " ") + "(" + where + ")";
    }
}
