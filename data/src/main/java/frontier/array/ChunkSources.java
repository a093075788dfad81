package frontier.array;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Opens a chunk source by location with the {@link ChunkSourceOpener}s on the class path. */
public final class ChunkSources {
    private ChunkSources() {
    }

    /** The array at location, opened by the first opener (highest priority first) that handles it. */
    public static ChunkSource open(String location) throws IOException {
        if (location == null || location.startsWith(SourceRef.IN_MEMORY)) {
            throw new IOException("in-memory array " + location + " is not known in this process (it cannot be reopened elsewhere)");
        }
        List<ChunkSourceOpener> openers = openers();
        if (openers.isEmpty()) throw new IOException("cannot open array " + location + ": no ChunkSourceOpener on the class path (is frontier.zarr there?)");
        for (ChunkSourceOpener o : openers) {
            ChunkSource s = o.open(location);
            if (s != null) return s;
        }
        throw new IOException("cannot open array " + location + ": no opener handles it");
    }

    private static List<ChunkSourceOpener> openers() {
        List<ChunkSourceOpener> out = new ArrayList<>();
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader l : new ClassLoader[]{ChunkSourceOpener.class.getClassLoader(), context}) {
            if (l == null) continue;
            for (ChunkSourceOpener o : ServiceLoader.load(ChunkSourceOpener.class, l)) if (seen.add(o.getClass())) out.add(o);
        }
        out.sort(Comparator.comparingInt(ChunkSourceOpener::priority).reversed());
        return out;
    }
}
