package frontier.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JShell session in this JVM: values, state across cells, and what a cell leaves behind. */
class JavaEvaluatorTest {
    private static JavaEvaluator java;

    @BeforeAll
    static void start() {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        java = new JavaEvaluator(JavaEvaluatorTest.class.getClassLoader(), List.of("frontier."),
                System.getProperty("java.class.path"), log);
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    @Test
    void lastExpressionIsTheCellsValue() {
        EvalOutcome o = java.eval("int a = 20;\na + 22");
        assertNull(o.error());
        assertEquals(42, o.value());
        assertEquals(43, java.eval("a + 23").value(), "declarations stay across cells");
    }

    @Test
    void resultsDoNotPileUpAsSessionVariables() {
        long before = java.variableCount();
        for (int i = 0; i < 5; i++) {
            assertEquals(2, java.eval("1 + 1").value());
        }
        java.eval("String kept = \"x\" + 1;");
        assertEquals(before + 1, java.variableCount(), "only the declared variable stays");
        assertEquals("x1", java.eval("kept").value());
    }

    @Test
    void aJShellStyleResultReferenceGetsAHint() {
        assertEquals(3, java.eval("1 + 2").value());
        EvalOutcome o = java.eval("$1 * 2");
        assertNotNull(o.error());
        assertEquals("CompileError", o.error().ename());
        assertTrue(String.join("\n", o.error().traceback()).contains("assign a value to a variable"),
                o.error().traceback().toString());
    }

    @Test
    void aThrowingExpressionLeavesNoVariableBehind() {
        long before = java.variableCount();
        EvalOutcome o = java.eval("Integer.parseInt(\"nope\")");
        assertNotNull(o.error());
        assertTrue(o.error().evalue().contains("nope"), o.error().evalue());
        assertEquals(before, java.variableCount());
    }

    @Test
    void aBareLastExpressionIsTheValueAndRunsOnce() {
        java.eval("int[] runs = {0};\nint bump() { return ++runs[0]; }");
        int declared = java.declaredValues();
        assertEquals(1, java.eval("bump()").value());
        assertEquals(2, java.eval("bump() // a comment after the value").value());
        assertEquals(declared + 2, java.declaredValues(), "both ran as a declared value");
        assertEquals(3, java.eval("bump();").value(), "with a semicolon JShell runs it as written");
        assertEquals(declared + 2, java.declaredValues());
        assertEquals(3, java.eval("runs[0]").value(), "each cell ran bump() exactly once");
        assertEquals("[1, 2]", java.eval("java.util.Arrays.toString(new int[]{1, 2})").value());
        assertEquals('x', java.eval("(char) 120").value());
        assertEquals(7L, java.eval("3L +\n 4L").value());
    }

    @Test
    void aVoidCallWithoutSemicolonRunsOnceAndHasNoValue() {
        java.eval("StringBuilder said = new StringBuilder();\nvoid say(String s) { said.append(s); }");
        int declared = java.declaredValues();
        EvalOutcome o = java.eval("say(\"hi\")");
        assertEquals(declared, java.declaredValues(), "a void call does not compile as a value");
        assertNull(o.error());
        assertEquals(false, o.hasValue());
        assertEquals("hi", java.eval("said.toString()").value());
    }

    @Test
    void declarationsWithoutSemicolonStillDeclare() {
        assertNull(java.eval("String greeting = \"hello\"").error());
        assertNull(java.eval("java.util.List<Integer> nums = java.util.List.of(1, 2)").error());
        assertEquals("hello2", java.eval("greeting + nums.size()").value());
    }

    @Test
    void anUnknownNameInABareExpressionIsTheUsualErrorAndNeverRunsLater() {
        EvalOutcome o = java.eval("later$Count() + 1");
        assertNotNull(o.error());
        assertEquals("CompileError", o.error().ename());
        assertTrue(o.error().evalue().contains("cannot find symbol"), o.error().evalue());
        long before = java.variableCount();
        assertNull(java.eval("int later$Count() { return 41; }").error());
        assertEquals(before, java.variableCount(), "no pending variable came alive with the method");
    }

    @Test
    void aThrowingBareExpressionNamesItsCellLine() {
        EvalOutcome o = java.eval("int ok = 1;\n\nInteger.valueOf(\"x\" + ok)");
        assertNotNull(o.error());
        assertEquals("NumberFormatException", o.error().ename().replaceAll(".*\\.", ""));
        assertTrue(String.join("\n", o.error().traceback()).contains("line 3"), o.error().traceback().toString());
    }

    @Test
    void aCellsCompilerWorkDoesNotGrowWithTheCellsBeforeIt() {
        for (int i = 0; i < 3; i++) {
            java.eval((500 + i) + " + 1");
        }
        long before = java.replListings();
        assertEquals(601, java.eval("600 + 1").value());
        long early = java.replListings() - before;
        for (int i = 0; i < 40; i++) {
            assertEquals(701 + i, java.eval((700 + i) + " + 1").value());
        }
        before = java.replListings();
        assertEquals(801, java.eval("800 + 1").value());
        assertEquals(early, java.replListings() - before, "the 44th distinct cell compiled as often as the 4th");
    }

    @Test
    void classFilesOfDroppedSnippetsAreForgotten() {
        int before = java.generatedClassFiles();
        assertTrue(before >= 0, "the session's class files are visible (jdk.jshell opened to the kernel)");
        for (int i = 0; i < 20; i++) {
            assertEquals(901 + i, java.eval((900 + i) + " + 1").value());
        }
        assertEquals(before, java.generatedClassFiles(), "no class file kept for a cell's value");
        assertNull(java.eval("int keptAcrossCells = 5;").error());
        assertEquals(before + 1, java.generatedClassFiles());
        assertEquals(6, java.eval("keptAcrossCells + 1").value());
    }

    @Test
    void exitAndHaltFailTheCellAndKeepTheSession() {
        assertNull(java.eval("int survivor = 41;").error());
        for (String[] c : new String[][]{
                {"System.exit(1);", "System.exit(1)"},
                {"Runtime.getRuntime().halt(2);", "Runtime.halt(2)"},
                {"Runtime.getRuntime().exit(3)", "Runtime.exit(3)"},
                {"java.util.function.IntConsumer q = System::exit;\nq.accept(4);", "System.exit(4)"},
                {"try { System.exit(5); } catch (Exception e) { System.out.println(\"swallowed\"); }", "System.exit(5)"}}) {
            EvalOutcome o = java.eval(c[0]);
            assertNotNull(o.error(), c[0]);
            assertEquals("SystemExit", o.error().ename(), c[0]);
            assertEquals(c[1], o.error().evalue(), c[0]);
            assertTrue(o.error().traceback().get(0).contains("the kernel keeps running"), o.error().traceback().toString());
        }
        assertEquals(42, java.eval("survivor + 1").value());
    }

    @Test
    void exitInAThreadTheCellStartedEndsOnlyThatThread() {
        EvalOutcome o = java.eval("var seen = new java.util.concurrent.atomic.AtomicReference<Throwable>();\n"
                + "Thread t = new Thread(() -> Runtime.getRuntime().halt(6));\n"
                + "t.setUncaughtExceptionHandler((th, e) -> seen.set(e));\n"
                + "t.start();\nt.join();\nseen.get().getMessage()");
        assertNull(o.error());
        assertTrue(String.valueOf(o.value()).startsWith("Runtime.halt(6) was called"), String.valueOf(o.value()));
    }

    @Test
    void exitInAClassFromAnAddedJarFailsTheCell(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/quitter/Quitter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package quitter; public class Quitter { public static void main(String[] a) { System.exit(9); } }");
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, rc);
        java.addToClasspath(List.of(classes));
        EvalOutcome o = java.eval("quitter.Quitter.main(new String[0]);");
        assertNotNull(o.error());
        assertEquals("SystemExit", o.error().ename());
        assertEquals("System.exit(9)", o.error().evalue());
    }

