package frontier.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the classes JShell compiles for the session's snippets, and the jars added with
 * %classpath / %maven. Its parent sees only the JDK and the kernel's public API (see
 * {@link ApiClassLoader}), so the user's jars never clash with the kernel's own libraries.
 * Classes that call System.exit or Runtime.halt are defined with those calls redirected.
 */
final class SessionClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
    /** What the kernel offers this session's code (display, magics), by type. */
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    SessionClassLoader(ClassLoader parent) {
        super("frontier-session", new URL[0], parent);
    }

    <T> void provide(Class<T> type, T service) {
        services.put(type, service);
    }

    <T> T service(Class<T> type) {
        return type.cast(services.get(type));
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
        return fromJars(name);
    }

    /** A class from the added jars and folders, with its exits redirected ({@link ExitRedirect}). */
    private Class<?> fromJars(String name) throws ClassNotFoundException {
        URL url = findResource(name.replace('.', '/') + ".class");
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + url + ": " + e.getMessage(), e);
        }
        byte[] redirected = ExitRedirect.apply(bytes);
        if (redirected == bytes) {
            return super.findClass(name); // unchanged: as the URLClassLoader defines it (package, signers)
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
        }
        return defineClass(name, redirected, 0, redirected.length, new CodeSource(url, (CodeSigner[]) null));
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
