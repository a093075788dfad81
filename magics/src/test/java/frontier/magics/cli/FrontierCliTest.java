package frontier.magics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontierCliTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FrontierCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsAMagicAndPrintsItsTextForm() throws Exception {
        Files.createDirectories(dir.resolve("img.zarr/0"));
        Files.writeString(dir.resolve("img.zarr/.zgroup"), "{\"zarr_format\":2}");
        Run ls = run("", "ls", "-a", "img.zarr");
        assertEquals(new Run(0, ".\n..\n.zgroup\n0\n", ""), ls);
        Run cat = run("", "cat", "img.zarr/.zgroup");
        assertEquals(new Run(0, "{\n    \"zarr_format\": 2\n}\n", ""), cat);
        assertEquals(0, run("", "%ls").status(), "a leading % is accepted");
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run help = run("", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: frontier <command> [ARGS...]"), help.out());
        assertTrue(help.out().contains("\n  ls  "), help.out());
        assertTrue(help.out().contains("\n  maven  "), help.out());
        assertTrue(help.out().contains("\n  bash  "), help.out());
        Run lsHelp = run("", "ls", "--help");
        assertEquals(0, lsHelp.status());
        assertTrue(lsHelp.out().startsWith("Usage: frontier ls [-ahlV] [PATH]"), lsHelp.out());
        assertEquals(lsHelp, run("", "help", "ls"));
        Run none = run("");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Usage: frontier"));
    }

    @Test
    void userErrorsExitTwoWithOneLineOnStderr() {
        Run flag = run("", "ls", "--bogus");
        assertEquals(new Run(2, "", "frontier ls: Unknown option: '--bogus' (see: frontier ls --help)\n"), flag);
        Run missing = run("", "cat", "nope.txt");
        assertEquals(new Run(2, "", "frontier cat: cannot open 'nope.txt': No such file or directory\n"), missing);
        Run unknown = run("", "lss");
        assertEquals(2, unknown.status());
        assertEquals("frontier: unknown command 'lss' (did you mean ls?); frontier --help lists them\n", unknown.err());
        Run noSession = run("", "time", "1+1");
        assertEquals(new Run(2, "", "frontier time: no Java session here: run this in a notebook\n"), noSession);
    }

    @Test
    void bugsExitOneWithOneLine() {
        Run bug = run("", "test_bug");
        assertEquals(new Run(1, "", "frontier test_bug: NullPointerException: a bug\n"), bug);
    }

    @Test
    void aCellMagicReadsItsCellFromStdin() {
        Run ok = run("echo from-stdin\necho err >&2\n", "bash");
        assertEquals(new Run(0, "from-stdin\n", "err\n"), ok);
        Run failed = run("exit 4\n", "bash");
        assertEquals(new Run(2, "", "frontier bash: bash exited with status 4\n"), failed);
    }

    @Test
    void noStackTraceEverReachesTheTerminal() {
        for (String[] args : new String[][]{{"ls", "'unclosed"}, {"cat"}, {"maven", "x"}, {"classpath", "*.nothing"}}) {
            Run r = run("", args);
            assertTrue(r.status() == 2, String.join(" ", args) + " -> " + r);
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
