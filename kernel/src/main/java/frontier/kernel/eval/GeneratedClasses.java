package frontier.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * JShell keeps the class file of every snippet it ever compiled in its in-memory file manager,
 * and lists all of them to javac on every compiler task (about three per cell), also those of
 * dropped and overwritten snippets, which nothing can name any more. Each cell's value is such a
 * dropped snippet, so a cell cost grew by about 2 ms per earlier cell (200 ms after a hundred
 * cells). This forgets the class files of snippets that are no longer active, so the compiler
 * sees what the session can still use. Needs jdk.jshell/jdk.jshell opened to the kernel (the
 * jar's manifest does that); without it nothing is pruned, as before.
 */
final class GeneratedClasses {
    private static final String REPL_PREFIX = "REPL.$JShell$";
    private final Map<String, ?> classFiles;
    private final Method classFullName;

    private GeneratedClasses(Map<String, ?> classFiles, Method classFullName) {
        this.classFiles = classFiles;
        this.classFullName = classFullName;
    }

    static GeneratedClasses of(JShell shell) {
        try {
            Object taskFactory = field(JShell.class, "taskFactory").get(shell);
            Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
            Map<String, ?> files = (Map<String, ?>) field(fileManager.getClass(), "classObjects").get(fileManager);
            Method name = Snippet.class.getDeclaredMethod("classFullName");
            name.setAccessible(true);
            return new GeneratedClasses(files, name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new GeneratedClasses(null, null);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Forgets the class files of snippets that are not active (called between evaluations). */
    void retainActive(JShell shell) {
        if (classFiles == null) {
            return;
        }
        Set<String> live = new HashSet<>();
        try {
            for (Snippet s : (Iterable<Snippet>) shell.snippets()::iterator) {
                if (shell.status(s).isActive()) {
                    live.add((String) classFullName.invoke(s));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return;
        }
        classFiles.keySet().removeIf(name -> isSnippetClass(name) && !live.contains(outerClass(name)));
    }

    /** How many class files JShell holds now (-1 when they cannot be seen). */
    int count() {
        return classFiles == null ? -1 : classFiles.size();
    }

    /** A class of a snippet's wrapper (REPL.$JShell$12B_13 and its members), not a helper class. */
    static boolean isSnippetClass(String name) {
        return name.startsWith(REPL_PREFIX) && name.length() > REPL_PREFIX.length()
                && Character.isDigit(name.charAt(REPL_PREFIX.length()));
    }

    /** REPL.$JShell$12B_13$Inner -> REPL.$JShell$12B_13 */
    static String outerClass(String name) {
        int end = name.indexOf('$', REPL_PREFIX.length());
        return end < 0 ? name : name.substring(0, end);
    }
}
