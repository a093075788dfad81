package frontier.kernel.eval;

import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shows the compiler only the kernel packages user code may use, so what compiles is what
 * {@link ApiClassLoader} lets run; jars the user adds later are seen in full. A proxy, since
 * JShell wants a StandardJavaFileManager and only list() changes. It also counts javac's listings
 * of the snippets' package, a measure of the compiler work a cell causes (for tests).
 */
final class ApiFileManager {
    private ApiFileManager() {
    }

    /**
     * @param kernelClasspath the kernel's classpath, set here as the compiler's classpath (JShell
     *                        extends it from java.class.path on addToClasspath, so it should be that)
     */
    static StandardJavaFileManager wrap(StandardJavaFileManager fm, List<String> visiblePrefixes, String kernelClasspath,
                                        LongAdder replListings) {
        List<String> kernelEntries = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (String e : kernelClasspath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                kernelEntries.add(Path.of(e).toAbsolutePath().toUri().getPath());
                files.add(new File(e));
            }
        }
        try {
            fm.setLocation(StandardLocation.CLASS_PATH, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the compiler's classpath", e);
        }
        String[] multiRelease = {null};
        return (StandardJavaFileManager) Proxy.newProxyInstance(ApiFileManager.class.getClassLoader(),
                new Class<?>[]{StandardJavaFileManager.class}, (proxy, method, args) -> {
                    try {
                        if (isRepeatedMultiRelease(method.getName(), args, multiRelease)) {
                            return true;
                        }
                        Object result = method.invoke(fm, args);
                        if (method.getName().equals("list") && args.length == 4 && "REPL".equals(args[1])) {
                            replListings.increment(); // javac lists the snippets' package a fixed number of times per task
                        }
                        if (method.getName().equals("list") && args.length == 4
                                && args[0] == StandardLocation.CLASS_PATH
                                && !visiblePackage((String) args[1], visiblePrefixes)) {
                            @SuppressWarnings("unchecked")
                            Iterable<JavaFileObject> all = (Iterable<JavaFileObject>) result;
                            List<JavaFileObject> kept = new ArrayList<>();
                            for (JavaFileObject f : all) {
                                if (!fromKernel(f, kernelEntries)) {
                                    kept.add(f);
                                }
                            }
                            return kept;
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * javac's getTask hands every task (JShell runs about five per cell) the option
     * --multi-release with the same value, and the standard file manager drops its classpath
     * index on any option, so each task re-indexed the kernel jar's ~1,200 directories. A
     * repeat of the value it already has is consumed here instead.
     */
    @SuppressWarnings("unchecked")
    private static boolean isRepeatedMultiRelease(String method, Object[] args, String[] last) {
        if (!method.equals("handleOption") || args == null || args.length != 2 || !"--multi-release".equals(args[0])
                || !(args[1] instanceof Iterator<?> rest)) {
            return false;
        }
        if (!rest.hasNext()) {
            return false;
        }
        String value = ((Iterator<String>) rest).next();
        if (value.equals(last[0])) {
            return true;
        }
        last[0] = value;
        args[1] = List.of(value).iterator(); // the value, consumed above, for the real call
        return false;
    }

    private static boolean visiblePackage(String pkg, List<String> visiblePrefixes) {
        String name = pkg + ".";
        for (String p : visiblePrefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromKernel(JavaFileObject f, List<String> kernelEntries) {
        String uri = f.toUri().toString();
        for (String e : kernelEntries) {
            if (uri.contains(e)) {
                return true;
            }
        }
        return false;
    }
}