    @Test
    void aDeclarationDoesNotWriteOutTheElementsOfItsArray() {
        // JShell's own value text called toString() on every element (44 s for a 200 MB byte[])
        assertNull(java.eval("int[] printed = {0};\n"
                + "Object counted = new Object() { public String toString() { printed[0]++; return \"x\"; } };").error());
        assertNull(java.eval("Object[] many = java.util.Collections.nCopies(5000, counted).toArray();").error());
        assertEquals(0, java.eval("printed[0]").value());
        assertNull(java.eval("byte[] big = new byte[50_000_000];").error());
        assertEquals(50_000_000, java.eval("big.length").value());
    }

    @Test
    void workOutsideASnippetCanBeStoppedToo() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                while (!java.running()) {
                    Thread.sleep(10);
                }
                Thread.sleep(200);
                java.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        org.junit.jupiter.api.Assertions.assertThrows(InterruptedException.class, () -> java.runStoppable(() -> {
            while (true) {
                Math.sqrt(2); // a toString() that never ends
            }
        }));
        stopper.join();
        assertEquals(3, java.eval("1 + 2").value(), "the session goes on");
    }

    @Test
    void eachSessionsCodeFindsItsOwnServicesFromAnyThread() {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (JavaEvaluator other = new JavaEvaluator(JavaEvaluatorTest.class.getClassLoader(), List.of("frontier."),
                System.getProperty("java.class.path"), log)) {
            java.provide(String.class, "first session");
            other.provide(String.class, "second session");
            String ask = "frontier.kernel.eval.JavaEvaluator.callerService(String.class)";
            assertEquals("first session", java.eval(ask).value());
            assertEquals("second session", other.eval(ask).value());
            assertEquals("first session", java.eval("java.util.concurrent.CompletableFuture.supplyAsync(() -> " + ask + ").join()").value(),
                    "from the common pool, whose threads are not the cell's");
            assertEquals("first session", java.eval("var found = new String[1];\nThread th = new Thread(() -> found[0] = " + ask
                    + ");\nth.start();\nth.join();\nfound[0]").value());
            assertNull(JavaEvaluator.callerService(String.class), "outside a session's code there is none");
        }
    }
}
