package frontier.kernel.eval;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the classes JShell compiles for the session's snippets, and the jars added with
 * %classpath / %maven. Its parent sees only the JDK and the kernel's public API (see
 * {@link ApiClassLoader}), so the user's jars never clash with the kernel's own libraries.
 */
final class SessionClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    SessionClassLoader(ClassLoader parent) {
        super("frontier-session", new URL[0], parent);
    }

    void declare(String name, byte[] bytes) {
        declared.put(name, bytes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = declared.get(name);
        if (b != null) {
            return defineClass(name, b, 0, b.length);
        }
        return super.findClass(name);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
