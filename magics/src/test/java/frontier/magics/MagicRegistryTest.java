package frontier.magics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicRegistryTest {
    @TempDir
    Path dir;

    @Command(name = "echo", mixinStandardHelpOptions = true, description = "Echo the words.")
    public static class Echo implements Magic {
        @Option(names = "-n", description = "Count the words instead.")
        boolean count;
        @Parameters(paramLabel = "WORD")
        List<String> words = List.of();
        MagicContext ctx;

        @Override
        public void setContext(MagicContext context) {
            ctx = context;
        }

        @Override
        public Object call() {
            ctx.out().print("streamed");
            return count ? (Object) words.size() : String.join("|", words);
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true, description = "A magic with subcommands.",
            subcommands = {Store.Info.class})
    public static class Store implements Magic {
        MagicContext ctx;

        @Override
        public void setContext(MagicContext context) {
            ctx = context;
        }

        @Override
        public Object call() {
            throw new MagicException("a subcommand is needed: info");
        }

        @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a file's size.")
        public static class Info implements Magic {
            @Parameters(paramLabel = "FILE")
            String file;
            MagicContext ctx;

            @Override
            public void setContext(MagicContext context) {
                ctx = context;
            }

            @Override
            public Object call() throws Exception {
                return Files.size(ctx.cwd().resolve(file));
            }
        }
    }

    @Command(name = "shout", mixinStandardHelpOptions = true, description = "Upper-case the cell.")
    public static class Shout implements CellMagic {
        String body;
        @Option(names = "--suffix")
        String suffix = "";

        @Override
        public void setBody(String body) {
            this.body = body;
        }

        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            return body.toUpperCase() + suffix;
        }
    }

    @Command(name = "both", description = "Line and cell.")
    public static class Both implements CellMagic {
        String body;

        @Override
        public void setBody(String body) {
            this.body = body;
        }

        @Override
        public boolean isLineMagicToo() {
            return true;
        }

        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            return body == null ? "line" : "cell:" + body;
        }
    }

    @Command(name = "boom", description = "Fails with a bug.")
    public static class Boom implements Magic {
        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            throw new IllegalStateException("bug\nsecond line");
        }
    }

    private final MagicRegistry registry = MagicRegistry.of(List.of(Echo.class, Store.class, Shout.class, Both.class, Boom.class));

    @Test
    void listsLineAndCellMagics() {
        assertEquals(List.of("boom", "both", "echo", "store"), List.copyOf(registry.lineMagics()));
        assertEquals(List.of("both", "shout"), List.copyOf(registry.cellMagics()));
        assertEquals("Echo the words.", registry.description("echo"));
    }

    @Test
    void runsALineMagicWithShellSplitArgumentsAndStreamsItsOutput() {
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals("a b|c", registry.runLine("echo", "'a b' c", ctx));
        assertEquals(3, registry.runLine("echo", "-n x y z", ctx));
        assertEquals("streamedstreamed", ctx.outText());
    }

    @Test
    void helpIsTheResultNotAnError() {
        RecordingContext ctx = new RecordingContext(dir);
        Object help = registry.runLine("echo", "--help", ctx);
        assertInstanceOf(TextResult.class, help);
        assertTrue(help.toString().startsWith("Usage: %echo [-hnV] [WORD...]"), help.toString());
        assertTrue(help.toString().contains("Count the words instead."));
        assertEquals(help.toString(), registry.usage("echo"));
        Object subHelp = registry.runLine("store", "info --help", ctx);
        assertTrue(subHelp.toString().startsWith("Usage: %store info [-hV] FILE"), subHelp.toString());
        assertTrue(registry.runCell("shout", "-h", "x", ctx).toString().startsWith("Usage: %%shout"));
        assertEquals("", ctx.outText(), "help is returned, not printed");
        assertTrue(registry.runLine("echo", "--version", ctx).toString().startsWith("frontier "));
    }

    @Test
    void subcommandsRunWithTheContext() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "12345");
        assertEquals(5L, registry.runLine("store", "info f.txt", new RecordingContext(dir)));
    }

    @Test
    void missingFileIsAOneLineUserError() {
        MagicException e = assertThrows(MagicException.class,
                () -> registry.runLine("store", "info nope.txt", new RecordingContext(dir)));
        assertTrue(e.getMessage().startsWith("%store: no such file or directory: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("nope.txt"));
        assertEquals(2, e.exitStatus());
    }

    @Test
    void badFlagGivesAOneLineMessageAndTheUsage() {
        MagicException e = assertThrows(MagicException.class,
                () -> registry.runLine("echo", "--bogus", new RecordingContext(dir)));
        assertEquals("%echo: Unknown option: '--bogus'", e.getMessage());
        assertTrue(e.usage().startsWith("Usage: %echo"), e.usage());
        assertEquals(2, e.exitStatus());
        MagicException sub = assertThrows(MagicException.class,
                () -> registry.runLine("store", "info", new RecordingContext(dir)));
        assertTrue(sub.getMessage().contains("Missing required parameter: 'FILE'"), sub.getMessage());
        assertTrue(sub.usage().startsWith("Usage: %store info"), sub.usage());
    }

    @Test
    void unknownMagicSuggestsNearNames() {
        MagicException e = assertThrows(MagicException.class,
                () -> registry.runLine("ecoh", "", new RecordingContext(dir)));
        assertEquals("unknown magic %ecoh (did you mean %echo?); %lsmagic lists them", e.getMessage());
        assertTrue(e.usage().contains("Available line magics:"));
        assertThrows(MagicException.class, () -> registry.usage("nothing"));
    }

    @Test
    void lineAndCellMisuseIsExplained() {
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("shout", "", new RecordingContext(dir)));
        assertTrue(e.getMessage().contains("is a cell magic"), e.getMessage());
        MagicException f = assertThrows(MagicException.class, () -> registry.runCell("echo", "", "x", new RecordingContext(dir)));
        assertTrue(f.getMessage().contains("is a line magic"), f.getMessage());
    }

    @Test
    void cellMagicsGetTheBody() {
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals("HELLO\nWORLD!", registry.runCell("shout", "--suffix '!'", "hello\nworld", ctx));
        assertEquals("line", registry.runLine("both", "", ctx));
        assertEquals("cell:x", registry.runCell("both", "", "x", ctx));
    }

    @Test
    void bugsBecomeOneLineInternalErrorsWithTheCauseKept() {
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("boom", "", new RecordingContext(dir)));
        assertEquals("%boom: IllegalStateException: bug second line", e.getMessage());
        assertEquals(1, e.exitStatus());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void unclosedQuoteIsAUserError() {
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("echo", "'a", new RecordingContext(dir)));
        assertTrue(e.getMessage().startsWith("%echo: unclosed single quote"), e.getMessage());
    }

    @Test
    void terminalContextNamesTheCommandAsTheCliDoes() {
        RecordingContext ctx = new RecordingContext(dir, false);
        Object help = registry.run("store", List.of("info", "--help"), null, ctx);
        assertTrue(help.toString().startsWith("Usage: frontier store info"), help.toString());
        MagicException e = assertThrows(MagicException.class, () -> registry.run("echo", List.of("-x"), null, ctx));
        assertEquals("frontier echo: Unknown option: '-x'", e.getMessage());
        assertEquals("cell:x", registry.run("shout", List.of(), "cell:x", ctx).toString().toLowerCase());
    }

    @Test
    void serviceLoaderFindsTheCoreMagics() {
        MagicRegistry loaded = MagicRegistry.load();
        assertTrue(loaded.lineMagics().contains("ls"), loaded.lineMagics().toString());
        assertTrue(loaded.lineMagics().contains("lsmagic"));
        assertTrue(loaded.loadProblems().isEmpty(), loaded.loadProblems().toString());
        assertFalse(loaded.lineMagics().contains("echo"));
    }
}
