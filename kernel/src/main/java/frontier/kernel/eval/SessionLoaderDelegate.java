package frontier.kernel.eval;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Defines snippet classes in the session class loader and extends its classpath. */
final class SessionLoaderDelegate implements LoaderDelegate {
    private final SessionClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    SessionLoaderDelegate(SessionClassLoader loader) {
        this.loader = loader;
    }

    SessionClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, EngineTerminationException {
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes c : cbcs) {
                loader.declare(c.name(), ExitRedirect.apply(c.bytecodes()));
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> k = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), k);
                loaded[i] = true;
                k.getDeclaredMethods(); // verify now, as JShell's own delegate does
            }
        } catch (Throwable t) {
            throw new ClassInstallException("load: " + t.getMessage(), loaded);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes c : cbcs) {
            loader.declare(c.name(), ExitRedirect.apply(c.bytecodes()));
        }
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        try {
            for (String p : path.split(File.pathSeparator)) {
                if (!p.isEmpty()) {
                    loader.addURL(Path.of(p).toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new InternalException("bad classpath entry " + path + ": " + e.getMessage());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = classes.get(name);
        return k != null ? k : loader.loadClass(name);
    }
}
