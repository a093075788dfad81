package frontier.magics.cli;

import frontier.magics.ExitStatus;
import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.progress.ProgressSink;
import frontier.progress.TextProgressBar;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code frontier <magic> [args...]}: runs a notebook magic from a shell with the same command
 * objects ({@code frontier ls -a DIR} is {@code %ls -a DIR}); results print as their plain-text
 * form. Exit status: 0 ok, 2 usage or user error (a bad flag, a missing file), 1 anything else,
 * and a verdict's own status for a result that is one ({@link ExitStatus}: 1 when a check fails).
 * Errors go to stderr on one line. A cell magic ({@code frontier bash}) reads its body from stdin.
 */
public final class FrontierCli {
    private FrontierCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath());
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd) {
        MagicRegistry registry = MagicRegistry.load();
        for (String problem : registry.loadProblems()) {
            err.println("frontier: warning: " + problem);
        }
        if (args.length == 0) {
            err.println(overview(registry));
            return 2;
        }
        String first = args[0];
        if (first.equals("-h") || first.equals("--help")) {
            out.println(overview(registry));
            return 0;
        }
        if (first.equals("-V") || first.equals("--version")) {
            out.println("frontier " + version());
            return 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (first.equals("help")) {
            if (rest.isEmpty()) {
                out.println(overview(registry));
                return 0;
            }
            first = rest.get(0);
            rest = List.of("--help");
        }
        String name = first.replaceFirst("^%%?", ""); // frontier %ls works too
        ProgressSink bars = new TextProgressBar(err, TextProgressBar.stderrIsTerminal());
        try (ProgressSink.Scope progress = ProgressSink.use(bars)) {
            TerminalContext ctx = new TerminalContext(cwd, out, err, bars);
            String body = null;
            if (registry.contains(name) && !registry.lineMagics().contains(name)) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8); // cell magic: the cell is stdin
            }
            Object result = registry.run(name, rest, body, ctx);
            if (result != null) {
                String text = result.toString();
                if (!text.isEmpty()) {
                    out.println(text);
                }
            }
            out.flush();
            return result instanceof ExitStatus verdict ? verdict.exitStatus() : 0;
        } catch (MagicException e) {
            out.flush();
            String message = e.getMessage();
            if (e.usage() != null && registry.contains(name)) {
                message += " (see: frontier " + name + " --help)";
            }
            err.println(message);
            return e.exitStatus();
        } catch (IOException | RuntimeException e) {
            out.flush();
            err.println("frontier " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")));
            return 1;
        }
    }

    static String overview(MagicRegistry registry) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: frontier <command> [ARGS...]\n")
                .append("Runs Frontier's notebook magics from a shell: 'frontier ls -a DIR' is '%ls -a DIR' in a notebook.\n")
                .append("A cell magic (like bash) reads its cell from stdin.\n\nCommands:\n");
        int width = registry.lineMagics().stream().mapToInt(String::length).max().orElse(0);
        for (String cell : registry.cellMagics()) {
            width = Math.max(width, cell.length());
        }
        java.util.SortedSet<String> all = new java.util.TreeSet<>(registry.lineMagics());
        all.addAll(registry.cellMagics());
        for (String name : all) {
            b.append("  ").append(name).append(" ".repeat(width - name.length() + 2)).append(registry.description(name)).append('\n');
        }
        b.append("\nRun 'frontier <command> --help' for a command's options.");
        return b.toString();
    }

    static String version() {
        String v = FrontierCli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
