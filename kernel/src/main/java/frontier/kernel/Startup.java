package frontier.kernel;

import frontier.kernel.eval.JavaEvaluator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's start: the imports in frontier/kernel/startup.jsh (only those whose classes
 * exist in this build, so a missing module never breaks start-up), then a warm-up of the
 * compiler so the first real cell is fast.
 */
final class Startup {
    static final String RESOURCE = "/frontier/kernel/startup.jsh";
    /** Packages user code may see from the kernel's class loader (the rest stays private). */
    static final List<String> VISIBLE = List.of("frontier.", "tech.tablesaw.");

    private Startup() {
    }

    static JavaEvaluator newSession(PrintStream log) {
        JavaEvaluator java = new JavaEvaluator(Startup.class.getClassLoader(), VISIBLE,
                System.getProperty("java.class.path"), log);
        List<String> imports = availableImports(log);
        if (!imports.isEmpty()) {
            java.eval(String.join("\n", imports));
        }
        java.warmUp();
        return java;
    }

    static List<String> availableImports(PrintStream log) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Startup.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String l = line.strip();
                if (l.startsWith("import ") && exists(l)) {
                    out.add(l);
                }
            }
        } catch (IOException e) {
            log.println("frontier-kernel: cannot read " + RESOURCE + ": " + e);
        }
        return out;
    }

    /** True when the class (or package) an import names is in this build. */
    static boolean exists(String importLine) {
        String target = importLine.substring("import ".length()).replace(";", "").strip();
        boolean isStatic = target.startsWith("static ");
        if (isStatic) {
            target = target.substring("static ".length()).strip();
        }
        ClassLoader cl = Startup.class.getClassLoader();
        if (target.endsWith(".*")) {
            String base = target.substring(0, target.length() - 2);
            if (isStatic) {
                return loads(base, cl);
            }
            return cl.getResource(base.replace('.', '/') + "/") != null || cl.getDefinedPackage(base) != null
                    || ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(base));
        }
        if (isStatic) {
            int dot = target.lastIndexOf('.');
            String cls = target.substring(0, dot), member = target.substring(dot + 1);
            try {
                Class<?> c = Class.forName(cls, false, cl);
                for (var m : c.getMethods()) {
                    if (m.getName().equals(member)) {
                        return true;
                    }
                }
                c.getField(member);
                return true;
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
        return loads(target, cl);
    }

    private static boolean loads(String cls, ClassLoader cl) {
        try {
            Class.forName(cls, false, cl);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
