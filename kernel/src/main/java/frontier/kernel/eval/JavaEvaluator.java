package frontier.kernel.eval;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The Java session: JShell with in-process execution. Evaluates cells snippet by snippet, and
 * answers completion, inspection and is-complete questions from JShell's source analysis.
 */
public final class JavaEvaluator implements AutoCloseable {
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final JShell shell;
    private final SessionClassLoader loader;
    private final SessionExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final CellSplitter splitter;
    private final BackgroundIndexing indexing;
    private final GeneratedClasses generated;
    /** snippet id -> line of the cell the snippet starts on, minus one (maps stack frames to cell lines). */
    private final Map<String, Integer> snippetLines = new ConcurrentHashMap<>();
    private final List<Path> addedClasspath = new ArrayList<>();
    /** Cells whose last expression ran in the cheaper declared form ({@link BareExpression}); for tests. */
    private int declaredValues;
    /** How often javac listed the snippets' package (a few times per compiler task); for tests. */
    private final LongAdder replListings = new LongAdder();
    /** Numbers the declared values, one variable name per cell ({@link BareExpression#VARIABLE}). */
    private long valueSerial;

    /**
     * @param kernelLoader     the loader holding the kernel and its API
     * @param visiblePrefixes  class-name prefixes of the kernel's loader that user code may see
     * @param compileClasspath what the compiler sees (the kernel jar: the API must compile)
     * @param log              where JShell's own messages go (never the notebook)
     */
    public JavaEvaluator(ClassLoader kernelLoader, List<String> visiblePrefixes, String compileClasspath, PrintStream log) {
        loader = new SessionClassLoader(new ApiClassLoader(kernelLoader, visiblePrefixes));
        control = new SessionExecutionControl(new SessionLoaderDelegate(loader));
        JShell.Builder b = JShell.builder()
                .executionEngine(new SessionExecutionProvider(control), Map.of())
                .in(new ByteArrayInputStream(new byte[0])).out(log).err(log);
        // No --class-path among the compiler options: JShell passes them to every javac task (5 per
        // cell), and a class-path option makes the file manager drop its classpath index each time
        // (re-listing the kernel jar per task) and undo the jars %classpath / %maven added through
        // JShell.addToClasspath. The file manager gets the classpath once instead.
        List<String> options = new ArrayList<>(List.of("-proc:none", "-Xlint:none"));
        if (compileClasspath != null && !compileClasspath.isEmpty()) {
            b.fileManager(fm -> ApiFileManager.wrap(fm, visiblePrefixes, compileClasspath, replListings));
        }
        b.compilerOptions(options.toArray(String[]::new));
        shell = b.build();
        analysis = shell.sourceCodeAnalysis();
        indexing = BackgroundIndexing.pause(analysis);
        generated = GeneratedClasses.of(shell);
        splitter = new CellSplitter(analysis);
    }

    /** Offers a service to the session's code, found there with {@link #callerService}. */
    public <T> void provide(Class<T> type, T service) {
        loader.provide(type, service);
    }

    /**
     * The service of the session whose code is calling: the session of the first of its classes
     * on the calling thread's stack (any thread, also a pool's), else of the thread's context
     * class loader (threads a cell starts inherit it); null outside a session. Each session's
     * services live in its own class loader: nothing static holds them.
     */
    public static <T> T callerService(Class<T> type) {
        SessionClassLoader session = STACK.walk(frames -> frames
                .map(f -> f.getDeclaringClass().getClassLoader())
                .filter(SessionClassLoader.class::isInstance)
                .map(SessionClassLoader.class::cast)
                .findFirst().orElse(null));
        if (session == null && Thread.currentThread().getContextClassLoader() instanceof SessionClassLoader s) {
            session = s;
        }
        return session == null ? null : session.service(type);
    }

    /**
     * Lets JShell's background indexing of the classpath (package-name completion) run; held
     * since start-up so it does not compete with the first cells. The kernel calls this when
     * the session is idle.
     */
    public void startBackgroundIndexing() {
        indexing.resume();
    }

    /** Evaluates one cell; the caller has routed System.out/err to the notebook. */
    public EvalOutcome eval(String code) {
        List<Snippet> results = new ArrayList<>();
        try {
            return eval(code, results);
        } finally {
            // An expression's value is the cell's result, not a session variable: JShell would keep
            // it as $N, and every kept variable is re-imported (its class re-read) by each of the
            // ~5 compiler tasks of every later cell. After a few hundred cells that made a trivial
            // cell 3-4x slower. A value worth keeping is assigned to a variable.
            for (Snippet s : results) {
                shell.drop(s);
            }
            generated.retainActive(shell);
        }
    }

