package frontier.array;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's opened chunk sources by location, so that a task holding only a location
 * string reads through an already-open array. Unknown locations are opened with
 * {@code frontier.zarr.Zarr.openArray(location)} (looked up reflectively, so that the array
 * package does not depend on the Zarr package). Sources without a location (in memory) are
 * registered under a "local:N" name that only this process knows.
 */
public final class ChunkSources {
    private ChunkSources() {
    }

    private static final Map<String, ChunkSource> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong LOCAL = new AtomicLong();

    /** Registers an open source and returns the location tasks use to find it again. */
    public static String register(ChunkSource source) {
        String loc = source.location();
        if (loc == null) loc = "local:" + LOCAL.incrementAndGet() + ":" + source.getClass().getSimpleName();
        OPEN.put(loc, source);
        return loc;
    }

    /** The source at a location: the registered one, or opened with frontier.zarr.Zarr.openArray. */
    public static ChunkSource open(String location) throws java.io.IOException {
        ChunkSource s = OPEN.get(location);
        if (s != null) return s;
        if (location.startsWith("local:")) {
            throw new java.io.IOException("in-memory array " + location + " is not known in this process (it cannot be reopened elsewhere)");
        }
        try {
            Class<?> zarr = Class.forName("frontier.zarr.Zarr");
            Object a = zarr.getMethod("openArray", String.class).invoke(null, location);
            s = (ChunkSource) a;
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof java.io.IOException) throw (java.io.IOException) c;
            throw new java.io.IOException("cannot open array " + location + ": " + c, c);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new java.io.IOException("cannot open array " + location + ": no frontier.zarr.Zarr.openArray(String) here (" + e + ")", e);
        }
        OPEN.putIfAbsent(location, s);
        return OPEN.get(location);
    }
}
