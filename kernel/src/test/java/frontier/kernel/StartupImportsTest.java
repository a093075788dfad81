package frontier.kernel;

import com.sun.source.util.JavacTask;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every import in startup.jsh names something that exists on the kernel's classpath. The session
 * skips an import whose class is missing, silently (so that a missing optional module never
 * breaks start-up); this test is what notices, as javac does: the imports are compiled as one
 * source file against the same classpath, and any "cannot find symbol" or "package does not
 * exist" names the line.
 */
class StartupImportsTest {
    static final String STARTUP = "/frontier/kernel/startup.jsh";

    @Test
    void everyStartupImportResolves() throws IOException {
        List<String> imports = new ArrayList<>();
        try (InputStream in = StartupImportsTest.class.getResourceAsStream(STARTUP)) {
            assertNotNull(in, STARTUP);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.strip().startsWith("import ")) imports.add(line.strip());
            }
        }
        assertTrue(imports.size() > 10, "startup.jsh has its imports: " + imports);
        StringBuilder src = new StringBuilder();
        for (String i : imports) src.append(i).append('\n');
        src.append("class StartupImports {}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///StartupImports.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        List<String> options = List.of("-proc:none", "-classpath", System.getProperty("java.class.path"));
        ((JavacTask) javac.getTask(null, null, diagnostics, options, null, List.of(file))).analyze(); // checks, writes nothing
        List<String> missing = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                missing.add(imports.get((int) d.getLineNumber() - 1) + "  <- " + d.getMessage(null).lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), missing, "startup.jsh imports that name nothing on the kernel's classpath");
    }
}
