package frontier.magics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.FileNotFoundException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The magics found through ServiceLoader ({@code META-INF/services/frontier.magics.Magic}), each a
 * picocli {@code @Command}. Runs them from a notebook ({@code %name args}, {@code %%name args}
 * with a body) or from the frontier CLI with the same command objects: a fresh instance per run,
 * arguments split like a POSIX shell, {@code --help} answered with the usage text as the result,
 * and every failure turned into a one-line {@link MagicException} (never a stack trace).
 *
 * <p>Error messages start with how the user called the magic: {@code %ls: ...} or
 * {@code %%bash: ...} in a notebook, {@code frontier ls: ...} on a terminal
 * ({@link MagicContext#isNotebook()}), so hosts print {@code getMessage()} as it is.
 */
public final class MagicRegistry {
    private final Map<String, Class<? extends Magic>> types = new LinkedHashMap<>();
    private final SortedSet<String> lineMagics = new TreeSet<>();
    private final SortedSet<String> cellMagics = new TreeSet<>();
    private final List<String> loadProblems = new ArrayList<>();

    private MagicRegistry() {
    }

    /** The magics registered on the class path of this class's loader. */
    public static MagicRegistry load() {
        return load(MagicRegistry.class.getClassLoader());
    }

    /** The magics registered on the given loader's class path (a broken entry is skipped and reported in {@link #loadProblems()}). */
    public static MagicRegistry load(ClassLoader loader) {
        MagicRegistry registry = new MagicRegistry();
        Iterator<ServiceLoader.Provider<Magic>> it = ServiceLoader.load(Magic.class, loader).stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                registry.add(it.next().type());
            } catch (ServiceConfigurationError | LinkageError e) {
                registry.loadProblems.add("cannot load a magic: " + e.getMessage());
            }
        }
        return registry;
    }

    /** A registry of exactly these magic classes (tests, embedding). */
    public static MagicRegistry of(Collection<Class<? extends Magic>> magicTypes) {
        MagicRegistry registry = new MagicRegistry();
        magicTypes.forEach(registry::add);
        return registry;
    }

    private void add(Class<? extends Magic> type) {
        Command command = type.getAnnotation(Command.class);
        if (command == null || command.name().isBlank() || command.name().startsWith("<")) {
            loadProblems.add(type.getName() + " is not a @Command with a name; skipped");
            return;
        }
        String name = command.name();
        if (types.containsKey(name)) {
            loadProblems.add("magic " + name + " is registered twice (" + types.get(name).getName() + ", "
                    + type.getName() + "); the first wins");
            return;
        }
        boolean cell = CellMagic.class.isAssignableFrom(type);
        boolean line = !cell;
        if (cell) {
            try {
                line = ((CellMagic) newInstance(type)).isLineMagicToo();
            } catch (MagicException e) {
                loadProblems.add(e.getMessage());
                return;
            }
        }
        types.put(name, type);
        if (line) {
            lineMagics.add(name);
        }
        if (cell) {
            cellMagics.add(name);
        }
    }

    public SortedSet<String> lineMagics() {
        return Collections.unmodifiableSortedSet(lineMagics);
    }

    public SortedSet<String> cellMagics() {
        return Collections.unmodifiableSortedSet(cellMagics);
    }

    /** True when a line or cell magic has this name. */
    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** Entries of the services files that could not be used (empty when all is well). */
    public List<String> loadProblems() {
        return Collections.unmodifiableList(loadProblems);
    }

    /** The first line of the magic's {@code @Command(description=...)}, or "". */
    public String description(String name) {
        Class<? extends Magic> type = types.get(name);
        if (type == null) {
            throw unknown(name, false, "%");
        }
        String[] description = type.getAnnotation(Command.class).description();
        return description.length == 0 ? "" : description[0].lines().findFirst().orElse("");
    }

    /** The usage text of a magic as a notebook user calls it ({@code Usage: %ls [-ahlV] [PATH]}). */
    public String usage(String name) {
        Class<? extends Magic> type = types.get(name);
        if (type == null) {
            throw unknown(name, false, "%");
        }
        String shown = lineMagics.contains(name) ? "%" + name : "%%" + name;
        return usageOf(commandLine(newInstance(type), shown));
    }

    /** The usage text of a magic as the frontier CLI shows it ({@code Usage: frontier ls ...}). */
    public String usage(String name, String displayName) {
        Class<? extends Magic> type = types.get(name);
        if (type == null) {
            throw unknown(name, false, "");
        }
        return usageOf(commandLine(newInstance(type), displayName));
    }

    /** Runs {@code %name argLine}. */
    public Object runLine(String name, String argLine, MagicContext ctx) {
        return run(name, null, argLine, null, false, ctx);
    }

    /** Runs a cell {@code %%name argLine} whose remaining lines are {@code body}. */
    public Object runCell(String name, String argLine, String body, MagicContext ctx) {
        return run(name, null, argLine, body == null ? "" : body, true, ctx);
    }

    /**
     * Runs a magic with arguments already split (the CLI's argv). A null body runs it as a line
     * magic; a non-null body runs it as a cell magic.
     */
    public Object run(String name, List<String> args, String body, MagicContext ctx) {
        return run(name, args, null, body, body != null, ctx);
    }

    private Object run(String name, List<String> args, String argLine, String body, boolean cell, MagicContext ctx) {
        boolean notebook = ctx.isNotebook();
        String shown = notebook ? (cell ? "%%" : "%") + name : "frontier " + name;
        Class<? extends Magic> type = types.get(name);
        if (type == null) {
            throw unknown(name, cell, notebook ? (cell ? "%%" : "%") : "frontier ");
        }
        if (notebook && cell && !cellMagics.contains(name)) {
            throw new MagicException(shown + ": %" + name + " is a line magic: write %" + name
                    + " ARGS on a line of its own, not %%" + name + " as a cell's first line");
        }
        if (notebook && !cell && !lineMagics.contains(name)) {
            throw new MagicException(shown + ": %%" + name + " is a cell magic: start a cell with %%"
                    + name + " and put its input on the following lines");
        }
        Magic magic = newInstance(type);
        CommandLine commandLine = commandLine(magic, shown);
        List<String> words;
        String code = null;
        if (magic instanceof CodeMagic) {
            CodeSplit split = args != null ? CodeSplit.ofWords(commandLine, args) : CodeSplit.ofLine(commandLine, argLine);
            words = split.options();
            code = split.code();
        } else {
            try {
                words = args != null ? args : ArgTokenizer.split(argLine);
            } catch (MagicException e) {
                throw new MagicException(shown + ": " + e.getMessage(), null, e);
            }
        }
        PrintWriter out = new PrintWriter(ctx.out(), true);
        commandLine.setOut(out);
        commandLine.setErr(new PrintWriter(ctx.err(), true));

        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(words.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new MagicException(shown + ": " + oneLine(e.getMessage()), usageOf(e.getCommandLine()), e);
        }
        // --help / --version anywhere in the chain (%ome_zarr info --help) answer with text.
        ParseResult last = parsed;
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.isUsageHelpRequested()) {
                return new TextResult(usageOf(p.commandSpec().commandLine()));
            }
            if (p.isVersionHelpRequested()) {
                return new TextResult(String.join("\n", p.commandSpec().version()));
            }
            Object userObject = p.commandSpec().userObject();
            if (userObject instanceof Magic m) {
                m.setContext(ctx);
            }
            if (userObject instanceof CellMagic c) {
                c.setBody(body);
            }
            if (userObject instanceof RegistryAware r) {
                r.setRegistry(this);
            }
            if (userObject instanceof CodeMagic c && p == parsed) {
                c.setCode(code == null ? "" : code);
            }
            last = p;
        }
        CommandLine lastLine = last.commandSpec().commandLine();
        Object lastObject = last.commandSpec().userObject();
        if (!lastLine.getSubcommands().isEmpty() && !(lastObject instanceof Magic)) {
            throw new MagicException(shown + ": a subcommand is needed: "
                    + String.join(", ", lastLine.getSubcommands().keySet()), usageOf(lastLine), null);
        }
        try {
            new CommandLine.RunLast().execute(parsed);
            return lastLine.getExecutionResult();
        } catch (ParameterException e) {
            throw new MagicException(shown + ": " + oneLine(e.getMessage()), usageOf(e.getCommandLine()), e);
        } catch (CommandLine.ExecutionException e) {
            throw translate(shown, e.getCause() == null ? e : e.getCause(), lastLine);
        } catch (RuntimeException e) {
            throw translate(shown, e, lastLine);
        }
    }

    /** Turns what a magic threw into a one-line MagicException (user errors keep status 2). */
    private MagicException translate(String shown, Throwable t, CommandLine where) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        String prefix = shown + ": ";
        if (t instanceof MagicException m) {
            String message = m.getMessage() == null ? "failed" : m.getMessage();
            if (message.startsWith(prefix)) {
                return m;
            }
            MagicException prefixed = m.exitStatus() == 1
                    ? MagicException.internal(prefix + oneLine(message), m)
                    : new MagicException(prefix + oneLine(message), m.usage(), m);
            return prefixed;
        }
        if (t instanceof ParameterException p) {
            return new MagicException(prefix + oneLine(p.getMessage()), usageOf(p.getCommandLine()), p);
        }
        if (t instanceof InterruptedException || t instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
            return MagicException.internal(prefix + "interrupted", t);
        }
        if (t instanceof NoSuchFileException f) {
            return new MagicException(prefix + "no such file or directory: " + f.getFile(), null, t);
        }
        if (t instanceof AccessDeniedException f) {
            return new MagicException(prefix + "permission denied: " + f.getFile(), null, t);
        }
        if (t instanceof NotDirectoryException f) {
            return new MagicException(prefix + "not a directory: " + f.getFile(), null, t);
        }
        if (t instanceof FileSystemException f) {
            return new MagicException(prefix + oneLine(f.getMessage()), null, t);
        }
        if (t instanceof FileNotFoundException || t instanceof UnsupportedOperationException
                || t instanceof IllegalArgumentException) {
            return new MagicException(prefix + oneLine(String.valueOf(t.getMessage())), null, t);
        }
        return MagicException.internal(prefix + oneLine(t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage())), t);
    }

    private MagicException unknown(String name, boolean cell, String prefix) {
        String call = prefix + name;
        List<String> near = types.keySet().stream()
                .filter(known -> known.startsWith(name) || name.startsWith(known) || distance(known, name) <= 2)
                .sorted().collect(Collectors.toList());
        String hint = near.isEmpty() ? "" : " (did you mean " + near.stream().map(n -> prefix + n)
                .collect(Collectors.joining(", ")) + "?)";
        if (!prefix.startsWith("%")) { // the CLI
            return new MagicException("frontier: unknown command '" + name + "'" + hint.replace("frontier ", "")
                    + "; frontier --help lists them", null, null);
        }
        return new MagicException("unknown magic " + call + hint + "; %lsmagic lists them", listing(), null);
    }

    /** IPython-style listing of the magics (what %lsmagic shows). */
    public String listing() {
        return "Available line magics:\n"
                + lineMagics.stream().map(n -> "%" + n).collect(Collectors.joining("  "))
                + "\n\nAvailable cell magics:\n"
                + cellMagics.stream().map(n -> "%%" + n).collect(Collectors.joining("  "));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static CommandLine commandLine(Magic magic, String shownName) {
        CommandLine commandLine = new CommandLine(magic);
        commandLine.setCommandName(shownName);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        if (commandLine.getCommandSpec().version().length == 0) { // --version from the standard help options
            String v = MagicRegistry.class.getPackage().getImplementationVersion();
            commandLine.getCommandSpec().version("frontier " + (v == null ? "(development build)" : v));
        }
        return commandLine;
    }

    private static String usageOf(CommandLine commandLine) {
        if (commandLine == null) {
            return null;
        }
        return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Magic newInstance(Class<? extends Magic> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw MagicException.internal("cannot create magic " + type.getName() + ": " + e, e);
        }
    }
}
