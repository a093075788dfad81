package frontier.kernel.eval;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of the session's class loader: the JDK plus only the packages the kernel publishes
 * to user code (frontier.*, and the types its API returns). The kernel's internal libraries
 * (ZeroMQ, Jackson, ...) stay invisible, so a user's own version of them loads cleanly from
 * %maven / %classpath (JJava #31 #33).
 */
final class ApiClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader kernel;
    private final List<String> visiblePrefixes;

    ApiClassLoader(ClassLoader kernel, List<String> visiblePrefixes) {
        super("frontier-api", ClassLoader.getPlatformClassLoader());
        this.kernel = kernel;
        this.visiblePrefixes = visiblePrefixes;
    }

    boolean visible(String name) {
        for (String p : visiblePrefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (visible(name)) {
            return kernel.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return visible(name.replace('/', '.')) ? kernel.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return visible(name.replace('/', '.')) ? kernel.getResources(name) : Collections.emptyEnumeration();
    }
}
