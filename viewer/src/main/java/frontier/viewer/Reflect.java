package frontier.viewer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls public methods by name on objects from modules this one does not depend on (the lazy
 * ChunkedArray, the Zarr group), so the viewer works with whatever they look like at run time.
 */
final class Reflect {
    private Reflect() {
    }

    /** The first public method among names with the given parameter types, or null. */
    static Method find(Object o, Class<?>[] params, String... names) {
        for (String n : names) {
            try {
                Method m = o.getClass().getMethod(n, params);
                if (Modifier.isPublic(m.getModifiers())) {
                    m.setAccessible(true);
                    return m;
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                // try the next name
            }
        }
        return null;
    }

    static Object call(Method m, Object o, Object... args) {
        try {
            return m.invoke(o, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            throw new ViewException(m.getName() + " failed: " + c, c);
        } catch (IllegalAccessException e) {
            throw new ViewException("cannot call " + m, e);
        }
    }

    /** A no-arg method's result by the first name that exists, or null when none does. */
    static Object get(Object o, String... names) {
        Method m = find(o, new Class<?>[0], names);
        return m == null ? null : call(m, o);
    }
}
