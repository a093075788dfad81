package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BashCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    @Test
    void runsTheCellInTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("x.txt"), "data");
        RecordingContext ctx = new RecordingContext(dir);
        assertNull(registry.runCell("bash", "", "cat x.txt; echo; echo oops >&2; read line; echo \"read:[$line]\"", ctx));
        assertEquals("data\nread:[]\n", ctx.outText());
        assertEquals("oops\n", ctx.errText());
    }

    @Test
    void outputIsStreamedWhileTheCellRuns() throws Exception {
        RecordingContext ctx = new RecordingContext(dir);
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(
                () -> registry.runCell("bash", "", "echo first; sleep 2; echo second", ctx));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ctx.outText().contains("first") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("first\n", ctx.outText(), "first line arrives before the cell ends");
        assertFalse(run.isDone());
        run.get(20, TimeUnit.SECONDS);
        assertEquals("first\nsecond\n", ctx.outText());
    }

    @Test
    void nonZeroExitIsAnErrorNamingTheStatus() {
        RecordingContext ctx = new RecordingContext(dir);
        MagicException e = assertThrows(MagicException.class, () -> registry.runCell("bash", "", "echo before; exit 3", ctx));
        assertEquals("%%bash: bash exited with status 3", e.getMessage());
        assertEquals("before\n", ctx.outText());
    }

    @Test
    void bashIsACellMagicOnly() {
        assertTrue(registry.cellMagics().contains("bash"));
        assertFalse(registry.lineMagics().contains("bash"));
    }

    @Test
    void shellRunStreamsAndReturnsTheStatus() {
        RecordingContext ctx = new RecordingContext(dir);
        assertEquals(0, Shell.run("printf 'a\\nb\\n'; printf 'é' >&2", ctx));
        assertEquals("a\nb\n", ctx.outText());
        assertEquals("é", ctx.errText());
        assertEquals(7, Shell.run("exit 7", ctx));
    }

    @Test
    void interruptKillsTheCommand() throws Exception {
        RecordingContext ctx = new RecordingContext(dir);
        Thread[] runner = new Thread[1];
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        runner[0] = new Thread(() -> {
            try {
                Shell.run("echo started; sleep 30; echo never", ctx);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        long start = System.nanoTime();
        runner[0].start();
        while (!ctx.outText().contains("started")) {
            Thread.sleep(20);
        }
        runner[0].interrupt();
        Throwable t = outcome.get(10, TimeUnit.SECONDS);
        assertTrue(t instanceof MagicException, String.valueOf(t));
        assertTrue(t.getMessage().contains("interrupted"), t.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertFalse(ctx.outText().contains("never"));
    }
}