    private EvalOutcome eval(String code, List<Snippet> results) {
        List<CellPiece> pieces = splitter.split(code);
        EvalOutcome outcome = EvalOutcome.NOTHING;
        for (int i = 0; i < pieces.size(); i++) {
            CellPiece piece = pieces.get(i);
            boolean last = i == pieces.size() - 1;
            if (last && BareExpression.candidate(piece, code)) {
                EvalOutcome value = evalValue(code, piece, results);
                if (value != null) {
                    return value;
                }
            }
            List<SnippetEvent> events = shell.eval(piece.source());
            outcome = EvalOutcome.NOTHING;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue; // a dependent snippet updated because of this one
                }
                Snippet s = e.snippet();
                snippetLines.put(s.id(), linesBefore(code, piece));
                if (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && e.status().isActive()) {
                    results.add(s);
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    List<Diag> diags = shell.diagnostics(s).collect(Collectors.toList());
                    return EvalOutcome.failed(ErrorFormatter.compileError(code, piece, diags));
                }
                JShellException ex = e.exception();
                if (control.wasStopped()) {
                    return interrupted();
                }
                if (ex != null) {
                    return EvalOutcome.failed(exception(ex));
                }
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s)
                            .collect(Collectors.joining(", "));
                    System.err.println("note: " + s.source().lines().findFirst().orElse("") .trim()
                            + " can be used once " + missing + " is declared");
                }
                if (last && hasValue(s)) {
                    outcome = EvalOutcome.value(control.lastValue());
                }
            }
        }
        return outcome;
    }

    /**
     * Evaluates a bare last expression as a declaration ({@link BareExpression}): its outcome, or
     * null when that form did not compile, nothing ran, and the piece must go to JShell as written.
     */
    private EvalOutcome evalValue(String code, CellPiece piece, List<Snippet> results) {
        for (SnippetEvent e : shell.eval(BareExpression.declaration(piece, code, ++valueSerial))) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            if (e.status() != Snippet.Status.VALID) {
                if (e.status().isActive()) {
                    shell.drop(s); // e.g. RECOVERABLE: it must not run later when a name it lacks appears
                }
                return null;
            }
            results.add(s);
            declaredValues++;
            snippetLines.put(s.id(), linesBefore(code, piece));
            if (control.wasStopped()) {
                return interrupted();
            }
            if (e.exception() != null) {
                return EvalOutcome.failed(exception(e.exception()));
            }
            return EvalOutcome.value(control.lastValue());
        }
        return null;
    }

    /** Cell lines above the piece's first non-blank character: JShell numbers a snippet's lines from there. */
    private static int linesBefore(String code, CellPiece piece) {
        int first = piece.start();
        while (first < piece.end() && Character.isWhitespace(code.charAt(first))) {
            first++;
        }
        return ErrorFormatter.lineColumn(code, first)[0] - 1;
    }

    private static EvalOutcome interrupted() {
        return EvalOutcome.failed(new CellError("Interrupted", "the cell was interrupted",
                List.of("\u001b[0;31mInterrupted\u001b[0m: the cell was stopped; the session keeps its state")));
    }

    private static boolean hasValue(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> !"void".equals(((VarSnippet) s).typeName());
            case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> s instanceof ExpressionSnippet;
            default -> false;
        };
    }

    private CellError exception(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            String missing = shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
            return new CellError("UnresolvedReference", u.getSnippet().source().trim() + " needs " + missing,
                    List.of("cannot use " + u.getSnippet().source().trim() + " until " + missing + " is declared"));
        }
        if (control.lastThrowable() instanceof SystemExit exit) {
            return ErrorFormatter.systemExit(exit, ex, snippetLines);
        }
        return ErrorFormatter.exception(ex, snippetLines);
    }

    /** Compiles and runs throwaway snippets so javac and the analysis are loaded before the first cell. */
    public void warmUp() {
        for (String src : List.of("int frontier$warm = 1 + 1;", "String.valueOf(frontier$warm)",
                "void frontier$warmM() { for (int i = 0; i < 2; i++) { } }", "frontier$warm + 1", "1 + 1", "2 * 3")) {
            for (SnippetEvent e : shell.eval(src)) {
                if (e.causeSnippet() == null) {
                    shell.drop(e.snippet());
                }
            }
        }
        analysis.completionSuggestions("System.out.printl", 17, new int[1]);
        analysis.documentation("Math.max(", 9, false);
        analysis.analyzeCompletion("int x = 1;");
    }

    /** Stops a running cell (interrupt); the session keeps its state. */
    public void interrupt() {
        if (control.running()) {
            control.stop();
        }
    }

    public boolean running() {
        return control.running();
    }

    /**
     * Runs work that calls user code outside a snippet (rendering a cell's value calls its
     * toString()) where {@link #interrupt()} can stop it, as it stops a snippet.
     *
     * @throws InterruptedException when the work was stopped
     */
    public <T> T runStoppable(Callable<T> work) throws Exception {
        try {
            return control.runStoppable(work);
        } catch (SessionExecutionControl.Stopped e) {
            throw new InterruptedException("the cell was interrupted");
        }
    }

    /** The error of a cell that was interrupted. */
    public static CellError interruptedError() {
        return interrupted().error();
    }

    public Completion complete(String code, int cursor) {
        int start = pieceStart(code, cursor);
        String text = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        // first the ones that fit the expected type, as JShell orders them
        for (boolean typed : new boolean[]{true, false}) {
            for (SourceCodeAnalysis.Suggestion s : suggestions) {
                if (s.matchesType() == typed) {
                    matches.add(stripCall(s.continuation()));
                }
            }
        }
        return new Completion(new ArrayList<>(matches), start + anchor[0], cursor);
    }

    /** IPython-style matches: names, not calls ("println", not "println("). */
    private static String stripCall(String continuation) {
        if (continuation.endsWith("()")) {
            return continuation.substring(0, continuation.length() - 2);
        }
        if (continuation.endsWith("(")) {
            return continuation.substring(0, continuation.length() - 1);
        }
        return continuation;
    }

    /** The start of the snippet holding the cursor. */
    private int pieceStart(String code, int cursor) {
        int start = 0;
        for (CellPiece p : splitter.split(code.substring(0, cursor))) {
            start = p.start();
        }
        return start;
    }

    /** Signature(s) and javadoc of what is at the cursor, or the expression's type; null if nothing. */
    public String inspect(String code, int cursor) {
        int start = pieceStart(code, cursor);
        // inspect the identifier under the cursor: extend to its end
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String text = code.substring(start, end);
        int at = end - start;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, at, true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(text + "(", at + 1, true);
        }
        if (!docs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : docs) {
                sb.append(d.signature()).append('\n');
                if (d.javadoc() != null && !d.javadoc().isBlank()) {
                    sb.append(d.javadoc().strip()).append("\n\n");
                }
            }
            return sb.toString().strip();
        }
        String type = analysis.analyzeType(text, at);
        if (type != null && !type.isEmpty()) {
            return text.strip() + " : " + type;
        }
        return null;
    }

    /** "complete", "incomplete" or "invalid", as the is_complete_request wants. */
    public String isComplete(String code) {
        List<CellPiece> pieces = splitter.split(code);
        if (pieces.isEmpty()) {
            return "complete";
        }
        Completeness c = pieces.get(pieces.size() - 1).completeness();
        return switch (c) {
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "incomplete";
            case UNKNOWN -> "invalid";
            default -> "complete";
        };
    }

    public void addToClasspath(List<Path> entries) {
        for (Path p : entries) {
            shell.addToClasspath(p.toAbsolutePath().toString());
            addedClasspath.add(p.toAbsolutePath());
        }
    }

    public List<Path> classpath() {
        return List.copyOf(addedClasspath);
    }

    /** True when the session has declared a variable of that name (and it is still valid). */
    public boolean hasVariable(String name) {
        return shell.variables().anyMatch(v -> v.name().equals(name) && shell.status(v).isActive());
    }

    int declaredValues() {
        return declaredValues;
    }

    long replListings() {
        return replListings.sum();
    }

    int generatedClassFiles() {
        return generated.count();
    }

    /** How many variables the session holds (JShell's active var snippets). */
    public long variableCount() {
        return shell.variables().filter(v -> shell.status(v).isActive()).count();
    }

    /** Evaluates source for magics (%time, %timeit): the value, or throws with the error's text. */
    public Object evalForValue(String source) throws Exception {
        EvalOutcome o = eval(source);
        if (o.error() != null) {
            throw new IllegalArgumentException(o.error().evalue());
        }
        return o.value();
    }

    static String pathJoin(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    @Override
    public void close() {
        shell.close();
    }
}
