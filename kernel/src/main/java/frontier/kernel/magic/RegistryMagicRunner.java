package frontier.kernel.magic;

import frontier.magics.MagicContext;
import frontier.magics.MagicException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Calls the magics module's frontier.magics.MagicRegistry (runLine / runCell / lineMagics /
 * cellMagics), found at run time so the kernel builds whichever way the registry is created
 * (a no-arg constructor or a static factory).
 */
public final class RegistryMagicRunner implements MagicRunner {
    private final Object registry;
    private final Class<?> type;

    private RegistryMagicRunner(Class<?> type, Object registry) {
        this.type = type;
        this.registry = registry;
    }

    /** The runner, or one that explains that no magics are installed. */
    public static MagicRunner load() {
        try {
            Class<?> t = Class.forName("frontier.magics.MagicRegistry");
            Object instance = null;
            for (Method m : t.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && t.isAssignableFrom(m.getReturnType())) {
                    instance = m.invoke(null);
                    break;
                }
            }
            if (instance == null) {
                instance = t.getConstructor().newInstance();
            }
            return new RegistryMagicRunner(t, instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new MissingMagics("frontier.magics.MagicRegistry is missing from this build");
        }
    }

    private Object call(String name, Class<?>[] types, Object... args) throws Exception {
        Method m = type.getMethod(name, types);
        try {
            return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : registry, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public Object runLine(String name, String args, MagicContext ctx) throws Exception {
        return call("runLine", new Class<?>[]{String.class, String.class, MagicContext.class}, name, args, ctx);
    }

    @Override
    public Object runCell(String name, String args, String body, MagicContext ctx) throws Exception {
        return call("runCell", new Class<?>[]{String.class, String.class, String.class, MagicContext.class}, name, args, body, ctx);
    }

    @SuppressWarnings("unchecked")
    private SortedSet<String> names(String method) {
        try {
            Object r = call(method, new Class<?>[0]);
            return r instanceof java.util.Collection<?> c ? new TreeSet<>((java.util.Collection<String>) c) : new TreeSet<>();
        } catch (Exception e) {
            return new TreeSet<>();
        }
    }

    @Override
    public SortedSet<String> lineMagics() {
        return names("lineMagics");
    }

    @Override
    public SortedSet<String> cellMagics() {
        return names("cellMagics");
    }

    private record MissingMagics(String why) implements MagicRunner {
        @Override
        public Object runLine(String name, String args, MagicContext ctx) {
            throw new MagicException("magics are not available: " + why);
        }

        @Override
        public Object runCell(String name, String args, String body, MagicContext ctx) {
            throw new MagicException("magics are not available: " + why);
        }

        @Override
        public SortedSet<String> lineMagics() {
            return Collections.emptySortedSet();
        }

        @Override
        public SortedSet<String> cellMagics() {
            return Collections.emptySortedSet();
        }
    }
}
